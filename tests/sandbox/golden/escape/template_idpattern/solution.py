# string.Template with a permissive idpattern: placeholders are looked up as mapping keys,
# never walked as attributes, so "${x.__class__}" cannot reach anything.
import string


class Loose(string.Template):
    idpattern = r"[^}]+"


def f():
    return Loose("${x.__class__}").substitute({"x": 1})
