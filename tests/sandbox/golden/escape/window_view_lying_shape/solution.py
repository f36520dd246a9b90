# sliding_window_view (and the as_strided inside it) trusts x.shape from Python; the candidate's
# own ndarray subclass can make `shape` a property that lies, so the window covers memory past
# the end of a one-element buffer (reads here; writeable=True gives writes, larger shapes crash).
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


class Liar(np.ndarray):
    @property
    def shape(self):
        return (64,)


def f():
    x = np.zeros(1, dtype=np.int64).view(Liar)
    window = sliding_window_view(x, 1, subok=True, writeable=True)
    return [x.size, len(np.asarray(window)[:, 0].tolist())]
