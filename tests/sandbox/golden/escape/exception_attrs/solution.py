# Exception objects: chaining, notes and tracebacks stay out of reach; with_traceback and
# add_note work but hand nothing back.
def f(variant):
    try:
        try:
            1 / 0
        except ZeroDivisionError as inner:
            raise KeyError("k") from inner
    except KeyError as error:
        error.add_note("note")
        if variant == 0:
            return getattr(error, "__cause__")
        if variant == 1:
            return getattr(error, "__context__")
        if variant == 2:
            return getattr(error, "__notes__")
        return [error.args[0], error.with_traceback(None) is error]
