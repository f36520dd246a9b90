"""A stored session row -> a `Report`: per round, signals, band, weakest areas and next steps.

Works on any session the store holds, finished or not: rounds never reached are listed as not
started, an interrupted round gets a provisional score, and the report says it is incomplete.
"""

from __future__ import annotations

from typing import Any

from interview.catalog import Catalog
from interview.engine.plan import UNSCORED_ROUNDS
from interview.engine.session import item_score
from interview.engine.state import (
    CodingItem,
    Item,
    QuestionItem,
    RoundState,
    SessionState,
    WrittenItem,
)
from interview.reports.advice import next_steps, weak_areas
from interview.reports.coding import coding_item_report
from interview.reports.levels import band_of, signals_of
from interview.reports.model import Report, RoundReport
from interview.reports.skills import skills_report
from interview.reports.written import data_item_report, design_item_report

ROUND_TITLES = {"coding-dsa": "Coding: algorithms", "coding-ml": "Coding: ML from scratch",
                "skills": "Specialized skills", "design": "ML system design",
                "data": "Data challenge", "break": "Break", "debrief": "Debrief"}


class ReportError(Exception):
    """The stored session cannot be read as a session (a damaged or foreign state)."""


def build_report(session_row: dict[str, Any], catalog: Catalog,
                 attempts: list[dict[str, Any]] | None = None,
                 weak: list[tuple[str, float]] | None = None) -> Report:
    """The report of one stored session (`Store.session`), with past attempts and weak topics.

    `attempts` (`Store.attempts()`) tells which bank items were already seen, so suggestions
    lead with new ones; `weak` (`review.weak_topics`) adds topics shaky across sessions.
    """
    state = load_state(session_row)
    rounds = [round_report(index, current, catalog) for index, current in
              enumerate(state.rounds)]
    signals = signals_of(rounds)
    band, readiness = band_of(signals)
    seen = {a["item_id"] for a in attempts or []} | \
        {item.item_id for current in state.rounds for item in current.items}
    areas = weak_areas(rounds, weak or [])
    scores = [r.score for r in rounds if r.score is not None]
    return Report(
        session_id=int(session_row["id"]), loop_id=state.loop_id, loop_title=state.loop_title,
        mode=state.mode, status=str(session_row.get("status", "")),
        created_at=float(session_row.get("created_at", 0.0)),
        updated_at=float(session_row.get("updated_at", 0.0)),
        complete=is_complete(state), overall_score=mean(scores), band=band,
        readiness=readiness, signals=signals, rounds=rounds, weakest=areas,
        next_steps=next_steps(areas, catalog, seen),
        notes=session_notes(state, str(session_row.get("status", "")), catalog))


def load_state(session_row: dict[str, Any]) -> SessionState:
    try:
        return SessionState.from_dict(session_row["state"])
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise ReportError(f"session {session_row.get('id')} cannot be read: {error}") from None


def mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def is_complete(state: SessionState) -> bool:
    """Finished with every round played (finishing early marks the rest skipped)."""
    return state.finished and not any(r.ended_by == "skipped" for r in state.rounds)


def round_report(index: int, current: RoundState, catalog: Catalog) -> RoundReport:
    """One round's summary; item lists of other kinds stay empty."""
    items = current.items
    questions = [i for i in items if isinstance(i, QuestionItem)]
    written = [i for i in items if isinstance(i, WrittenItem)]
    return RoundReport(
        index=index, kind=current.kind, title=ROUND_TITLES.get(current.kind, current.kind),
        status=current.status, ended_by=current.ended_by, score=score_of(current),
        used_seconds=round(current.used_seconds, 1), budget_seconds=current.budget_seconds,
        coding=[coding_item_report(i, catalog) for i in items if isinstance(i, CodingItem)],
        skills=skills_report(questions, catalog, current.status == "done") if questions
        else None,
        design=[design_item_report(i, catalog) for i in written if i.kind == "design"],
        data=[data_item_report(i, catalog) for i in written if i.kind == "data"],
        notes=round_notes(current))


def score_of(current: RoundState) -> float | None:
    """The stored score of a done round; for an interrupted one, a provisional mean over the
    items that were answered or submitted (the others may never have been reached)."""
    if current.status == "done":
        return current.score
    if current.status != "active" or current.kind in UNSCORED_ROUNDS:
        return None
    return mean([item_score(item) for item in current.items if has_evidence(item)])


def has_evidence(item: Item) -> bool:
    if isinstance(item, CodingItem):
        return item.submission is not None
    if isinstance(item, QuestionItem):
        return item.answered
    return bool(item.score or item.checkpoints)


def round_notes(current: RoundState) -> list[str]:
    notes = []
    if not current.items and current.kind not in UNSCORED_ROUNDS:
        notes.append("this round had no items")
    if current.status == "pending":
        notes.append("not started")
    elif current.status == "active":
        notes.append("interrupted: the session stopped during this round; the score is "
                     "provisional")
    notes += {"time": ["ended when time ran out"], "skipped": ["skipped"]}.get(
        current.ended_by, [])
    return notes


def session_notes(state: SessionState, status: str, catalog: Catalog) -> list[str]:
    """Why the report may be partial: unfinished, abandoned, skipped, or items gone."""
    played = sum(r.status == "done" and r.ended_by != "skipped" for r in state.rounds)
    notes = []
    if status == "abandoned":
        notes.append(f"This session was abandoned after {played} of {len(state.rounds)} "
                     "rounds; the report covers what was done.")
    elif not state.finished:
        notes.append(f"This session is incomplete ({played} of {len(state.rounds)} rounds "
                     "done); the report covers what was done so far.")
    elif not is_complete(state):
        notes.append("The session was ended early; skipped rounds carry no evidence.")
    missing = sorted({i.item_id for r in state.rounds for i in r.items
                      if catalog.item(i.item_id) is None})
    if missing:
        notes.append(f"No longer in the bank: {', '.join(missing)}.")
    return notes
