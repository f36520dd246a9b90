class A:
    def __del__(self): print('x')
def f(): return 1
