import operator
def f(): return operator.attrgetter('__class__')(1)
