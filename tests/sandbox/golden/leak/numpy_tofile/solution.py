import numpy as np
def f(): return np.zeros(2).tofile('/tmp/x')
