def f():
    global __builtins__
    return 1
