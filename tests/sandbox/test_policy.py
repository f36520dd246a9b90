"""The compile policy in-process: what it lets through, what it refuses, and why."""

import pytest

from sandbox.policy import compile_solution, mangle
from sandbox.views import ALLOWED_IMPORTS


def rejections(source: str) -> list[str]:
    return [r.message for r in compile_solution(source, ALLOWED_IMPORTS).rejections]


@pytest.mark.parametrize("source", [
    "class A:\n    def __init__(self):\n        self.n = 0\n    def inc(self):\n        self.n += 1\n",
    "dp = [0] * 3\ndp[1] %= 7\n",
    "def f():\n    x = 0\n    def g():\n        nonlocal x\n        x += 1\n    g()\n",
    "def _helper(): pass\nclass A:\n    def __init__(self):\n        self._items = []\n",
    "x: int = 0\nfrom dataclasses import dataclass\n@dataclass\nclass P:\n    x: int = 0\n",
    "match [1, 2]:\n    case [a, *rest]:\n        pass\n    case {'k': v, **others}:\n        pass\n",
    "class V:\n    __slots__ = ('a',)\n    def __repr__(self): return 'V'\n    def __lt__(self, o): return True\n",
    "class B(dict):\n    def __init__(self):\n        super().__init__()\n",
    "if __name__ == '__main__':\n    print('{}'.format(1), f'{2}')\n",
    "import numpy as np\nfrom collections import deque\nimport sys\nsys.setrecursionlimit(10**6)\n",
    "dir = [(0, 1), (1, 0)]\ntype = 'x'\n",
    "for _ in range(3): pass\n",
])
def test_ordinary_code_compiles(source):
    assert rejections(source) == []


@pytest.mark.parametrize("source, reason", [
    ("x = ().__bases__", "dunder attributes are not allowed"),
    ("import os", 'import of "os" is not allowed'),
    ("from os import path", 'import of "os" is not allowed'),
    ("from . import x", "relative imports"),
    ("def f(a, _getattr_=None, /): pass", "reserved"),
    ("_write_ = 1", "reserved"),
    ("class A:\n    def __reduce__(self): pass", '"__reduce__"'),
    ("def __init__(self): pass", '"__init__"'),
    ("def f():\n    g = (i for i in [])\n    return g.gi_frame", "frame or code attribute"),
    ("try:\n    pass\nexcept* ValueError:\n    pass", "TryStar"),
    ("async def f(): pass", "AsyncFunctionDef"),
    ("x = open('f')", "no file access"),
    ("x = eval('1')", "evaluating strings"),
    ("match x:\n    case object(_private=y): pass", "class pattern keyword"),
    ("def f(:", "SyntaxError"),
])
def test_dangerous_code_is_rejected_with_a_reason(source, reason):
    messages = rejections(source)
    assert messages and any(reason in message for message in messages), messages


def test_rejections_carry_the_line():
    compiled = compile_solution("x = 1\n\nimport subprocess\n", ALLOWED_IMPORTS)
    assert compiled.code is None and compiled.rejections[0].line == 3


def test_deep_but_reasonable_nesting_compiles_and_a_nesting_bomb_is_rejected():
    nested = compile_solution("x = " + "(" * 150 + "1" + ")" * 150 + "\n", ALLOWED_IMPORTS)
    assert nested.code is not None and not nested.rejections
    bomb = compile_solution("x = " + "-" * 100_000 + "1\n", ALLOWED_IMPORTS)
    assert bomb.code is None and bomb.rejections


def test_private_names_are_mangled_like_cpython():
    assert mangle("__x", "Node") == "_Node__x"
    assert mangle("__x__", "Node") == "__x__"
    assert mangle("_x", "Node") == "_x"
    assert mangle("__x", "__") == "__x"
