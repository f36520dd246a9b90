# After an escape, write forged frames on the result pipe: a "start" for a test index that does
# not exist makes the parent raise IndexError out of Sandbox.run ("never raises").
import math

import numpy as np


def escape():
    getattr(math, "__init__")("math", {"__array_interface__": {
        "shape": (1,), "typestr": "|O", "version": 3, "data": (id(len) + 24, False)}})
    return np.asarray(math)[0]


def f():
    b = escape()
    load = lambda name: b.eval(f"__import__('{name}')", {"__builtins__": b})
    os, sys, json = load("os"), load("sys"), load("json")
    fd = int(sys.argv[3])
    for frame in ({"type": "start", "index": 99},
                  {"type": "result", "index": 99, "outcome": "returned", "value": 1, "time_ms": 0}):
        data = json.dumps(frame).encode()
        os.write(fd, len(data).to_bytes(4, "big") + data)
    return 0
