# Class patterns read __match_args__ names with a plain getattr: an ABC registered for builtin
# functions with __match_args__ = ("__self__",) captures len.__self__, the real builtins module.
from abc import ABC


class Probe(ABC):
    __match_args__ = ("__self__",)


Probe.register(type(len))


def f():
    match len:
        case Probe(module):
            return module.eval("1 + 1", {"__builtins__": module})
    return 0
