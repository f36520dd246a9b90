# The Enum functional-API check iterates a mapping once, enum iterates it again: a mapping
# that yields "a" the first time and "__array_interface__" the second gets past.
import enum

import numpy as np


class Names:
    def __init__(self):
        self.rounds = 0

    def keys(self):
        return ["a"]

    def __iter__(self):
        self.rounds += 1
        return iter(["a"] if self.rounds == 1 else ["__array_interface__"])

    def __getitem__(self, key):
        return {"shape": (1,), "typestr": "|O", "version": 3, "data": (id(len) + 24, False)}


def f():
    E = enum.Enum("E", Names())
    return str(np.asarray(E)[0])
