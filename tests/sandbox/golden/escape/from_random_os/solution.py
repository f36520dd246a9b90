from random import _os
def f(): return 1
