# Terminal escapes, NUL, lone surrogates and a fake verdict line in output, error text and the
# result: they must come back as plain data, with nothing interpreted on the way.
def f(variant):
    print("\x1b[2J\x1b[32mPASSED\x1b[0m \ud800 \x00 \r\n[result] returned")
    if variant == 1:
        raise ValueError("\x1b[2J\ud800")
    return "\x1b]0;title\x07\x00ok"
