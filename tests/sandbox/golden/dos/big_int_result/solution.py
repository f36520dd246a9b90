# Huge integer results cross as hex, so neither side runs into the int/str digit limit.
def f(bits):
    return (1 << bits) - 1
