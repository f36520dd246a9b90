# Even with real os in hand (escape via module-view re-init + NumPy), the kernel layer must
# refuse processes, threads, signals to the app, and raising the child's own limits (the audit hook is
# switched off first, so this exercises seccomp, the nobody user and RLIMIT_NPROC).
import math

import numpy as np


def escape():
    getattr(math, "__init__")("math", {"__array_interface__": {
        "shape": (1,), "typestr": "|O", "version": 3, "data": (id(len) + 24, False)}})
    return np.asarray(math)[0]


def f(variant):
    b = escape()
    load = lambda name: b.eval(f"__import__('{name}')", {"__builtins__": b})
    sys, os = load("sys"), load("os")
    b.setattr(sys.modules["sandbox.hardening"].AuditHook, "__call__", lambda *a: None)
    if variant == 0:
        return os.fork()
    if variant == 1:
        return os.kill(os.getppid(), 19)
    if variant == 2:
        return load("_thread").start_new_thread(lambda: None, ())
    resource = load("resource")
    return resource.setrlimit(resource.RLIMIT_AS, (-1, -1))
