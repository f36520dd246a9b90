import numpy as np
def f(): return getattr(np, 'core')
