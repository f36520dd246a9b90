def f(): return Exception.__subclasses__()
