from collections import namedtuple
P = namedtuple('P', ['_x'])
def f(): return 1
