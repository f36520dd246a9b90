def f():
    g = (i for i in [1])
    return g.gi_code
