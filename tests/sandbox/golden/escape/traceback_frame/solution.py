def f():
    try:
        1/0
    except Exception as e:
        return e.__traceback__
