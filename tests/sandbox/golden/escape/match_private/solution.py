import random
def f():
    match random.Random():
        case object(_inst=x): return x
    return 0
