def f():
    import os
    os.kill(os.getppid(), 9)
