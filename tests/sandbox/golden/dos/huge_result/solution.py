def f(): return list(range(10**7))
