def f():
    a = []
    a.append(a)
    return a
