import numpy as np
def f(): return np.zeros(4, dtype=np.int64).view(object)
