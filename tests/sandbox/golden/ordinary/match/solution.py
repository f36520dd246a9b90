from dataclasses import dataclass
@dataclass
class Op:
    kind: str
def f(ops):
    acc = 0
    for op in ops:
        match op:
            case ["add", n]:
                acc += n
            case ["mul", n] if n > 0:
                acc *= n
            case ["neg"]:
                acc = -acc
            case {"k": v, **rest}:
                pass
            case Op(kind="x"):
                pass
            case _:
                raise ValueError(op)
    return acc
