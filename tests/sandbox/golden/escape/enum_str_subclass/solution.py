# The Enum functional-API check trusts name.startswith("_"); a str subclass that lies about it
# (the RestrictedPython 7.2 bug) defines a dunder class attribute.
import enum

import numpy as np


class Name(str):
    def startswith(self, *args):
        return False


def f():
    interface = {"shape": (1,), "typestr": "|O", "version": 3, "data": (id(len) + 24, False)}
    E = enum.Enum("E", {Name("__array_interface__"): interface})
    return str(np.asarray(E)[0])
