import numpy as np
def f(): return np.load('/etc/passwd')
