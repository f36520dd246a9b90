# sys.stdout.take() is the harness's own "collect and reset" method: calling it between prints
# resets the byte count, so far more than the output limit is printed without OUTPUT_LIMIT.
import sys


def f():
    for _ in range(200):
        print("x" * 1000)
        sys.stdout.take()
    return 1
