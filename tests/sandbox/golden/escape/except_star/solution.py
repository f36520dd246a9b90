def f():
    try:
        pass
    except* ValueError:
        pass
