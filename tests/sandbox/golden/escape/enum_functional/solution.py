import enum
def f(): return enum.Enum('X', {'__array_interface__': {}})
