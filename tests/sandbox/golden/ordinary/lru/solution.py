import sys
from functools import lru_cache, cache
sys.setrecursionlimit(10**6)
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def f(n):
    return fib(n)
if __name__ == "__main__":
    print(f(10))
