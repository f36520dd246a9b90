import numpy as np
def f(): return np.ones((100000, 100000))
