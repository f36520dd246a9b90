# An ndarray subclass with a lying __eq__ returned as the result must not be compared.
import numpy as np


class Liar(np.ndarray):
    def __eq__(self, other):
        return True


def f():
    return np.zeros(3).view(Liar)
