from collections import defaultdict, Counter, deque, OrderedDict, namedtuple
import itertools, bisect, math, re, string, random, statistics, fractions, decimal, copy, operator
from enum import Enum, auto
from abc import ABC, abstractmethod
from typing import TypeVar, Generic, NamedTuple
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T) -> None: self.v = v
class Color(Enum):
    RED = auto()
class Shape(ABC):
    @abstractmethod
    def area(self) -> float: ...
class Sq(Shape):
    def area(self): return 1.0
P = namedtuple("P", "x y")
class Q(NamedTuple):
    a: int
    b: int = 2
def gen(n):
    for i in range(n):
        yield i * i
def f(n):
    d = defaultdict(int); d["a"] += 1
    c = Counter("aab"); dq = deque([1]); dq.appendleft(0)
    p = P(1, 2)._replace(x=3)
    _ = (Box(1).v, Color.RED.name, Sq().area(), Q(1)._asdict(), math.gcd(4, 6), re.findall(r"\d", "a1b2"),
         string.ascii_lowercase, random.Random(1).random(), statistics.mean([1, 2]), fractions.Fraction(1, 3),
         decimal.Decimal("1.1"), copy.deepcopy({"a": [1]}), operator.itemgetter(0)([1]), bisect.bisect([1, 2], 1),
         list(itertools.accumulate([1, 2])), sorted(zip([2, 1], "ab")), tuple(reversed([1])), Color["RED"])
    return [list(gen(n)), dict(d), list(enumerate("ab")), sorted({1, 2, 3}, reverse=True)]
