from numpy import core
def f(): return 1
