def f(n):
    count = 0
    def _bump():
        nonlocal count
        count += 1
    for _ in range(n):
        _bump()
    return count
