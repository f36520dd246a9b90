# .ctypes is refused on library arrays but allowed on "owned" objects, and a view of any
# array as the candidate's own ndarray subclass is owned.
import numpy as np


class Mine(np.ndarray):
    pass


def f():
    return np.zeros(2).view(Mine).ctypes.data > 0
