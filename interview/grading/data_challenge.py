"""Checking data-challenge checkpoints: a number, or a query whose rows must match the reference.

The truth is always recomputed from the checkpoint's reference SQL on the bundled dataset, so
the bank never stores an answer that could drift from its data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview.grading.compare import results_match
from interview.grading.quiz import format_number, parse_number
from interview.models import Checkpoint, Comparison
from interview.sql_console import QueryResult, orders_rows, run_query

GRADING_ROWS = 5_000
"""A candidate's result with more rows than this is not compared (no checkpoint needs it)."""
REFERENCE_SECONDS = 30.0
"""Reference queries are trusted; their limit only guards against a broken bank file."""


class BrokenCheckpoint(ValueError):
    """The checkpoint's reference query fails or has the wrong shape: a bank fault."""


@dataclass(frozen=True)
class CheckpointGrade:
    """Whether one checkpoint answer is right, and what to tell the candidate."""

    checkpoint_id: str
    correct: bool
    feedback: str
    """Why it is wrong, without giving the answer away ('values differ in row 2')."""
    expected: str = ""
    """The reference answer in short ('16.5', '12 rows'), for the review after the round."""

    @property
    def score(self) -> float:
        return 1.0 if self.correct else 0.0


def grade_checkpoint(checkpoint: Checkpoint, answer: str, dataset: Path,
                     seconds: float = 3.0) -> CheckpointGrade:
    """Grade a number or query answer against the checkpoint's reference SQL on `dataset`.

    Raises BrokenCheckpoint only when the reference itself fails; candidate faults (bad SQL,
    a timeout, text that is not a number) become feedback.
    """
    if checkpoint.type == "number":
        return _grade_number(checkpoint, answer, dataset)
    if checkpoint.type == "query":
        return _grade_query(checkpoint, answer, dataset, seconds)
    raise BrokenCheckpoint(f"checkpoint {checkpoint.id}: unknown type {checkpoint.type!r}")


def reference_result(checkpoint: Checkpoint, dataset: Path) -> QueryResult:
    """The rows of the checkpoint's reference query."""
    result = run_query(dataset, checkpoint.sql, REFERENCE_SECONDS, GRADING_ROWS)
    if result.error or result.truncated:
        why = result.error or f"it returns over {GRADING_ROWS:,} rows"
        raise BrokenCheckpoint(f"checkpoint {checkpoint.id}: the reference query fails: {why}")
    return result


def reference_value(checkpoint: Checkpoint, dataset: Path) -> float:
    """The one number a number checkpoint's reference query returns."""
    rows = reference_result(checkpoint, dataset).rows
    if len(rows) != 1 or len(rows[0]) != 1 or not _is_number(rows[0][0]):
        raise BrokenCheckpoint(f"checkpoint {checkpoint.id}: the reference query must return "
                               "one number")
    return float(rows[0][0])


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# -- number checkpoints ----------------------------------------------------------------------

def answer_unit(checkpoint: Checkpoint) -> str:
    """'%' when the question asks for percent, so '16.5%' reads as 16.5 rather than 0.165."""
    return "%" if "percent" in checkpoint.question.lower() else ""


def _grade_number(checkpoint: Checkpoint, answer: str, dataset: Path) -> CheckpointGrade:
    expected = reference_value(checkpoint, dataset)
    value = parse_number(answer, answer_unit(checkpoint))
    shown = format_number(expected)
    if value is None:
        return CheckpointGrade(checkpoint.id, False, "type a number (e.g. 0.25, 25%, 1/4 or "
                                                     "2.5e-1)", shown)
    if _within(value, expected, checkpoint.tolerance):
        return CheckpointGrade(checkpoint.id, True, "correct", shown)
    return CheckpointGrade(checkpoint.id, False, _number_hint(value, expected, checkpoint),
                           shown)


def _within(value: float, expected: float, tolerance: float) -> bool:
    return abs(value - expected) <= tolerance + 1e-9 * max(1.0, abs(expected))


def _number_hint(value: float, expected: float, checkpoint: Checkpoint) -> str:
    """Point out a percent/fraction mix-up; otherwise say only that the number is off."""
    if _within(value * 100, expected, checkpoint.tolerance):
        return "right number, wrong scale: the question asks for a percent (25, not 0.25)"
    if _within(value / 100, expected, checkpoint.tolerance):
        return "right number, wrong scale: the question asks for a fraction (0.25, not 25)"
    allowed = f" (allowed error ±{checkpoint.tolerance:g})" if checkpoint.tolerance >= 1e-4 \
        else ""
    return f"not quite: {format_number(value)} is not the answer{allowed}"


# -- query checkpoints -----------------------------------------------------------------------

def _grade_query(checkpoint: Checkpoint, answer: str, dataset: Path,
                 seconds: float) -> CheckpointGrade:
    reference = reference_result(checkpoint, dataset)
    result = run_query(dataset, answer, seconds, GRADING_ROWS)
    expected = f"{len(reference.rows)} rows of {', '.join(reference.columns)}"
    problem = _result_problem(reference, result, seconds) or \
        _rows_problem(reference, result, orders_rows(checkpoint.sql), checkpoint.tolerance)
    return CheckpointGrade(checkpoint.id, not problem, problem or "correct", expected)


def _result_problem(reference: QueryResult, result: QueryResult, seconds: float) -> str:
    """What makes the candidate's result impossible to compare row by row, if anything."""
    if result.timed_out:
        return f"your query timed out (limit {seconds:g} s): filter or aggregate earlier"
    if result.error:
        return f"your query failed: {result.error}"
    if result.truncated:
        return f"{len(reference.rows)} rows expected, you returned over {GRADING_ROWS:,}"
    if len(result.columns) != len(reference.columns):
        return (f"{len(reference.columns)} columns expected, you returned "
                f"{len(result.columns)}")
    if len(result.rows) != len(reference.rows):
        return f"{len(reference.rows)} rows expected, you returned {len(result.rows)}"
    return ""


def _rows_problem(reference: QueryResult, result: QueryResult, ordered: bool,
                  tolerance: float) -> str:
    """Compare rows of equal count and width; column names are ignored, column order is not."""
    same_rows = results_match(reference.rows, result.rows,
                              Comparison(unordered=True, tolerance=tolerance))
    if same_rows and not ordered:
        return ""
    if not same_rows and _same_names_reordered(reference.columns, result.columns):
        return "columns in a different order: return " + ", ".join(reference.columns)
    if ordered:
        return _order_problem(reference, result, tolerance, same_rows)
    return _unmatched_problem(reference, result, tolerance)


def _order_problem(reference: QueryResult, result: QueryResult, tolerance: float,
                   same_rows: bool) -> str:
    """Walk both results in order and name the first row that differs."""
    for index, (wanted, got) in enumerate(zip(reference.rows, result.rows, strict=True)):
        if _rows_equal(wanted, got, tolerance):
            continue
        if same_rows:
            return f"right rows, wrong order (from row {index + 1}): sort as the question asks"
        column = next(name for name, w, g in zip(result.columns, wanted, got, strict=True)
                      if not _rows_equal((w,), (g,), tolerance))
        return f"values differ in row {index + 1} (column {column})"
    return ""


def _unmatched_problem(reference: QueryResult, result: QueryResult, tolerance: float) -> str:
    """Name the first of the candidate's rows that matches no expected row."""
    remaining = list(reference.rows)
    unmatched = []
    for index, got in enumerate(result.rows):
        match = next((i for i, row in enumerate(remaining) if _rows_equal(row, got, tolerance)),
                     None)
        if match is None:
            unmatched.append(index)
        else:
            remaining.pop(match)
    return (f"{len(unmatched)} of your rows match no expected row (the first is row "
            f"{unmatched[0] + 1})") if unmatched else ""


def _rows_equal(wanted: tuple[Any, ...], got: tuple[Any, ...], tolerance: float) -> bool:
    return results_match(list(wanted), list(got), Comparison(tolerance=tolerance))


def _same_names_reordered(expected: list[str], got: list[str]) -> bool:
    wanted, given = [n.lower() for n in expected], [n.lower() for n in got]
    return wanted != given and sorted(wanted) == sorted(given)
