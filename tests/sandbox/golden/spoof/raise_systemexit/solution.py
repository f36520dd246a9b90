def f(): raise SystemExit(0)
