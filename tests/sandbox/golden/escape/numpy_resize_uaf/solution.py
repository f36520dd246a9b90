# ndarray.resize(refcheck=False) frees the buffer a live view still points at; the next object
# array reuses it, so writing an address through the stale view forges an object reference.
import numpy as np


def f():
    a = np.zeros(16, dtype=np.int64)
    stale = a[:]
    a.resize(100000, refcheck=False)
    objects = np.empty(16, dtype=object)
    stale[0] = id(len)
    return objects[0] is len
