"""Runtime guards the compiled solution calls, and the builtins it sees.

The compile step routes only risky operations here (private or sensitive attribute reads,
attribute writes, dynamic getattr/setattr), so these functions sit off the hot path of
ordinary loops. They decide by who owns an object: classes the candidate defined (and their
instances and functions) are theirs to poke at; everything from a library is read-only and
shows only its public face.
"""

from __future__ import annotations

import _string
import builtins
import functools
import string
import sys
from collections.abc import Callable
from types import FunctionType, ModuleType
from typing import Any

from RestrictedPython.transformer import INSPECT_ATTRIBUTES

from sandbox import views
from sandbox.policy import DUNDER_READS, FILENAME, GUARDED_ATTRIBUTES, is_dunder, is_guard_shaped

NAMEDTUPLE_API = frozenset({"_replace", "_asdict", "_fields", "_make", "_field_defaults"})
OPEN_DUNDERS = frozenset({"__name__", "__qualname__", "__doc__"})
"""Dunder reads allowed on anything: they only ever hold text."""
WRAPPED_DUNDERS = frozenset({"__new__", "__setattr__"})
"""Dunder reads answered with a checked stand-in (see _special_attribute)."""
LIBRARY_ONLY_ATTRIBUTES = frozenset({"ctypes", "cffi", "tofile", "dump"})
"""Public attributes that reach raw memory or files on library objects (NumPy arrays and
bit generators); a candidate's own objects may still use these names."""

SOLUTION_MODULE = "solution"
"""The `__name__` of the solution's namespace, so the `__module__` of every class it defines.
Solutions cannot set `__module__` themselves (dunder writes are refused everywhere)."""
_MISSING = object()
_ABSENT = object()
"""hasattr's default: distinct from _MISSING, which means "no default given"."""
_FORMATTER = string.Formatter()


class SandboxAccessError(AttributeError):
    """Raised when code reaches for something the sandbox does not expose."""


class OutputLimitExceeded(BaseException):
    """Raised from print() once a test has printed more than its share."""


def is_owned(obj: Any) -> bool:
    """True for the candidate's own classes, their instances, and functions from their source."""
    kind = obj if isinstance(obj, type) else type(obj)
    if kind.__module__ == SOLUTION_MODULE:
        return True
    return kind is FunctionType and obj.__code__.co_filename == FILENAME


_owned_types: set[type] = set()
"""Classes whose instances passed check_self; the compiled entry check looks here first."""


def check_self(obj: Any) -> None:
    """Called on entry to a method whose `self` is then accessed without further guards."""
    kind = type(obj)
    if kind.__module__ == SOLUTION_MODULE:
        _owned_types.add(kind)
    elif not is_owned(obj):
        raise SandboxAccessError(f"a method of your class was called on a {kind.__name__} object")


def guarded_getattr(obj: Any, name: str, default: Any = _MISSING) -> Any:
    """getattr() for sandboxed code: the compile step sends `obj._x`, `s.format` and friends here."""
    if type(obj).__module__ == SOLUTION_MODULE and type(name) is str and name[:2] != "__" \
            and name not in INSPECT_ATTRIBUTES and name not in GUARDED_ATTRIBUTES:
        # The common case, `other._items` on the candidate's own object: nothing to check.
        value = getattr(obj, name) if default is _MISSING else getattr(obj, name, default)
        if type(value) is not ModuleType:
            return value
    try:
        _check_readable(obj, name)
        value = _special_attribute(obj, name)
        if value is _MISSING:
            value = _checked_value(getattr(obj, name))
    except AttributeError:
        if default is _MISSING:
            raise
        return default
    if isinstance(value, ModuleType):
        return views.view_of(value, name)
    return value


def _checked_value(value: Any) -> Any:
    """`str.format` can arrive by other routes (`super(S, s).format`): hand out the safe one."""
    if value is str.format or value is str.format_map:
        return _unbound_format(value.__name__)
    owner = getattr(value, "__self__", None)
    if isinstance(owner, str) and getattr(value, "__name__", "") in ("format", "format_map"):
        return _bound_format(owner, value.__name__)
    return value


def guarded_hasattr(obj: Any, name: str) -> bool:
    return guarded_getattr(obj, name, _ABSENT) is not _ABSENT


def _check_readable(obj: Any, name: str) -> None:
    if type(name) is not str:
        raise TypeError("attribute name must be a string")
    if name in INSPECT_ATTRIBUTES:
        raise SandboxAccessError(f"'{name}' (frame and code internals) is not available")
    if is_dunder(name):
        if name not in DUNDER_READS:
            raise SandboxAccessError(f"'{name}': dunder attributes are not available")
        if name not in OPEN_DUNDERS | WRAPPED_DUNDERS and not (is_owned(obj) or
                                                               type(obj) is super):
            raise SandboxAccessError(f"'{name}' is only available on your own objects")
    elif name.startswith("_") and not is_owned(obj):
        if not (name in NAMEDTUPLE_API and isinstance(obj, tuple | type)):
            kind = type(obj).__name__
            raise SandboxAccessError(f"'{name}' is private to {kind} and not available")
    elif name in LIBRARY_ONLY_ATTRIBUTES and (not is_owned(obj) or _is_ndarray(obj)):
        raise SandboxAccessError(f"'{name}' reaches raw memory or files and is not available")
    elif name == "obj" and isinstance(obj, BaseException):
        raise SandboxAccessError("'obj' of an exception is not available")


def _special_attribute(obj: Any, name: str) -> Any:
    """Attributes answered with a checked stand-in instead of the real thing."""
    if name in ("format", "format_map"):
        if isinstance(obj, str):
            return _bound_format(obj, name)
        if isinstance(obj, type) and issubclass(obj, str):
            return _unbound_format(name)
    elif name == "resize" and _is_ndarray(obj):
        # refcheck=False frees memory that live views still point into.
        resize = obj.resize
        return lambda *shape, **options: resize(*shape, **{**options, "refcheck": True})
    elif name == "__setattr__":
        return _checked_object_setattr(obj)
    elif name == "__new__":
        new = obj.__new__
        return lambda cls, *args, **kwargs: new(_own_class(cls), *args, **kwargs)
    return _MISSING


def _is_ndarray(obj: Any) -> bool:
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(obj, numpy.ndarray)


def _own_class(cls: Any) -> type:
    if not (isinstance(cls, type) and is_owned(cls)):
        raise SandboxAccessError("__new__ can only create instances of your own classes")
    return cls


def _checked_object_setattr(obj: Any) -> Callable[..., None]:
    """`object.__setattr__(self, name, value)` (frozen dataclasses) and
    `super().__setattr__(name, value)`, with the checks of setattr()."""
    def checked(*args: Any) -> None:
        target, name, value = (obj.__self__, *args) if type(obj) is super else args
        _check_writable_name(name)
        object.__setattr__(write_guard(target), name, value)
    return checked


class SafeFormatter(string.Formatter):
    """str.format whose `{0.attr}` and `{0[key]}` fields go through the sandbox's guards."""

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> tuple[Any, Any]:
        first, rest = _string.formatter_field_name_split(field_name)
        value = self.get_value(first, args, kwargs)
        for is_attribute, key in rest:
            value = guarded_getattr(value, key) if is_attribute else value[key]
        return value, first


_SAFE_FORMATTER = SafeFormatter()


@functools.lru_cache(maxsize=512)
def _is_plain_template(template: str) -> bool:
    """Templates with only `{}`, `{0}` and `{name}` fields can use the fast built-in format."""
    for _literal, field, spec, _conversion in _FORMATTER.parse(template):
        if field and not (field.isdigit() or field.isidentifier()):
            return False
        if spec and "{" in spec and not _is_plain_template(spec):
            return False
    return True


def _bound_format(template: str, method: str) -> Callable[..., str]:
    if not isinstance(template, str):
        raise TypeError("format string must be a str")
    template = str.__str__(template)  # a str subclass cannot lie about its text
    if method == "format_map":
        return lambda mapping: _format(template, (), mapping, mapping_mode=True)
    return lambda *args, **kwargs: _format(template, args, kwargs)


def _unbound_format(method: str) -> Callable[..., str]:
    return lambda template, *args, **kwargs: _bound_format(template, method)(*args, **kwargs)


def _format(template: str, args: Any, kwargs: Any, mapping_mode: bool = False) -> str:
    if _is_plain_template(template):
        if mapping_mode:
            return str.format_map(template, kwargs)
        return str.format(template, *args, **kwargs)
    return _SAFE_FORMATTER.vformat(template, args, kwargs)


WRITABLE_LIBRARY_TYPES: set[type] = set()
"""Library objects whose public attributes are settings meant to be changed
(`decimal.getcontext().prec = 50`); filled in by views when the module loads."""


def write_guard(obj: Any) -> Any:
    """`_write_(obj).attr = value`: only the candidate's own objects take attribute writes."""
    if type(obj).__module__ == SOLUTION_MODULE or is_owned(obj) or \
            type(obj) in WRITABLE_LIBRARY_TYPES:
        return obj
    raise SandboxAccessError(f"cannot set attributes on {type(obj).__name__} objects")


def guarded_setattr(obj: Any, name: str, value: Any) -> None:
    _check_writable_name(name)
    setattr(write_guard(obj), name, value)


def guarded_delattr(obj: Any, name: str) -> None:
    _check_writable_name(name)
    delattr(write_guard(obj), name)


def _check_writable_name(name: str) -> None:
    if type(name) is not str:
        raise TypeError("attribute name must be a string")
    if is_dunder(name) or is_guard_shaped(name) or name in INSPECT_ATTRIBUTES:
        raise SandboxAccessError(f"cannot set attribute '{name}'")


class OutputBuffer:
    """A write-only text sink with a cap; stands in for stdout, stderr and print()."""

    def __init__(self, limit_chars: int) -> None:
        self.limit = limit_chars
        self._parts: list[str] = []
        self._size = 0
        self.exceeded = False

    def write(self, text: Any) -> int:
        text = str(text)
        if self._size + len(text) > self.limit:
            self._parts.append(text[: max(0, self.limit - self._size)])
            self._size = self.limit
            self.exceeded = True
            raise OutputLimitExceeded
        self._parts.append(text)
        self._size += len(text)
        return len(text)

    def flush(self) -> None:
        """Nothing to flush; present so code that flushes keeps working."""

    def take(self) -> str:
        """Return what was written since the last take and start afresh."""
        text = "".join(self._parts)
        self._parts.clear()
        self._size = 0
        return text


def safe_type(obj: Any) -> type:
    """One-argument type(). Metaclasses stay out of reach: `type(int)` is `type` itself, and
    three-argument calls to it would build classes whose dunders skipped the compile step."""
    kind = type(obj)
    if issubclass(kind, type):
        raise SandboxAccessError("type() of a class is not available in the sandbox")
    return kind


def make_print(buffer: OutputBuffer) -> Callable[..., None]:
    def sandbox_print(*values: Any, sep: Any = " ", end: Any = "\n", file: Any = None,
                      flush: bool = False) -> None:
        sep = " " if sep is None else sep
        end = "\n" if end is None else end
        buffer.write(str(sep).join(str(value) for value in values) + str(end))

    return sandbox_print


SAFE_BUILTIN_NAMES = """
abs all any ascii bin bool bytearray bytes callable chr classmethod complex dict divmod
enumerate filter float format frozenset hash hex id int isinstance issubclass iter len list
map max min next object oct ord pow property range repr reversed round set slice sorted
staticmethod str sum super tuple zip NotImplemented Ellipsis
""".split()

_EXCLUDED_EXCEPTIONS = {
    "BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit",
    "BaseExceptionGroup", "ExceptionGroup",
}


def _exception_names() -> list[str]:
    return [
        name
        for name, value in vars(builtins).items()
        if isinstance(value, type) and issubclass(value, BaseException)
        and name not in _EXCLUDED_EXCEPTIONS
    ]


def make_builtins(buffer: OutputBuffer) -> dict[str, Any]:
    """The builtins namespace of the solution: a curated copy, never the real module."""
    namespace = {name: getattr(builtins, name) for name in SAFE_BUILTIN_NAMES}
    namespace.update({name: getattr(builtins, name) for name in _exception_names()})
    namespace.update(
        __build_class__=builtins.__build_class__,
        __import__=views.import_module,
        getattr=guarded_getattr,
        hasattr=guarded_hasattr,
        setattr=guarded_setattr,
        delattr=guarded_delattr,
        print=make_print(buffer),
        type=safe_type,
    )
    return namespace


def make_globals(buffer: OutputBuffer) -> dict[str, Any]:
    """The module namespace the solution runs in, with the names the compile step emits."""
    return {
        "__builtins__": make_builtins(buffer),
        "__name__": SOLUTION_MODULE,
        "_getattr_": guarded_getattr,
        "_write_": write_guard,
        "_check_self_": check_self,
        "_type_": type,
        "_owned_types_": _owned_types,
    }
