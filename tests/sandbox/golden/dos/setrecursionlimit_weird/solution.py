# sys.setrecursionlimit with values CPython would refuse or that would overflow the C stack.
import sys


def f():
    seen = []
    for value in (-5, 0, 10 ** 30, True, 2.9e9):
        sys.setrecursionlimit(value)
        seen.append(sys.getrecursionlimit())
    for value in (float("nan"), float("inf")):
        try:
            sys.setrecursionlimit(value)
        except (ValueError, OverflowError, TypeError):
            seen.append(type(value).__name__)
    return seen
