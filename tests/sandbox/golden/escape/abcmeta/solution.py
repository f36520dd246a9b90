import abc
def f(): return abc.ABCMeta('X', (), {'__getattribute__': 1})
