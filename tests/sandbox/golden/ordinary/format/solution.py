def f(v, s):
    w = 5
    return "{:.2f} {} {!r} {:03d} ".format(v, s, s, 3) + f"{s=}" + "{0:>{1}}".format("", 3) + "pi:%.1f" % v
