"""Report -> JSON, a stable export for scripts and other tools ("Report JSON").

The document is one object: `schema_version` (SCHEMA_VERSION; it goes up when a field changes
meaning or disappears, never when one is added), then the `Report` fields in declaration order.
Scores are fractions 0-1 (None/null when there is no evidence), times are seconds, dates are
Unix timestamps.

Top level: session_id, loop_id, loop_title, mode (practice|interview), status
(active|finished|abandoned), created_at, updated_at, complete (bool), overall_score, band
(strong hire|hire|lean no hire|no hire|no evidence), readiness (ready|almost|not yet|unknown),
signals, rounds, weakest, next_steps, notes (list of str).

- signals[]: name, level (1-4), label (weak|mixed|solid|strong), score, evidence.
- rounds[]: index, kind, title, status (pending|active|done), ended_by, score, used_seconds,
  budget_seconds, notes, and per kind (the others empty/null):
  - coding[]: item_id, title, tags, submitted, hidden_passed, hidden_total, examples_passed,
    examples_total, verdicts {verdict: count}, score, runs, submits, hints, hints_available,
    solution_viewed, complexity (text), complexity_verdict, timeline[] {at, kind, text},
    time_notes[].
  - skills: answered, correct, total, topics[] {topic, correct, total, score},
    misses[] {item_id, topic, question, response, expected, explanation, feedback, score}.
  - design[]: item_id, title, scored, fraction, questions_asked, calibration[] (text),
    dimensions[] {dimension_id, title, score (0-3), self_rating (0-3), covered[], missed[],
    red_flags[]}.
  - data[]: item_id, title, correct, total, conclusion_fraction,
    checkpoints[] {checkpoint_id, question, answered, correct, answer, feedback, expected}.
- weakest[]: area, kind (skill topic|coding|design|data|review), score, why.
- next_steps[]: area, text, items[] {item_id, title, seen}.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from interview.reports.model import Report

SCHEMA_VERSION = 1


def report_to_dict(report: Report) -> dict[str, Any]:
    """The export as a dict: `schema_version` first, then every Report field."""
    return {"schema_version": SCHEMA_VERSION, **asdict(report)}


def render_json(report: Report) -> str:
    """The export as indented JSON text; the same report always gives the same text."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"
