import math
def f():
    object.__setattr__(math, 'x', 1)
    return 1
