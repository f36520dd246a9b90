# Plain dicts and lists that look like the encoder's own tags ({"d": ...}, {"i": hex},
# {"c": [re, im]}) must come back as the same plain data, not be decoded as tags.
def f():
    return [{"i": "ff"}, {"c": [1, 2]}, {"d": [[1, 2]]}, ["d", [["x", 1]]], {"d": 1, "i": "0"}]
