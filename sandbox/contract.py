"""The data that crosses the sandbox boundary: what the caller sends and what it gets back.

Expected outputs are deliberately absent: the child never sees them, so nothing the submission
does inside the child can read them or make a wrong answer look right. The caller compares.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

REPORT_VERSION = 1


class Outcome(enum.StrEnum):
    """How one test ended inside the sandbox (a closed set)."""

    RETURNED = "returned"
    """The code ran to completion; `TestResult.value` holds its plain-data result."""
    RUNTIME_ERROR = "runtime_error"
    TIME_LIMIT = "time_limit"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    REJECTED = "rejected"
    """The source was refused before anything ran (syntax, construct or import)."""
    NOT_RUN = "not_run"
    """Skipped because earlier tests kept hitting hard limits."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for each test of one submission."""

    seconds: float = 2.0
    """Wall-clock budget per test (and for loading the module)."""
    memory_mb: int = 256
    """Address space the submission may allocate beyond the interpreter's own."""
    output_kb: int = 64
    """Printed text kept per test; printing past it ends the test with OUTPUT_LIMIT."""


@dataclass(frozen=True)
class TestCase:
    """One call (`args`) or one call sequence (`calls`) to run against the submission."""

    __test__ = False  # not a pytest test class

    name: str
    args: list[Any] | None = None
    """Positional arguments for the entry point function."""
    calls: list[list[Any]] | None = None
    """`[[ClassName, *ctor_args], [method, *args], ...]` for a stateful class problem."""
    generate: list[Any] | None = None
    """`[function, *arguments]`: build the input in the child with the run's generators."""
    generated_calls: bool = False
    """Whether the generated value is a call sequence rather than an argument list."""


@dataclass(frozen=True)
class TestResult:
    """What happened in one test."""

    name: str
    outcome: Outcome
    value: Any = None
    """Plain data (None, bool, int, float, complex, str, list, dict); lists for call sequences."""
    message: str = ""
    """For errors: the exception type and message, or why the code was rejected."""
    line: int | None = None
    """The line in the submission where an error happened or a construct was rejected."""
    stdout: str = ""
    """What the code printed during this test, cut to the output limit."""
    time_ms: float = 0.0
    failed_call: int | None = None
    """For call sequences: the index of the call that raised."""
    cpu_ms: float = 0.0
    """CPU time the test's thread used: unlike `time_ms`, not stretched when the machine is busy."""


@dataclass(frozen=True)
class RunReport:
    """Everything one run produced; built by the parent from frames it does not trust."""

    results: list[TestResult]
    version: int = REPORT_VERSION
    load_stdout: str = ""
    """Text printed while the module itself was loading."""
    isolation: list[str] = field(default_factory=list)
    """The protection layers that were active in the child (for `interview doctor`)."""
    notes: list[str] = field(default_factory=list)
    """Anything the caller should show the user about the run itself."""

    @property
    def rejected(self) -> bool:
        return any(result.outcome is Outcome.REJECTED for result in self.results)
