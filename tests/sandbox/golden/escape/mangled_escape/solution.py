class A:
    def f(self): return self.__dict__
def f(): return A().f()
