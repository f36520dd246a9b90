# repr() of a 99,000-deep nested list is quadratic (CPython's Py_ReprEnter list) and runs in
# one C call: only the parent's wall clock can stop it.
import sys

sys.setrecursionlimit(10 ** 6)


def f():
    x = []
    for _ in range(99_000):
        x = [x]
    return len(repr(x))
