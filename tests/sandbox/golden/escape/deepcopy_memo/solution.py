# copy.deepcopy(x, memo) keeps every original it copied in memo[id(memo)], including the raw
# instance __dict__, so a dunder key can be planted: NumPy trusts __array_interface__ for a
# raw object pointer (here the real builtins module, read out of len).
import copy

import numpy as np


class Box:
    pass


def f():
    box = Box()
    box.x = 1
    memo = {}
    copy.deepcopy(box, memo)
    raw = [kept for kept in memo[id(memo)] if type(kept) is dict][0]
    raw["__array_interface__"] = {"shape": (1,), "typestr": "|O", "version": 3,
                                  "data": (id(len) + 24, False)}
    return str(np.asarray(box)[0])
