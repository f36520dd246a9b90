from dataclasses import dataclass, field
from typing import List, Optional
@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list, repr=False, compare=False)
def f():
    p = Point(1, 2)
    q: Optional[Point] = None
    return [p.x + p.y, repr(p), Point(0, 5) < p]
