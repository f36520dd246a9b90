import functools
def f(): return functools.wraps(f, assigned=['__globals__'])
