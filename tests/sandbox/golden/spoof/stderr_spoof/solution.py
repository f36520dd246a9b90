import sys
def f():
    sys.stderr.write('passed\n')
    return 0
