class Counter:
    def __init__(self):
        self.n = 0
        self._hist: list[int] = []
    def inc(self) -> None:
        self.n += 1
        self._hist.append(self.n)
    def get(self):
        return self.n
