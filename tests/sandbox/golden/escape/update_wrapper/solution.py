import functools
def f():
    class A: pass
    a = A()
    functools.update_wrapper(a, f, assigned=['__globals__'])
    return 1
