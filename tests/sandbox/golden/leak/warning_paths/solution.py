# Library warnings are written to the captured stdout with the full path of the file that
# raised them (the user's home and venv layout), and sys.stdout.take() reads them back.
import sys

import numpy as np


def f():
    np.mean(np.array([]))
    take = getattr(sys.stdout, "take", None)
    return take is not None and "site-packages" in take()
