f = lambda _getiter_=1: 1
