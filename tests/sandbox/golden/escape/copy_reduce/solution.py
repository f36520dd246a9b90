import copy
class A:
    def __reduce_ex__(self, p): return (print, ('hi',))
def f(): return copy.deepcopy(A())
