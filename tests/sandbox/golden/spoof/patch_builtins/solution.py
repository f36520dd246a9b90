def f():
    __builtins__['len'] = lambda x: 0
    return 1
