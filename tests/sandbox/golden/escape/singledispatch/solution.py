import functools
def f(): return functools.singledispatch
