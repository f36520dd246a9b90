def f(x=1, _getattr_=lambda o, n: 1, /): return 1
