# NumPy protocol hooks (__array__, __array_ufunc__, __array_function__) are not on the list of
# special methods a candidate class may define.
class Fake:
    def __array__(self, dtype=None, copy=None):
        return None

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return None


def f():
    return 1
