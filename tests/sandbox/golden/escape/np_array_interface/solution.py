import numpy as np
class A:
    pass
def f():
    a = A()
    setattr(a, '__array_interface__', {'shape': (1,), 'typestr': '<i8', 'data': (0, False), 'version': 3})
    return np.asarray(a)
