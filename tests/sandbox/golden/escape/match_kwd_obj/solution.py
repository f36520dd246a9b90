# AttributeError(obj=o) in a class pattern reads .obj without the runtime guard that refuses
# e.obj (CVE-2024-47532: a library object leaking through AttributeError.obj).
import random


def f():
    try:
        random.missing
    except AttributeError as error:
        match error:
            case AttributeError(obj=target):
                return repr(target)
    return 0
