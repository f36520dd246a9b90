def f(): return __import__('os')
