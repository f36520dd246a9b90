# int -> str of a huge number is quadratic; CPython's digit limit must stay in force.
def f():
    return len(str(10 ** 100000))
