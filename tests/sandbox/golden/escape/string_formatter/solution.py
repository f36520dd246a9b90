import string
def f(): return string.Formatter().get_field('0.__class__', [1], {})
