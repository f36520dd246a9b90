import re
def f(): return re.match(r'(a+)+$', 'a' * 40 + 'b')
