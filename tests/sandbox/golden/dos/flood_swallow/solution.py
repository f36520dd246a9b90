def f():
    for i in range(10**6):
        try:
            print('x' * 1000)
        except BaseException:
            pass
    return 1
