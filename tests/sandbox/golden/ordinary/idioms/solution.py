# Idioms real solutions use that an over-tight policy would refuse.
import sys
from dataclasses import dataclass, field
from decimal import Decimal, getcontext
from operator import attrgetter, itemgetter

from numpy.typing import NDArray

input = sys.stdin.readline


@dataclass(frozen=True)
class Item:
    name: str
    score: int
    tags: tuple = field(default=())

    def __post_init__(self):
        object.__setattr__(self, "tags", tuple(sorted(self.tags)))


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __repr__(self):
        return f"{self.__class__.__name__}{tuple(self)}"


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def f():
    getcontext().prec = 50
    third = str(Decimal(1) / Decimal(3))[:12]
    items = sorted([Item("b", 2, ("z", "a")), Item("a", 2)], key=attrgetter("score", "name"))
    labels = "{p.x},{p.y} {0[1]}".format([7, 8], p=Point(1, 2))
    pairs = sorted([(2, "b"), (1, "a")], key=itemgetter(0))
    size = sys.getsizeof(0) > 0
    hint: NDArray = None
    return [third, [i.name for i in items], list(items[1].tags), repr(Pair(1, 2)), labels,
            pairs[0][1], size, hint, Item.__qualname__]
