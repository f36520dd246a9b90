class A:
    def f(self): return super().__init__.__globals__
def f(): return A().f()
