# A method reads self._x without a guard; calling it unbound on a library object must not
# turn that into private access to the library object.
import random


class Peek:
    def private(self):
        return self._inst


def f():
    return Peek.private(random.Random())
