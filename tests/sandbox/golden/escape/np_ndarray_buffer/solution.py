# The ndarray constructor with a small buffer and strides, offset or shape that reach past it.
import numpy as np


def f(variant):
    buffer = bytearray(16)
    if variant == 0:
        return np.ndarray((4,), dtype=np.int64, buffer=buffer, strides=(4096,)).tolist()
    if variant == 1:
        return np.ndarray((2,), dtype=np.int64, buffer=buffer, offset=4096).tolist()
    return np.ndarray((3,), dtype=np.int64, buffer=buffer, offset=8, strides=(-8,)).tolist()
