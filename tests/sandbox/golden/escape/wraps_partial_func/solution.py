# functools.wraps returns partial(update_wrapper, ...); its public .func would hand out the
# hidden update_wrapper, which copies any attribute list.
import functools


def f():
    return functools.wraps(f).func.__name__
