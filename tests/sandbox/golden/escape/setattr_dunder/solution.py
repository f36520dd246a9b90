class A: pass
def f():
    setattr(A, '__getattribute__', lambda s, n: 1)
    return 1
