"""Walks tests/sandbox/golden/<category>/<case>/ and checks each report against its expectation.

Each case folder holds `solution.py` and `expected.yaml`:

    entry_point: f
    limits: {seconds: 1, memory_mb: 128}     # optional
    tests:
      - args: []                             # or calls: [[Class, ...], [method, ...]]
        outcome: rejected                    # a sandbox Outcome value
        value: [1, 2]                        # optional: the returned plain data
        message: "not allowed"               # optional: a substring of the message
        line: 3                              # optional: the reported line

Categories: `ordinary` (code real candidates write, which must run exactly as in CPython) and
the hostile ones, `escape`, `leak`, `spoof` and `dos`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sandbox import Limits, Outcome, TestCase

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(path.parent for path in GOLDEN.glob("*/*/expected.yaml"))


def load_case(folder: Path) -> tuple[str, dict]:
    source = (folder / "solution.py").read_text(encoding="utf-8")
    return source, yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_golden_case(folder: Path, sandbox_runner) -> None:
    source, spec = load_case(folder)
    tests = [
        TestCase(f"t{i}", args=test.get("args"), calls=test.get("calls"))
        for i, test in enumerate(spec["tests"])
    ]
    limits = Limits(**spec.get("limits", {"seconds": 1.0, "memory_mb": 128}))
    report = sandbox_runner.run(source, spec["entry_point"], tests, limits)
    for expected, result in zip(spec["tests"], report.results, strict=True):
        assert result.outcome == Outcome(expected["outcome"]), result
        if "value" in expected:
            assert result.value == expected["value"], result
        if "message" in expected:
            assert expected["message"] in result.message, result
        if "line" in expected:
            assert result.line == expected["line"], result


def test_every_category_has_cases() -> None:
    categories = {folder.parent.name for folder in CASES}
    assert {"ordinary", "escape", "leak", "spoof", "dos"} <= categories
