# The Enum functional-API check reads a pair's name with item[0]; enum itself unpacks it with
# iter(): a pair answering "a" to one and "__array_interface__" to the other gets past.
import enum

import numpy as np


class Pair:
    def __getitem__(self, index):
        return "a"

    def __iter__(self):
        yield "__array_interface__"
        yield {"shape": (1,), "typestr": "|O", "version": 3, "data": (id(len) + 24, False)}


def f():
    E = enum.Enum("E", [Pair()])
    return str(np.asarray(E)[0])
