class A:
    def __getattribute__(self, n): return 1
def f(): return 1
