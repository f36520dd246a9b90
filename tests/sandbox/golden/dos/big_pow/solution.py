def f(): return 10 ** 10 ** 8
