import decimal
def f(): return decimal.getcontext().__class__
