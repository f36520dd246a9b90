# A replacement field nested inside the format spec is expanded by str.format too; an
# f-string spec is only ever a spec (format(value, spec)), never a template.
def f(variant):
    if variant == 0:
        return "{0:{1.__class__}}".format(1, 2)
    if variant == 1:
        return "{0!r:>{1[__class__]}}".format(1, {})
    return f"{1:{'{0.__class__}'}}"
