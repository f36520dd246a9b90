def f(): return __builtins__
