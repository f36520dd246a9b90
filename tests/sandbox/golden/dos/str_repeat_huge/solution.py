# One expression asking for 10 GB.
def f(variant):
    if variant == 0:
        return len("x" * 10 ** 10)
    return len(bytearray(10 ** 10))
