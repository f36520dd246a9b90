def f(): return getattr((), '__cl' + 'ass__')
