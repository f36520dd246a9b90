def g(): pass
def f(): return g.__name__
