import numpy as np
from numpy.linalg import norm
def softmax(x):
    a = np.asarray(x, dtype=float)
    a = a - a.max(axis=1, keepdims=True)
    e = np.exp(a)
    out = e / e.sum(axis=1, keepdims=True)
    out[0, 0] = out[0, 0]
    out[1] += 0
    _ = norm(out[0]), np.random.default_rng(0).normal(size=3)
    return out
