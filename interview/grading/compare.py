"""Comparing a solution's plain-data result with the expected value."""

from __future__ import annotations

import json
import math
from typing import Any

from interview.models import Comparison

PREVIEW_CHARS = 160


def results_match(expected: Any, got: Any, comparison: Comparison) -> bool:
    """True when `got` equals `expected` under the problem's comparison rules."""
    if comparison.unordered and isinstance(expected, list) and isinstance(got, list):
        if len(expected) != len(got):
            return False
        return _multiset_equal(expected, got, comparison.tolerance)
    return _equal(expected, got, comparison.tolerance)


def _equal(expected: Any, got: Any, tolerance: float | None) -> bool:
    if isinstance(expected, bool) or isinstance(got, bool):
        return type(expected) is type(got) and expected == got
    if _is_number(expected) and _is_number(got):
        return _numbers_equal(expected, got, tolerance)
    if isinstance(expected, list | tuple) and isinstance(got, list | tuple):
        return len(expected) == len(got) and all(
            _equal(e, g, tolerance) for e, g in zip(expected, got, strict=True))
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(
            _equal(value, got[key], tolerance) for key, value in expected.items())
    return type(expected) is type(got) and expected == got


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | complex) and not isinstance(value, bool)


def _numbers_equal(expected: Any, got: Any, tolerance: float | None) -> bool:
    if isinstance(expected, complex) or isinstance(got, complex):
        return _numbers_equal(complex(expected).real, complex(got).real, tolerance) and \
            _numbers_equal(complex(expected).imag, complex(got).imag, tolerance)
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(got, float) and math.isnan(got)
    if tolerance is None or math.isinf(expected) or (isinstance(got, float) and math.isinf(got)):
        return expected == got
    difference = abs(expected - got)
    return difference <= tolerance or difference <= tolerance * max(abs(expected), abs(got))


def _multiset_equal(expected: list[Any], got: list[Any], tolerance: float | None) -> bool:
    if tolerance is None:
        return sorted(map(_canonical, expected)) == sorted(map(_canonical, got))
    remaining = list(got)
    for item in expected:
        match = next((i for i, other in enumerate(remaining) if _equal(item, other, tolerance)),
                     None)
        if match is None:
            return False
        remaining.pop(match)
    return True


def _canonical(value: Any) -> str:
    return json.dumps(_jsonable(value), sort_keys=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {repr(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return int(value)
    if isinstance(value, complex):
        return [value.real, value.imag]
    return value


def preview(value: Any, limit: int = PREVIEW_CHARS) -> str:
    """A short one-line rendering of a value for messages."""
    try:
        text = repr(value)
    except ValueError:  # an int too long for decimal conversion
        text = f"<an integer of {value.bit_length()} bits>" if isinstance(value, int) else "<?>"
    return text if len(text) <= limit else text[: limit - 1] + "…"
