# A candidate subclass of functools.cached_property is "owned", so its attrname can be set to
# a dunder; the first read then stores the value under that name in the raw instance __dict__.
import functools

import numpy as np


class Cached(functools.cached_property):
    pass


class Box:
    interface = Cached(lambda self: {"shape": (1,), "typestr": "|O", "version": 3,
                                     "data": (id(len) + 24, False)})


def f():
    Box.interface.attrname = "__array_interface__"
    box = Box()
    box.interface
    return str(np.asarray(box)[0])
