import random
def f():
    try:
        random.nope
    except AttributeError as e:
        return e.obj
