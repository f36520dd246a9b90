# The candidate's own str subclass takes guarded_getattr's fast path, and `self.format` in its
# methods is not guarded at all, so str.format's {0.attr} attribute walk is back.
class S(str):
    def render(self, value):
        return self.format(value)


def f(variant):
    template = S("{0.__class__.__mro__}")
    if variant == 0:
        return template.format(1)
    return template.render(1)
