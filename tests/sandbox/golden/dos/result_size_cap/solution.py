# A result that costs nothing to build but is huge on the wire: 20 MB per test, every one kept
# by the parent (the app) until the run ends; with many hidden tests that is gigabytes.
def f():
    return "x" * 20_000_000
