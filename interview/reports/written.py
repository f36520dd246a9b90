"""Design and data items' reports, read defensively from whatever their scorers stored.

A design score is `DesignScore.as_dict()` from `interview.grading.rubric`: `overall` (0-3),
`max`, `percent` and `dimensions`, each with `id`, `title`, `score` (0-3), `covered` points
(`{point, sentence}`), `missed` points and `red_flags` (`{flag, when, sentence}`). A `fraction`
(0-1) or `dimension_id` key is read too. Any key may be missing (older sessions, an unscored
answer); what is there is shown.
"""

from __future__ import annotations

from typing import Any

from interview.catalog import Catalog
from interview.engine.state import WrittenItem
from interview.reports.model import CheckpointRow, DataItemReport, DesignItemReport, DimensionRow

CALIBRATION_GAP = 2
"""A self-rating this far (or further) from the score is called out as miscalibrated."""


def design_item_report(item: WrittenItem, catalog: Catalog) -> DesignItemReport:
    """The rubric table of a design answer, with self-ratings beside the scores."""
    prompt = catalog.design.get(item.item_id)
    score = item.score or {}
    titles = {dimension.id: dimension.title for dimension in catalog.rubric}
    rows = dimension_rows(score.get("dimensions") or [], item.self_rating, titles)
    return DesignItemReport(
        item_id=item.item_id, title=prompt.title if prompt else item.item_id,
        scored=bool(score), fraction=score_fraction(score),
        dimensions=rows, calibration=calibration(rows),
        questions_asked=sum("clarif" in str(entry.get("kind", "")) for entry in item.transcript),
        diagram_edges=[line.removeprefix("- ") for line in
                       str(score.get("diagram") or "").splitlines() if line.strip()],
        transcript=[transcript_line(entry) for entry in item.transcript
                    if isinstance(entry, dict)])


def transcript_line(entry: dict[str, Any]) -> str:
    """One exchange with the interviewer, as the report lists it."""
    who = "Follow-up" if entry.get("kind") == "follow-up" else "You asked"
    answer = str(entry.get("answer") or "").strip() or "(no answer)"
    return f"{who}: {entry.get('question', '')} — {answer}"


def score_fraction(score: dict[str, Any]) -> float | None:
    """0-1 from whichever the scorer stored: fraction, percent, overall/max or score/max."""
    if isinstance(score.get("fraction"), int | float):
        return float(score["fraction"])
    if isinstance(score.get("percent"), int | float):
        return round(score["percent"] / 100, 4)
    top = score.get("max") or 3
    for key in ("overall", "score"):
        if isinstance(score.get(key), int | float):
            return round(score[key] / top, 4)
    return None


def dimension_rows(dimensions: list[dict[str, Any]], self_rating: dict[str, int],
                   titles: dict[str, str]) -> list[DimensionRow]:
    """Scored dimensions in the scorer's order, then any the candidate rated but was not scored on."""
    rows = [_dimension_row(entry, self_rating, titles) for entry in dimensions
            if isinstance(entry, dict)]
    scored = {row.dimension_id for row in rows}
    rows += [DimensionRow(key, titles.get(key, key), None, _int(value))
             for key, value in self_rating.items() if key not in scored]
    return rows


def _dimension_row(entry: dict[str, Any], self_rating: dict[str, int],
                   titles: dict[str, str]) -> DimensionRow:
    key = str(entry.get("dimension_id", entry.get("id", "")))
    return DimensionRow(
        dimension_id=key, title=str(entry.get("title") or titles.get(key, key)),
        score=_int(entry.get("score")), self_rating=_int(self_rating.get(key)),
        covered=[point_text(p) for p in entry.get("covered") or []],
        missed=[point_text(p) for p in entry.get("missed") or []],
        red_flags=[point_text(p) for p in entry.get("red_flags") or []])


def point_text(point: Any) -> str:
    """A key point or red flag as text, with the sentence that triggered it when there is one."""
    if not isinstance(point, dict):
        return str(point)
    text = str(point.get("point") or point.get("flag") or "")
    sentence = point.get("sentence")
    return f'{text} ("{sentence}")' if sentence and "flag" in point else text


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def calibration(rows: list[DimensionRow]) -> list[str]:
    """Dimensions where the self-rating and the score are CALIBRATION_GAP or more apart."""
    return [f"you rated yourself {row.self_rating}, scored {row.score} on {row.title}"
            for row in rows if row.score is not None and row.self_rating is not None
            and abs(row.self_rating - row.score) >= CALIBRATION_GAP]


def data_item_report(item: WrittenItem, catalog: Catalog) -> DataItemReport:
    """Checkpoints in the challenge's order; answers to checkpoints it no longer has come last."""
    challenge = catalog.data.get(item.item_id)
    questions = {c.id: c.question for c in challenge.checkpoints} if challenge else {}
    ids = list(questions) + [key for key in item.checkpoints if key not in questions]
    rows = [checkpoint_row(key, questions.get(key, ""), item.checkpoints.get(key))
            for key in ids]
    return DataItemReport(item.item_id, challenge.title if challenge else item.item_id,
                          sum(row.correct for row in rows), len(rows), rows,
                          conclusion_fraction(item.score or {}))


def conclusion_fraction(score: dict[str, Any]) -> float | None:
    """The conclusion's rubric score 0-1 (`score["conclusion"]`, a PartScore dict)."""
    conclusion = score.get("conclusion")
    return score_fraction(conclusion) if isinstance(conclusion, dict) else None


def checkpoint_row(key: str, question: str, saved: dict[str, Any] | None) -> CheckpointRow:
    """One checkpoint; `saved` holds `answer` and either `correct` or a 0-1 `score`
    (as `engine.whiteboard` grades it; an empty answer counts as not answered)."""
    saved = saved or {}
    correct = saved.get("correct")
    if correct is None:
        correct = float(saved.get("score", 0.0)) >= 0.999
    answered = bool(str(saved.get("answer", "")).strip())
    return CheckpointRow(key, question.strip(), answered, bool(correct),
                         str(saved.get("answer", "")), str(saved.get("feedback", "")),
                         str(saved.get("expected", "")))
