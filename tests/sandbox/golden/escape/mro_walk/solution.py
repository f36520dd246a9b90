def f(): return int.mro()[-1].__subclasses__
