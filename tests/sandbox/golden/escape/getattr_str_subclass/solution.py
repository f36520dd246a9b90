# getattr with a str subclass whose startswith/eq/hash lie (the RestrictedPython 7.2 bypass).
class Name(str):
    def startswith(self, *args):
        return False

    def __eq__(self, other):
        return False

    def __hash__(self):
        return 0


def f(variant):
    g = (x for x in [1])
    if variant == 0:
        return getattr(g, Name("gi_frame"))
    return getattr(1, Name("__class__"))
