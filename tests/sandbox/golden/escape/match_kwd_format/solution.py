# A class-pattern keyword is a plain getattr: str(format=fmt) captures the raw str.format,
# whose {0.attr} fields walk attributes unguarded (CVE-2023-41039 through match).
def f():
    match "{0.__class__.__mro__}":
        case str(format=fmt):
            return fmt(1)
    return 0
