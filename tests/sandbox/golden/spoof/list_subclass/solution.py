class L(list): pass
def f(): return L([0, 1])
