import sys
def f():
    sys.stdout.limit = 10**12
    return 1
