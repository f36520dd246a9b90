def f(): return type(int)('X', (), {})
