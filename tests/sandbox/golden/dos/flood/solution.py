def f():
    while True: print('x' * 1000)
