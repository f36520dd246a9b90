# dataclasses.replace/asdict driven with dunder names and crafted instances.
import dataclasses


@dataclasses.dataclass
class P:
    x: int = 0


def f(variant):
    if variant == 0:
        return dataclasses.replace(P(), **{"__array_interface__": {}})
    if variant == 1:
        return dataclasses.replace(P(), **{"__dict__": {"y": 1}})
    return dataclasses.asdict(P(x=f))
