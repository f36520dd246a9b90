# An exception whose __str__ raises, floods print() or returns a non-string: the report must
# still be a runtime error with a usable message.
class Raises(Exception):
    def __str__(self):
        raise ValueError("no")


class Floods(Exception):
    def __str__(self):
        while True:
            print("x" * 10000)


class NotText(Exception):
    def __str__(self):
        return 42


def f(variant):
    raise [Raises, Floods, NotText][variant]()
