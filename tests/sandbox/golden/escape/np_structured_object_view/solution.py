# Reinterpreting integers as object pointers through structured dtypes.
import numpy as np


def f(variant):
    raw = np.full(2, id(len), dtype=np.int64)
    if variant == 0:
        return raw.view(np.dtype([("p", "O")]))[0]["p"]
    if variant == 1:
        return raw.view(np.dtype({"names": ["a", "b"], "formats": ["i8", "O"], "offsets": [0, 0]}))
    return np.frombuffer(raw.tobytes(), dtype=np.dtype([("p", "O")]))
