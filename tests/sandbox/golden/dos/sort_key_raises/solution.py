# A sort key that raises half-way, and one that mutates the list being sorted.
def f(variant):
    data = list(range(100))
    if variant == 0:
        return sorted(data, key=lambda v: 1 // (v - 50))
    return data.sort(key=lambda v: (data.append(v), v)[1])
