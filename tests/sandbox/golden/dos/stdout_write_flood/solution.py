# Flooding through sys.stdout.write / sys.stderr.write (with non-str arguments) instead of print.
import sys


class Big:
    def __str__(self):
        return "y" * 100000


def f(variant):
    stream = sys.stdout if variant == 0 else sys.stderr
    while True:
        try:
            stream.write(Big())
        except Exception:
            pass
