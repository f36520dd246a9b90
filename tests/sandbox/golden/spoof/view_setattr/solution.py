import math
def f():
    math.sqrt = lambda x: 0
    return 1
