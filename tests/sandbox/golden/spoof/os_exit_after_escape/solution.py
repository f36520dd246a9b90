# An early clean exit (os._exit(0) after an escape) must not count as a finished test.
import math

import numpy as np


def escape():
    getattr(math, "__init__")("math", {"__array_interface__": {
        "shape": (1,), "typestr": "|O", "version": 3, "data": (id(len) + 24, False)}})
    return np.asarray(math)[0]


def f():
    b = escape()
    os = b.eval("__import__('os')", {"__builtins__": b})
    b.getattr(os, "_exit")(0)
