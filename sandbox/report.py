"""Turns the child's result frames into TestResults, trusting nothing about their shape."""

from __future__ import annotations

from typing import Any

from sandbox.contract import Outcome, TestResult
from sandbox.plain import from_plain

MAX_MESSAGE = 4000
MAX_STDOUT = 64 * 1024
CHILD_OUTCOMES = {
    "returned": Outcome.RETURNED,
    "runtime_error": Outcome.RUNTIME_ERROR,
    "memory_limit": Outcome.MEMORY_LIMIT,
    "output_limit": Outcome.OUTPUT_LIMIT,
}
"""What a child may claim for itself; time limits and rejections are decided by the parent."""


class FrameError(ValueError):
    """A frame from the child did not have the promised shape."""


def parse_result(name: str, frame: dict[str, Any]) -> TestResult:
    outcome = CHILD_OUTCOMES.get(frame.get("outcome"))  # type: ignore[arg-type]
    if outcome is None:
        raise FrameError(f"unknown outcome {frame.get('outcome')!r}")
    value = from_plain(frame.get("value")) if outcome is Outcome.RETURNED else None
    return TestResult(
        name=name,
        outcome=outcome,
        value=value,
        message=_text(frame.get("message"), MAX_MESSAGE),
        line=_optional_int(frame.get("line")),
        stdout=_text(frame.get("stdout"), MAX_STDOUT),
        time_ms=_number(frame.get("time_ms")),
        cpu_ms=_number(frame.get("cpu_ms", 0)),
        failed_call=_optional_int(frame.get("failed_call")),
    )


def _text(value: Any, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FrameError("expected text")
    return value[:limit]


def _optional_int(value: Any) -> int | None:
    if value is None:
        return None
    if type(value) is not int:
        raise FrameError("expected an integer")
    return value


def _number(value: Any) -> float:
    if type(value) not in (int, float):
        raise FrameError("expected a number")
    return max(0.0, float(value))
