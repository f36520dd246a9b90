"""A coding item's report: hidden tests, verdicts, effort, complexity and its timeline."""

from __future__ import annotations

from collections import Counter
from typing import Any

from interview.catalog import Catalog
from interview.engine.state import CodingItem, Event
from interview.reports.model import CodingItemReport, TimelineEntry

RUN_KINDS = ("run", "custom", "submit", "auto-submit")
"""Events that executed the candidate's code."""


def coding_item_report(item: CodingItem, catalog: Catalog) -> CodingItemReport:
    """Summarise one coding item; a problem gone from the bank keeps its id as title."""
    problem = catalog.coding.get(item.item_id)
    tests = (item.submission or {}).get("tests", [])
    hidden = [t for t in tests if t.get("hidden")]
    examples = [t for t in tests if not t.get("hidden")]
    complexity = item.complexity or {}
    return CodingItemReport(
        item_id=item.item_id, title=problem.title if problem else item.item_id,
        tags=list(problem.tags) if problem else [], submitted=item.submission is not None,
        hidden_passed=_passed(hidden), hidden_total=len(hidden),
        examples_passed=_passed(examples), examples_total=len(examples),
        verdicts=dict(Counter(str(t.get("verdict", "")) for t in tests)),
        score=item.score, runs=item.runs, submits=item.submits, hints=item.hints,
        hints_available=len(problem.hints) if problem else item.hints,
        solution_viewed=item.solution_viewed, complexity=complexity_line(complexity),
        complexity_verdict=str(complexity.get("verdict", "")),
        timeline=timeline(item.events), time_notes=time_notes(item.events))


def _passed(tests: list[dict[str, Any]]) -> int:
    return sum(t.get("verdict") == "passed" for t in tests)


def complexity_line(check: dict[str, Any]) -> str:
    """The stored check's message, or one rebuilt from its parts when the message is missing."""
    if not check:
        return ""
    if check.get("message"):
        return str(check["message"])
    looks, expected = check.get("looks_like", ""), check.get("expected", "")
    if looks and expected:
        return f"looks {looks}, expected {expected}"
    return f"looks {looks}" if looks else ""


def timeline(events: list[Event]) -> list[TimelineEntry]:
    """The events in words; snapshots only when the code's size changed, to keep it readable."""
    entries: list[TimelineEntry] = []
    last_lines: int | None = None
    examples_passed = False
    for event in events:
        if event.kind == "snapshot":
            lines = int(event.detail.get("lines", 0))
            if lines == last_lines:
                continue
            last_lines = lines
        text = describe_event(event)
        if event.kind == "run" and not examples_passed and _all_passed(event.detail):
            examples_passed = True
            text += " (examples all passed for the first time)"
        entries.append(TimelineEntry(event.at, event.kind, text))
    return entries


def describe_event(event: Event) -> str:
    """One event as a short sentence."""
    detail = event.detail
    counts = f": {detail['passed']}/{detail['total']} passed" if "total" in detail else ""
    texts = {
        "run": f"ran the examples{counts}",
        "custom": "ran a custom input",
        "submit": f"submitted{counts}",
        "auto-submit": f"time ran out, auto-submitted{counts}",
        "hint": f"took hint {detail.get('number', '')}".rstrip(),
        "solution": "viewed the reference solution",
        "snapshot": f"code at {detail.get('lines', 0)} lines ({detail.get('chars', 0)} chars)",
    }
    return texts.get(event.kind, event.kind)


def _all_passed(detail: dict[str, Any]) -> bool:
    return bool(detail.get("total")) and detail.get("passed") == detail.get("total")


def time_notes(events: list[Event]) -> list[str]:
    """Where the time went: before the first run, to green examples, and to the submission."""
    first_run = next((e for e in events if e.kind in RUN_KINDS), None)
    green = next((e for e in events if e.kind == "run" and _all_passed(e.detail)), None)
    submits = [e for e in events if e.kind in ("submit", "auto-submit")]
    notes = []
    if first_run is None:
        return ["the code was never run"]
    first = "run" if first_run.kind in ("run", "custom") else "submission"
    notes.append(f"{minutes(first_run.at)} before the first {first}")
    if green is not None:
        notes.append(f"examples all passed at {clock_time(green.at)}")
    if submits and submits[-1] is not first_run:
        notes.append(f"{minutes(submits[-1].at - first_run.at)} from the first run to the "
                     f"last submission")
    return notes


def minutes(seconds: float) -> str:
    """A duration in words, to the minute once it is over one ("12 min", "40 s")."""
    if seconds < 60:
        return f"{max(0, round(seconds))} s"
    return f"{round(seconds / 60)} min"


def clock_time(seconds: float) -> str:
    """Round time as mm:ss."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"
