# NumPy hooks that call back into candidate code from C (print formatter, error callback,
# vectorize): the callbacks are ordinary guarded functions and hand out nothing extra.
import numpy as np

seen = []


def on_error(kind, flag):
    seen.append(kind)


def f():
    np.set_printoptions(formatter={"all": lambda value: "<" + type(value).__name__ + ">"})
    text = repr(np.arange(2))
    np.set_printoptions()
    old = np.seterrcall(on_error)
    with np.errstate(divide="call"):
        np.array([1.0]) / 0
    np.seterrcall(old)
    doubled = np.vectorize(lambda v: v * 2)(np.arange(3)).tolist()
    return [text, seen, doubled]
