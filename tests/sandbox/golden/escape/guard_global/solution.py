_write_ = lambda o: o
def f(): return 1
