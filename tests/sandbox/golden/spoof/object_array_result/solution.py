# A NumPy object array smuggling a lying object (and an int subclass) into the result.
import numpy as np


class Liar:
    def __eq__(self, other):
        return True


class Int(int):
    pass


def f(variant):
    item = Liar() if variant == 0 else Int(3)
    return np.array([1, item], dtype=object)
