class A:
    __class__ = int
def f(): return 1
