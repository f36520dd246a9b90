# Library decorators mutate whatever class they are given: dataclass() on the harness's own
# OutputBuffer class (reached as type(sys.stdout)) rewrites its __repr__/__eq__/__hash__.
import dataclasses
import sys


def f():
    dataclasses.dataclass(type(sys.stdout))
    return repr(sys.stdout)
