import heapq
from functools import total_ordering
@total_ordering
class V:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        self.a = a; self.b = b
    def __repr__(self): return f"V({self.a}, {self.b})"
    def __lt__(self, other): return (self.a, self.b) < (other.a, other.b)
    def __eq__(self, other): return (self.a, self.b) == (other.a, other.b)
    def __hash__(self): return hash((self.a, self.b))
    def __len__(self): return self.a + self.b
    def __iter__(self):
        yield self.a
        yield self.b
    def __add__(self, o): return V(self.a + o.a, self.b + o.b)
class W(V):
    def __init__(self, a):
        super().__init__(a, a)
def f():
    h = [V(3, 1), V(1, 2)]
    heapq.heapify(h)
    s = sum(len(x) for x in [W(1), W(2)])
    return [repr(h[0]), len(h[0]), V(1,2) <= V(1,2), list(V(1, 2)), s]
