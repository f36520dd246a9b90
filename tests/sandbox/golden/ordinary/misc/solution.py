from __future__ import annotations
import functools
def deco(fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        return fn(*args, **kwargs)
    inner.calls = 0
    return inner
@deco
def add(a: int, b: int = 0, *, c: int = 0) -> int:
    return a + b + c
class Node:
    def __init__(self, val, nxt: Node | None = None):
        self.val, self.next = val, nxt
def f(xs):
    arr = sorted(xs, key=lambda v: (v, -v))
    first, *rest = arr
    kw = {"c": 1}
    s = add(*[1, 2], **kw) + 2
    try:
        raise KeyError("x")
    except (KeyError, ValueError) as e:
        msg = "ok"
    finally:
        pass
    with_ = [y for y in (x for x in arr) if (z := y) > 1]
    mat = [[0] * 2 for _ in range(2)]
    mat[0][1] += 2
    while False: pass
    head = Node(1, Node(2)); vals = []
    while head: vals.append(head.val); head = head.next
    assert isinstance(head, (Node, type(None))) if False else True
    return [arr, s, msg, mat[0][1], list(map(int, ["1", "2", "3"]))]
