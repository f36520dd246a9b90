import typing
def f(): return typing.get_type_hints
