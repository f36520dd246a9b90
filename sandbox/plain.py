"""Plain data across the process boundary: exact-type encoding in the child, decoding in the parent.

The child encodes with `type(x) is int`-style checks, so an int subclass, a list with a lying
`__eq__` or any other object of the candidate's making is refused instead of being compared.
The parent decodes JSON only (never pickle) into ordinary Python values.

Encoding: None, bool, float, str and lists map to JSON; tuples become lists; dicts become
`{"d": [[key, value], ...]}` (keys keep their types); sets become sorted lists; integers
too long for JSON's decimal form become `{"i": hex}`; complex numbers `{"c": [re, im]}`.
"""

from __future__ import annotations

import functools
import sys
from typing import Any

MAX_DEPTH = 64
MAX_ITEMS = 2_000_000
MAX_TEXT_CHARS = 8_000_000
INT_DIGITS_SAFE = 4000


class NotPlainData(Exception):
    """The value contains something that is not plain data."""


class ResultTooLarge(Exception):
    """The value is plain but too big to send back and keep (a cheap `"x" * 10**8`)."""


class Encoder:
    """Converts one result to JSON-ready data; NumPy types are recognised once NumPy is loaded."""

    def __init__(self) -> None:
        self.items = 0
        self.text_chars = 0
        numpy = sys.modules.get("numpy")
        self.ndarray = numpy.ndarray if numpy else None
        self.numpy_scalars = _numpy_scalar_types(numpy) if numpy else frozenset()

    def encode(self, value: Any, depth: int = 0) -> Any:
        self.items += 1
        if self.items > MAX_ITEMS:
            raise ResultTooLarge(f"the result has more than {MAX_ITEMS:,} items")
        if depth > MAX_DEPTH:
            raise NotPlainData(f"the result is nested more than {MAX_DEPTH} levels deep")
        kind = type(value)
        if kind is str:
            self.text_chars += len(value)
            if self.text_chars > MAX_TEXT_CHARS:
                raise ResultTooLarge(f"the result holds more than {MAX_TEXT_CHARS:,} characters")
            return value
        if value is None or kind is bool or kind is float:
            return value
        if kind is int:
            return value if value.bit_length() < INT_DIGITS_SAFE * 3 else {"i": hex(value)}
        if kind is list or kind is tuple:
            return [self.encode(item, depth + 1) for item in value]
        if kind is dict:
            return {"d": [[self.encode(k, depth + 1), self.encode(v, depth + 1)]
                          for k, v in value.items()]}
        if kind is set or kind is frozenset:
            return _sorted_plain([self.encode(item, depth + 1) for item in value])
        if kind is complex:
            return {"c": [value.real, value.imag]}
        if self.ndarray is not None and kind is self.ndarray:
            return self.encode(self.ndarray.tolist(value), depth)
        if kind in self.numpy_scalars:
            return self.encode(value.item(), depth)
        raise NotPlainData(
            f"the result contains an object of type {kind.__name__}; return plain data "
            "(numbers, strings, lists, tuples, dicts, sets or NumPy arrays)"
        )


@functools.cache
def _numpy_scalar_types(numpy: Any) -> frozenset[type]:
    """NumPy's own scalar types (found once: every test result is encoded with them)."""
    found: set[type] = set()
    pending = [numpy.generic]
    while pending:
        kind = pending.pop()
        if kind.__module__ == "numpy" or kind is numpy.generic:
            found.add(kind)
            pending.extend(kind.__subclasses__())
    return frozenset(found)


def _sorted_plain(items: list[Any]) -> list[Any]:
    try:
        return sorted(items)
    except TypeError:
        return sorted(items, key=repr)


def to_plain(value: Any) -> Any:
    """Encode a result for the parent; raises NotPlainData for anything else."""
    return Encoder().encode(value)


def from_plain(data: Any) -> Any:
    """Decode what `to_plain` produced into Python values (dict keys become hashable)."""
    if isinstance(data, list):
        return [from_plain(item) for item in data]
    if isinstance(data, dict):
        if "d" in data:
            return {_hashable(from_plain(k)): from_plain(v) for k, v in data["d"]}
        if "i" in data:
            return int(data["i"], 16)
        if "c" in data:
            real, imag = data["c"]
            return complex(real, imag)
        raise ValueError("unknown tag in plain data")
    return data


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value
