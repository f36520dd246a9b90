# C code driving getattr with names the compile step never sees: functools.reduce, map and
# np.frompyfunc all call the sandbox's own getattr, which refuses the dunder.
import functools

import numpy as np


def f(variant):
    if variant == 0:
        return functools.reduce(getattr, ["__init__", "__globals__"], f)
    if variant == 1:
        return list(map(getattr, [f], ["__globals__"]))
    return np.frompyfunc(getattr, 2, 1)(f, "__globals__")
