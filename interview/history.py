"""Past sessions at a glance: date, loop, mode, status and overall score, filterable.

Both `interview history` and the app's history screen list these entries; a session whose saved
state cannot be read is still listed (without a score) rather than hidden.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from interview.catalog import Catalog
from interview.reports.advice import matches
from interview.reports.build import ReportError, load_state, mean, score_of
from interview.reports.document import date, percent
from interview.storage import Store

ROUND_KINDS = {"coding-dsa": "coding", "coding-ml": "coding", "skills": "skills",
               "design": "design", "data": "data"}
"""Round kind -> the kind `--kind` filters on."""
KINDS = ("coding", "skills", "design", "data")


@dataclass
class HistoryEntry:
    """One past session, as the history list shows it."""

    session_id: int
    created_at: float
    """Unix time the session started."""
    loop_id: str
    loop_title: str
    mode: str
    status: str
    """active, finished or abandoned."""
    overall_score: float | None
    """Mean of the scored rounds 0-1, as in the session's report; None before any."""
    kinds: list[str] = field(default_factory=list)
    """coding, skills, design, data: the kinds of rounds the session had."""
    topics: list[str] = field(default_factory=list)
    """Skill topics of its questions and tags of its coding problems."""


def history_entries(store: Store, catalog: Catalog) -> list[HistoryEntry]:
    """Every stored session, newest first."""
    return [history_entry(row, catalog) for row in store.sessions()]


def history_entry(row: dict[str, Any], catalog: Catalog) -> HistoryEntry:
    """One session row as an entry; an unreadable state gives an entry without details."""
    entry = HistoryEntry(int(row["id"]), float(row["created_at"]), str(row["loop"]),
                         str(row["loop"]), str(row["mode"]), str(row["status"]), None)
    try:
        state = load_state(row)
    except ReportError:
        return entry
    entry.loop_title = state.loop_title
    entry.overall_score = mean([s for s in map(score_of, state.rounds) if s is not None])
    entry.kinds = sorted({ROUND_KINDS[r.kind] for r in state.rounds
                          if r.kind in ROUND_KINDS and r.items})
    entry.topics = sorted({topic for r in state.rounds for item in r.items
                           for topic in item_topics(item.item_id, catalog)})
    return entry


def item_topics(item_id: str, catalog: Catalog) -> list[str]:
    if item_id in catalog.questions:
        return [catalog.questions[item_id].topic]
    if item_id in catalog.coding:
        return list(catalog.coding[item_id].tags)
    return []


def filter_entries(entries: list[HistoryEntry], kind: str | None = None,
                   topic: str | None = None) -> list[HistoryEntry]:
    """Entries with a round of `kind` and a question or problem on `topic` (None: any)."""
    return [entry for entry in entries
            if (kind is None or kind in entry.kinds)
            and (topic is None or matches(topic, entry.topics))]


def render_history(entries: list[HistoryEntry]) -> str:
    """A plain-text table, newest first."""
    lines = [f"{'ID':>4}  {'Date':<16}  {'Mode':<9}  {'Status':<9}  {'Score':>5}  Loop"]
    lines += [f"{e.session_id:>4}  {date(e.created_at):<16}  {e.mode:<9}  {e.status:<9}  "
              f"{percent(e.overall_score):>5}  {e.loop_title}" for e in entries]
    return "\n".join(lines)


def history_json(entries: list[HistoryEntry]) -> str:
    """The entries as a JSON list (fields as in HistoryEntry)."""
    return json.dumps([asdict(entry) for entry in entries], indent=2, ensure_ascii=False)
