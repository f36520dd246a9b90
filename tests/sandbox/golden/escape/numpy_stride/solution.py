import numpy as np
def f(): return np.lib.stride_tricks.as_strided
