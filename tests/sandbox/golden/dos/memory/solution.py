def f():
    x = []
    while True: x.append(' ' * 10**6)
