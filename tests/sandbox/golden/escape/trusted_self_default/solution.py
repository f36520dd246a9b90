# `self.x` in a method is left unguarded, but defaults (and decorators, annotations) of that
# method are evaluated in the class body, where `self` can be any object: three hops from a
# NumPy array (.ctypes, ._ctypes, ._os) reach the real os module.
import numpy as np

box = []


class Hop:
    self = np.zeros(1)
    def a(self, _=box.append(self.ctypes)): pass
    self = box[0]
    def b(self, _=box.append(self._ctypes)): pass
    self = box[1]
    def c(self, _=box.append(self._os)): pass


def f():
    return box[2].getpid() > 0
