import random
def f(): return random._os.getcwd()
