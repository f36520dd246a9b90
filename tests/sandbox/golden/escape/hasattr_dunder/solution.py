# hasattr is the guarded one: probing for frames and globals only ever says False.
def f():
    g = (x for x in [1])
    return [hasattr(f, "__globals__"), hasattr(g, "gi_frame"), hasattr(f, "__name__")]
