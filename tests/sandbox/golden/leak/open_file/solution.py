def f(): return open('/etc/passwd').read()
