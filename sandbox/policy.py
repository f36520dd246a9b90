"""The compile step: ordinary candidate Python in, guarded bytecode or a list of reasons out.

Built on RestrictedPython's transformer, which keeps its checks on names, inspect attributes,
`try/except*` and async. On top of that it allows what real solutions use (private names,
augmented assignment to attributes and items, annotations, `nonlocal`, `match`, dunder methods
from a curated list) and it guards only what can be dangerous: attribute reads that can reach
private or sensitive state go through `_getattr_`, attribute writes through `_write_`. Item
access, iteration and unpacking stay plain bytecode, so hot loops run at CPython speed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from types import CodeType

from RestrictedPython.transformer import INSPECT_ATTRIBUTES, RestrictingNodeTransformer

FILENAME = "<solution>"

DUNDER_METHODS = frozenset(
    [
        "__init__", "__new__", "__post_init__", "__repr__", "__str__", "__format__", "__hash__",
        "__bool__", "__len__", "__iter__", "__next__", "__reversed__", "__contains__",
        "__getitem__", "__setitem__", "__delitem__", "__missing__", "__call__", "__enter__",
        "__exit__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__neg__",
        "__pos__", "__abs__", "__invert__", "__index__", "__int__", "__float__", "__complex__",
        "__round__", "__trunc__", "__floor__", "__ceil__", "__add__", "__sub__", "__mul__",
        "__matmul__", "__truediv__", "__floordiv__", "__mod__", "__divmod__", "__pow__",
        "__lshift__", "__rshift__", "__and__", "__xor__", "__or__", "__radd__", "__rsub__",
        "__rmul__", "__rmatmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rdivmod__",
        "__rpow__", "__rlshift__", "__rrshift__", "__rand__", "__rxor__", "__ror__", "__iadd__",
        "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__", "__imod__",
        "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ixor__", "__ior__",
    ]
)
"""Special methods a candidate class may define: operators and protocols, nothing that runs
on attribute access, pickling, subclassing or garbage collection."""

CLASS_DUNDER_NAMES = frozenset({"__slots__"})
"""Dunder names a class body may assign (`__match_args__` only as a literal of public names)."""

DUNDER_READS = DUNDER_METHODS | {"__name__", "__qualname__", "__doc__", "__class__",
                                 "__setattr__"}
"""Dunder attributes code may read. Every such read goes through the runtime guard, which
allows most of them only on the candidate's own objects and `super()` (guards.py)."""

GUARDED_ATTRIBUTES = frozenset({"format", "format_map", "obj", "ctypes", "cffi", "tofile", "dump",
                                "resize"})
"""Public attribute names that need a runtime look at the object (see guards.guarded_getattr)."""

UNAVAILABLE_BUILTINS = {
    "open": "there is no file access in the sandbox",
    "input": "there is no standard input; the tests call your function",
    "eval": "evaluating strings as code is not allowed",
    "exec": "evaluating strings as code is not allowed",
    "compile": "compiling code is not allowed",
    "globals": "namespace introspection is not allowed",
    "locals": "namespace introspection is not allowed",
    "vars": "namespace introspection is not allowed",
    "dir": "namespace introspection is not allowed",
    "breakpoint": "there is no debugger in the sandbox",
    "help": "there is no help system in the sandbox",
    "exit": "return from your function instead",
    "quit": "return from your function instead",
    "memoryview": "raw memory views are not allowed",
}
"""Builtins left out on purpose, with the reason shown when code uses one it never defines."""


@dataclass(frozen=True)
class Rejection:
    """One reason the source cannot run, with its line."""

    line: int | None
    message: str


@dataclass(frozen=True)
class Compiled:
    """The outcome of the compile step: bytecode, or the rejections that prevent it."""

    code: CodeType | None
    rejections: list[Rejection]


def compile_solution(source: str, allowed_imports: Iterable[str] = ()) -> Compiled:
    """Parse, check and transform candidate source; never raises for anything in the source."""
    try:
        tree = ast.parse(source, FILENAME)
    except SyntaxError as error:
        return Compiled(None, [Rejection(error.lineno, f"SyntaxError: {error.msg}")])
    except (ValueError, MemoryError, RecursionError) as error:
        return Compiled(None, [Rejection(None, f"cannot parse: {type(error).__name__}")])
    transformer = CandidatePolicy(frozenset(allowed_imports), _bound_names(tree))
    try:
        tree = transformer.visit(tree)
    except RecursionError:
        return Compiled(None, [Rejection(None, "the code is nested too deeply to check")])
    if transformer.rejections:
        return Compiled(None, sorted(transformer.rejections, key=lambda r: r.line or 0))
    ast.fix_missing_locations(tree)
    try:
        return Compiled(compile(tree, FILENAME, "exec", dont_inherit=True), [])
    except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
        return Compiled(None, [Rejection(getattr(error, "lineno", None), str(error))])


def _bound_names(tree: ast.AST) -> frozenset[str]:
    """Every name the source binds anywhere, so `dir = [(0, 1)]` does not count as using dir()."""
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            bound.update(node.names)
    return frozenset(bound)


def trusted_self_name(method: ast.FunctionDef) -> str | None:
    """The first parameter of a method, if nothing in the method ever rebinds it.

    Such a `self` is checked once when the method starts (it must be the candidate's own
    object or class), so `self.x` inside it can stay plain bytecode instead of a guard call per
    access. This is what keeps class-heavy solutions at CPython speed.
    """
    decorators = {d.id for d in method.decorator_list if isinstance(d, ast.Name)}
    parameters = [*method.args.posonlyargs, *method.args.args]
    if "staticmethod" in decorators or not parameters:
        return None
    name = parameters[0].arg
    for node in ast.walk(method):
        if _binds(node, name) and node is not parameters[0]:
            return None
    return name


def _binds(node: ast.AST, name: str) -> bool:
    if isinstance(node, ast.Name):
        return node.id == name and not isinstance(node.ctx, ast.Load)
    if isinstance(node, ast.arg):
        return node.arg == name
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return node.name == name
    if isinstance(node, ast.Global | ast.Nonlocal):
        return name in node.names
    if isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar):
        return node.name == name
    if isinstance(node, ast.MatchMapping):
        return node.rest == name
    if isinstance(node, ast.alias):
        return (node.asname or node.name.split(".")[0]) == name
    return False


def is_dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def is_guard_shaped(name: str) -> bool:
    """Names like `_getattr_` or `_write_` belong to the guards and may never be rebound."""
    return name.startswith("_") and name.endswith("_") and name != "_" and not is_dunder(name)


def mangle(attribute: str, class_name: str | None) -> str:
    """Apply Python's private-name mangling, which the compiler would do for `self.__x`."""
    stripped = (class_name or "").lstrip("_")
    if not stripped or not attribute.startswith("__") or attribute.endswith("__"):
        return attribute
    return f"_{stripped}{attribute}"


class CandidatePolicy(RestrictingNodeTransformer):
    """RestrictedPython's transformer with a policy tuned for interview solutions."""

    def __init__(self, allowed_imports: frozenset[str], bound_names: frozenset[str]) -> None:
        super().__init__()
        self.rejections: list[Rejection] = []
        self.allowed_imports = allowed_imports
        self.bound_names = bound_names
        self.class_stack: list[str] = []
        self.in_class_body = False
        self.trusted_selves: list[str | None] = []
        """Per enclosing function: the `self` that is checked once on entry (see below)."""
        self.approved_match_args: set[int] = set()
        """`__match_args__` targets whose value is a literal of public names."""

    # -- reporting -------------------------------------------------------------------------

    def error(self, node: ast.AST, info: str) -> None:
        self.rejections.append(Rejection(getattr(node, "lineno", None), info))

    def warn(self, node: ast.AST, info: str) -> None:
        """RestrictedPython's warnings are about its print collector, which we do not use."""

    # -- names -----------------------------------------------------------------------------

    def check_name(self, node: ast.AST, name: str | None, allow_magic_methods: bool = False) -> None:
        if name is None or not name.startswith("_") or name == "_":
            if name in {"builtins"}:
                self.error(node, f'"{name}" is a reserved name.')
            return
        if is_dunder(name):
            allowed = self.in_class_body and name in DUNDER_METHODS | CLASS_DUNDER_NAMES
            allowed = allowed or id(node) in self.approved_match_args
            allowed = allowed or (name == "__name__" and isinstance(getattr(node, "ctx", None), ast.Load))
            if not allowed:
                self.error(node, f'"{name}": defining or using dunder names is not allowed here.')
        elif is_guard_shaped(name):
            self.error(node, f'"{name}": names that start and end with "_" are reserved.')

    def visit_Name(self, node: ast.Name) -> ast.AST:
        self.check_name(node, node.id)
        if isinstance(node.ctx, ast.Load) and node.id not in self.bound_names:
            reason = UNAVAILABLE_BUILTINS.get(node.id)
            if reason:
                self.error(node, f"{node.id}() is not available: {reason}.")
        return node

    def visit_Global(self, node: ast.Global) -> ast.AST:
        for name in node.names:
            self.check_name(node, name)
        return node

    def visit_Nonlocal(self, node: ast.Nonlocal) -> ast.AST:
        for name in node.names:
            self.check_name(node, name)
        return node

    # -- definitions -----------------------------------------------------------------------

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        self.check_name(node, node.name)
        self.check_function_argument_names(node)
        trusted = trusted_self_name(node) if self.in_class_body else None
        outer, self.in_class_body = self.in_class_body, False
        try:
            # Decorators, defaults and annotations run in the enclosing scope, where the
            # method's own `self` means nothing: visit them before trusting it.
            node.decorator_list = [self.visit(d) for d in node.decorator_list]
            node.args = self.visit(node.args)
            node.returns = self.visit(node.returns) if node.returns else None
            self.trusted_selves.append(trusted)
            try:
                node.body = self._visit_statements(node.body)
            finally:
                self.trusted_selves.pop()
        finally:
            self.in_class_body = outer
        if trusted:
            # `_type_(self) in _owned_types_ or _check_self_(self)`: a set lookup for the
            # common case, the full check (which fills the set) otherwise.
            check = ast.Expr(ast.BoolOp(ast.Or(), [
                ast.Compare(ast.Call(ast.Name("_type_", ast.Load()),
                                     [ast.Name(trusted, ast.Load())], []),
                            [ast.In()], [ast.Name("_owned_types_", ast.Load())]),
                ast.Call(ast.Name("_check_self_", ast.Load()),
                         [ast.Name(trusted, ast.Load())], [])]))
            docstring = 1 if ast.get_docstring(node, clean=False) is not None else 0
            node.body.insert(docstring, ast.copy_location(check, node.body[0]))
        return node

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        self.check_function_argument_names(node)
        outer, self.in_class_body = self.in_class_body, False
        try:
            return self.node_contents_visit(node)
        finally:
            self.in_class_body = outer

    def check_function_argument_names(self, node: ast.FunctionDef | ast.Lambda) -> None:
        outer, self.in_class_body = self.in_class_body, False
        arguments = node.args
        every_arg = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
        every_arg += [arg for arg in (arguments.vararg, arguments.kwarg) if arg]
        for arg in every_arg:
            self.check_name(node, arg.arg)
        self.in_class_body = outer

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        self.check_name(node, node.name)
        for keyword in node.keywords:
            if keyword.arg != "metaclass":
                self.check_name(node, keyword.arg)
        node.bases = [self.visit(base) for base in node.bases]
        node.keywords = [self.visit(keyword) for keyword in node.keywords]
        node.decorator_list = [self.visit(decorator) for decorator in node.decorator_list]
        self.approve_match_args(node.body)
        self.class_stack.append(node.name)
        outer, self.in_class_body = self.in_class_body, True
        try:
            node.body = self._visit_statements(node.body)
        finally:
            self.in_class_body = outer
            self.class_stack.pop()
        return node

    def approve_match_args(self, body: list[ast.stmt]) -> None:
        """`case C(x)` reads the names in `__match_args__` with a plain getattr, so they must
        be a literal tuple of public attribute names; any other binding is rejected."""
        for statement in body:
            if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and
                    isinstance(statement.targets[0], ast.Name) and
                    statement.targets[0].id == "__match_args__"):
                continue
            value = statement.value
            names = value.elts if isinstance(value, ast.Tuple | ast.List) else None
            if names is not None and all(
                    isinstance(n, ast.Constant) and isinstance(n.value, str) and
                    n.value.isidentifier() and not n.value.startswith("_") and
                    n.value not in INSPECT_ATTRIBUTES | GUARDED_ATTRIBUTES for n in names):
                self.approved_match_args.add(id(statement.targets[0]))
            else:
                self.error(statement, "__match_args__ must be a tuple of public attribute "
                                      "names written out literally.")

    def _visit_statements(self, statements: list[ast.stmt]) -> list[ast.stmt]:
        visited: list[ast.stmt] = []
        for statement in statements:
            result = self.visit(statement)
            if isinstance(result, list):
                visited.extend(result)
            elif result is not None:
                visited.append(result)
        return visited

    # -- attributes ------------------------------------------------------------------------

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        class_name = self.class_stack[-1] if self.class_stack else None
        name = mangle(node.attr, class_name)
        if node.attr in INSPECT_ATTRIBUTES:
            self.error(node, f'"{node.attr}" is a frame or code attribute and is not allowed.')
        elif is_dunder(node.attr) and (
            not isinstance(node.ctx, ast.Load) or node.attr not in DUNDER_READS
        ):
            self.error(node, f'"{node.attr}": dunder attributes are not allowed.')
        node.value = self.visit(node.value)
        trusted = isinstance(node.value, ast.Name) and node.value.id in self.trusted_selves
        if trusted and not is_dunder(name) and name not in GUARDED_ATTRIBUTES:
            return node
        if isinstance(node.ctx, ast.Load):
            if name.startswith("_") or name in GUARDED_ATTRIBUTES:
                guarded = ast.Call(
                    ast.Name("_getattr_", ast.Load()), [node.value, ast.Constant(name)], []
                )
                return ast.copy_location(guarded, node)
            return node
        node.value = ast.copy_location(
            ast.Call(ast.Name("_write_", ast.Load()), [node.value], []), node.value
        )
        return node

    # -- statements RestrictedPython rewrites or refuses, and we keep as plain bytecode ----

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_For(self, node: ast.For) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_With(self, node: ast.With) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_Module(self, node: ast.Module) -> ast.AST:
        return self.node_contents_visit(node)

    # -- imports ---------------------------------------------------------------------------

    def check_import_names(self, node: ast.Import | ast.ImportFrom) -> ast.AST:
        if isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
            if node.level:
                self.error(node, "relative imports are not allowed.")
        else:
            modules = [alias.name for alias in node.names]
        for module in modules:
            if module != "__future__" and module not in self.allowed_imports:
                allowed = ", ".join(sorted(name for name in self.allowed_imports if "." not in name))
                self.error(node, f'import of "{module}" is not allowed (allowed: {allowed}).')
        for alias in node.names:
            if alias.name != "*":
                self.check_name(node, alias.asname or alias.name.split(".")[0])
                self.check_name(node, alias.name.split(".")[-1])
        return node

    # -- match statements (rejected by RestrictedPython) ----------------------------------

    def visit_Match(self, node: ast.Match) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_match_case(self, node: ast.match_case) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_MatchValue(self, node: ast.MatchValue) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_MatchSingleton(self, node: ast.MatchSingleton) -> ast.AST:
        return node

    def visit_MatchSequence(self, node: ast.MatchSequence) -> ast.AST:
        return self.node_contents_visit(node)

    def visit_MatchStar(self, node: ast.MatchStar) -> ast.AST:
        self.check_name(node, node.name)
        return node

    def visit_MatchMapping(self, node: ast.MatchMapping) -> ast.AST:
        self.check_name(node, node.rest)
        return self.node_contents_visit(node)

    def visit_MatchClass(self, node: ast.MatchClass) -> ast.AST:
        for attribute in node.kwd_attrs:
            if attribute.startswith("_") or attribute in INSPECT_ATTRIBUTES | GUARDED_ATTRIBUTES:
                self.error(node, f'class pattern keyword "{attribute}" is not allowed.')
        return self.node_contents_visit(node)

    def visit_MatchAs(self, node: ast.MatchAs) -> ast.AST:
        self.check_name(node, node.name)
        return self.node_contents_visit(node)

    def visit_MatchOr(self, node: ast.MatchOr) -> ast.AST:
        return self.node_contents_visit(node)
