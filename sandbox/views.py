"""The modules a solution may import, each exposed as a read-only view of its public names.

A view never hands out a real module: submodules are views too, and a module that is not on
the list is simply absent. Functions that walk attributes by name on the caller's behalf
(`operator.attrgetter`, `functools.update_wrapper`), evaluate annotations (`get_type_hints`,
`singledispatch`) or touch files and raw memory (NumPy's I/O, ctypes and stride tricks) are left
out or replaced by narrower versions.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import sys
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

STDLIB_MODULES = """
math cmath collections collections.abc heapq bisect itertools functools operator re string
typing dataclasses enum abc random statistics fractions decimal copy __future__
""".split()
NUMPY_MODULES = ("numpy", "numpy.linalg", "numpy.random", "numpy.fft", "numpy.polynomial",
                 "numpy.typing")
SPECIAL_MODULES = ("sys", "numpy.lib", "numpy.lib.stride_tricks")
ALLOWED_IMPORTS = frozenset(STDLIB_MODULES + list(NUMPY_MODULES) + list(SPECIAL_MODULES))

RECURSION_LIMIT_CAP = 100_000

HIDDEN_NAMES: dict[str, set[str]] = {
    "functools": {"update_wrapper", "wraps", "singledispatch", "singledispatchmethod",
                  "cached_property", "total_ordering"},
    "operator": {"attrgetter", "methodcaller"},
    "typing": {"get_type_hints", "ForwardRef", "get_overloads", "clear_overloads"},
    "string": {"Formatter"},
    "dataclasses": {"make_dataclass", "dataclass"},
    "copy": {"deepcopy"},
    "abc": {"ABCMeta"},
    "enum": {"EnumMeta", "EnumType"},
    "numpy": {
        "load", "save", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt",
        "fromfile", "fromregex", "memmap", "DataSource", "ctypeslib", "lib", "testing", "f2py",
        "distutils", "core", "show_config", "show_runtime", "info", "lookfor", "get_include",
        "rec", "ma", "char", "typing", "matlib", "add_docstring", "add_newdoc",
        "add_newdoc_ufunc", "test",
    },
}
"""Public names a view leaves out, per module. Metaclasses are out because calling one with
three arguments builds a class whose dunder methods never passed the compile step."""


class ModuleView:
    """A read-only stand-in for a module: its allowed names as plain attributes, nothing else."""

    def __init__(self, name: str, attributes: dict[str, Any]) -> None:
        if "_view_module" in object.__getattribute__(self, "__dict__"):
            raise AttributeError("modules are read-only in the sandbox")
        # `__name__` must not be a real module name: `from view import x` falls back to
        # sys.modules[f"{view.__name__}.{x}"] when the attribute is missing.
        object.__setattr__(self, "__name__", f"{name} (sandbox view)")
        object.__setattr__(self, "__all__", sorted(attributes))
        for key, value in attributes.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_view_module", name)

    def _add(self, name: str, value: Any) -> None:
        """Add or replace an attribute while the views are built (never from the solution)."""
        object.__setattr__(self, name, value)
        object.__setattr__(self, "__all__", sorted({*self.__all__, name}))

    def __getattr__(self, name: str) -> Any:
        module = object.__getattribute__(self, "_view_module")
        raise AttributeError(f"module '{module}' has no attribute '{name}' in the sandbox")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("modules are read-only in the sandbox")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("modules are read-only in the sandbox")

    def __repr__(self) -> str:
        return f"<module '{object.__getattribute__(self, '_view_module')}' (sandbox view)>"


_views: dict[str, ModuleView] = {}
_view_by_module_id: dict[int, ModuleView] = {}


def public_names(module: ModuleType) -> Iterable[str]:
    names = getattr(module, "__all__", None)
    if names is None:
        names = [name for name in dir(module) if not name.startswith("_")]
    return names


def _collect(module: ModuleType, hidden: set[str]) -> dict[str, Any]:
    attributes = {}
    for name in public_names(module):
        if name in hidden or name.startswith("_"):
            continue
        try:
            value = getattr(module, name)
        except Exception:  # deprecated or lazily failing names: leave them out
            continue
        if not isinstance(value, ModuleType):
            attributes[name] = value
    return attributes


def build_view(name: str, extra: dict[str, Any] | None = None) -> ModuleView:
    """Import `name` (trusted code, before the solution runs) and register its view."""
    module = importlib.import_module(name)
    attributes = _collect(module, HIDDEN_NAMES.get(name, set()))
    attributes.update(extra or {})
    view = ModuleView(name, attributes)
    _views[name] = view
    _view_by_module_id[id(module)] = view
    return view


def _attach_submodules(parent: str) -> None:
    view = _views[parent]
    prefix = parent + "."
    for name, child in _views.items():
        if name.startswith(prefix) and "." not in name[len(prefix):]:
            view._add(name[len(prefix):], child)


def safe_wraps(wrapped: Callable[..., Any]) -> Callable[..., Any]:
    """functools.wraps with its default attribute lists only (custom lists copy any attribute),
    applied only to the solution's own functions: it writes `__module__` on the wrapper."""
    from sandbox.guards import SandboxAccessError, is_owned

    decorate = functools.wraps(wrapped)

    def checked(wrapper: Callable[..., Any]) -> Callable[..., Any]:
        if not is_owned(wrapper) or isinstance(wrapper, type):
            raise SandboxAccessError("functools.wraps can only decorate your own functions")
        return decorate(wrapper)

    return checked


def _own_classes_only(decorator: Callable[[type], type]) -> Callable[[type], type]:
    """Class decorators that rewrite the class they get may only rewrite the solution's own."""
    from sandbox.guards import SandboxAccessError, is_owned

    def checked(cls: type) -> type:
        if not (isinstance(cls, type) and is_owned(cls)):
            raise SandboxAccessError(f"{decorator.__name__} can only decorate your own classes")
        return decorator(cls)

    return checked


def _checked_dataclass(dataclass: Callable[..., Any]) -> Callable[..., Any]:
    """dataclasses.dataclass, both as `@dataclass` and `@dataclass(order=True)`."""
    def checked(cls: type | None = None, /, **options: Any) -> Any:
        decorate = _own_classes_only(lambda c: dataclass(c, **options))
        return decorate if cls is None else decorate(cls)

    return checked


def safe_attrgetter(*names: str) -> Callable[[Any], Any]:
    """operator.attrgetter for public attribute paths, read through the sandbox's getattr."""
    from sandbox.guards import SandboxAccessError, guarded_getattr

    paths = []
    for name in names:
        if type(name) is not str or any(part.startswith("_") or not part.isidentifier()
                                        for part in name.split(".")):
            raise SandboxAccessError("attrgetter takes public attribute names only")
        paths.append(name.split("."))

    def get_one(obj: Any, path: list[str]) -> Any:
        for part in path:
            obj = guarded_getattr(obj, part)
        return obj

    if len(paths) == 1:
        return lambda obj: get_one(obj, paths[0])
    return lambda obj: tuple(get_one(obj, path) for path in paths)


def safe_namedtuple(typename: str, field_names: Any, *, rename: bool = False,
                    defaults: Any = None) -> type:
    """collections.namedtuple that names its module instead of inspecting the caller's frame."""
    import collections

    return collections.namedtuple(
        typename, field_names, rename=rename, defaults=defaults, module="solution"
    )


def _guard_enum_functional_api() -> None:
    """`Enum("X", {"__dunder__": ...})` would build a class with arbitrary dunders; refuse
    private and dunder member names there (class-body enums are checked at compile time)."""
    import enum

    original = enum.EnumType._create_
    if getattr(original, "sandbox_checked", False):
        return

    def checked_create(cls: Any, class_name: str, names: Any, **options: Any) -> Any:
        # Normalise once into plain (str, value) pairs, check those, and pass exactly those
        # on: a mapping or generator read twice, or a str subclass, could say otherwise.
        if isinstance(names, str):
            names = str.__str__(names).replace(",", " ").split()
        items = list(names.items()) if hasattr(names, "items") else list(names or ())
        pairs = []
        for index, item in enumerate(items):
            if isinstance(item, str):
                pairs.append((str.__str__(item), index + options.get("start", 1)))
                continue
            member, value = tuple(item)
            if type(member) is not str:
                raise ValueError("enum member names must be plain strings in the sandbox")
            pairs.append((member, value))
        for member, _value in pairs:
            if member.startswith("_"):
                raise ValueError(f"enum member name {member!r} is not allowed in the sandbox")
        return original(cls, class_name, pairs, **options)

    checked_create.sandbox_checked = True  # type: ignore[attr-defined]
    enum.EnumType._create_ = checked_create  # type: ignore[method-assign]


class _Stream:
    """What the solution sees as sys.stdout, sys.stderr and sys.stdin: write-only text that
    lands in the captured output, and an empty input (the tests call functions instead)."""

    __slots__ = ()

    def write(self, text: str) -> int:
        return _STREAM_SINK[0].write(text) if _STREAM_SINK else 0

    def flush(self) -> None:
        """Nothing to flush."""

    def readline(self, size: int = -1) -> str:
        return ""

    def read(self, size: int = -1) -> str:
        return ""


_STREAM_SINK: list[Any] = []


def make_sys_view(stdout: Any) -> ModuleView:
    def setrecursionlimit(limit: int) -> None:
        sys.setrecursionlimit(max(100, min(int(limit), RECURSION_LIMIT_CAP)))

    _STREAM_SINK[:] = [stdout]
    stream = _Stream()
    return ModuleView(
        "sys",
        {
            "setrecursionlimit": setrecursionlimit,
            "getrecursionlimit": sys.getrecursionlimit,
            "getsizeof": sys.getsizeof,
            "maxsize": sys.maxsize,
            "float_info": sys.float_info,
            "int_info": sys.int_info,
            "version_info": sys.version_info,
            "stdout": stream,
            "stderr": stream,
            "stdin": stream,
        },
    )


def load_stdlib_views(stdout: Any) -> None:
    """Build the views of the standard library modules; cheap, done when the child starts."""
    if "math" in _views:
        return
    import copy
    import dataclasses
    import decimal

    from sandbox import guards

    for name in STDLIB_MODULES:
        build_view(name)
    _views["functools"]._add("wraps", safe_wraps)
    _views["functools"]._add("total_ordering", _own_classes_only(functools.total_ordering))
    _views["dataclasses"]._add("dataclass", _checked_dataclass(dataclasses.dataclass))
    _views["copy"]._add("deepcopy", lambda value: copy.deepcopy(value))  # no memo: it leaks
    _views["operator"]._add("attrgetter", safe_attrgetter)
    _views["collections"]._add("namedtuple", safe_namedtuple)
    _attach_submodules("collections")
    _views["sys"] = make_sys_view(stdout)
    guards.WRITABLE_LIBRARY_TYPES.add(decimal.Context)
    _guard_enum_functional_api()


def load_numpy_views() -> None:
    """Import NumPy once and build its views; costs ~0.1 s, so only when a solution needs it."""
    if "numpy" in _views:
        return
    for name in reversed(NUMPY_MODULES):
        build_view(name)
    _warm_up_numpy()
    import numpy as np
    from numpy.lib.stride_tricks import sliding_window_view

    def checked_window_view(x: Any, window_shape: Any, axis: Any = None, *,
                            writeable: bool = False) -> Any:
        # A subclass could lie about its shape to as_strided underneath: use a base array.
        return sliding_window_view(np.asarray(x), window_shape, axis, subok=False,
                                   writeable=writeable)

    _views["numpy.lib.stride_tricks"] = ModuleView(
        "numpy.lib.stride_tricks", {"sliding_window_view": checked_window_view})
    _views["numpy.lib"] = ModuleView("numpy.lib", {})
    _attach_submodules("numpy.lib")
    _attach_submodules("numpy")


def _library_import(name: str) -> ModuleType:
    """C code in an allowed library (NumPy's lazy `npy_cache_import`) imports through the
    caller's `__import__`, which here is ours. Such names never come from the solution: its
    import statements are checked at compile time. Hand back already-loaded library modules only.
    """
    module = sys.modules.get(name)
    if module is None or name.split(".")[0] not in _LIBRARY_ROOTS:
        raise ImportError(f"import of '{name}' is not allowed in the sandbox")
    return module


_LIBRARY_ROOTS = {"numpy", *STDLIB_MODULES}


def _warm_up_numpy() -> None:
    """NumPy imports some Python helpers on first use; load them while imports still work."""
    import warnings

    import numpy as np

    sample = np.arange(12.0).reshape(3, 4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for operation in (
            lambda: repr(sample), lambda: str(sample.dtype), lambda: np.median(sample),
            lambda: np.percentile(sample, 50), lambda: np.linalg.pinv(sample),
            lambda: np.linalg.eigh(np.eye(2)), lambda: np.fft.fft(np.ones(4)),
            lambda: np.random.default_rng(0).normal(size=2), lambda: np.random.rand(2),
            lambda: np.polynomial.Polynomial([1, 2])(3), lambda: np.histogram(sample),
            lambda: np.array([1.0]) / np.array([0.0]), lambda: np.linalg.inv(np.zeros((2, 2))),
            lambda: np.ones(2) + np.ones(3), lambda: np.einsum("ij->i", sample),
        ):
            with contextlib.suppress(ValueError, np.linalg.LinAlgError):
                operation()


def view_of(module: ModuleType, attribute: str = "") -> ModuleView:
    """The view standing for a real module reached through an attribute, or an error."""
    view = _view_by_module_id.get(id(module))
    if view is None:
        raise AttributeError(f"'{attribute}' is a module that is not available in the sandbox")
    return view


def import_module(name: str, globals: Any = None, locals: Any = None,
                  fromlist: Any = (), level: int = 0) -> ModuleView:
    """The `__import__` of the sandbox: views only, absolute imports only."""
    if level != 0:
        raise ImportError("relative imports are not allowed in the sandbox")
    if type(name) is not str:
        raise ImportError("module names must be strings")
    if name not in ALLOWED_IMPORTS:
        return _library_import(name)
    if name not in _views:
        raise ImportError(f"'{name}' could not be loaded in the sandbox")
    if fromlist:
        return _views[name]
    return _views[name.split(".")[0]]
