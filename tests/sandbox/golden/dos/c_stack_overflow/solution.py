# A million nested map() iterators recurse in C without touching the recursion limit: the
# child dies of a stack overflow, which must be reported as a crash (not a hang or a pass).
def f():
    it = iter([1])
    for _ in range(1_000_000):
        it = map(abs, it)
    return next(it)
