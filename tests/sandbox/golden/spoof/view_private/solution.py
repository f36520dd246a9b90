import math
def f(): return math._view_module
