import numpy as np
def f(): return np.random.default_rng().bit_generator.ctypes
