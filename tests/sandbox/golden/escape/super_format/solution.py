# super(S, s).format is the raw str.format: the format guard checks str instances and str
# subclasses but not super objects, so {0.attr} fields walk attributes again.
class S(str):
    pass


def f(variant):
    if variant == 0:
        return super(S, S("{0.__class__.__mro__}")).format(1)
    return super(S, S).format("{0.__class__.__mro__}", 1)
