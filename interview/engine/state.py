"""A session's saved state as plain dataclasses that round-trip through JSON.

Everything needed to resume after `kill -9` lives here (or, for code and long answers, in the
drafts table): which round and item the candidate is on, every timer's used seconds, each
item's runs, hints, answers and grades, and a timeline of events for the report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STATE_VERSION = 1


@dataclass
class Event:
    """Something the candidate did, stamped with the round time it happened at."""

    at: float
    """Seconds of round time used when it happened."""
    kind: str
    """run, custom, submit, auto-submit, hint, solution, answer, snapshot."""
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class CodingItem:
    """One coding problem in a round and what the candidate did with it."""

    item_id: str
    runs: int = 0
    submits: int = 0
    hints: int = 0
    solution_viewed: bool = False
    last_run: dict[str, Any] | None = None
    """The latest 'run examples' or 'run custom input' result."""
    submission: dict[str, Any] | None = None
    """The latest submission's result; the item's score comes from it."""
    score: float | None = None
    events: list[Event] = field(default_factory=list)
    complexity: dict[str, Any] | None = None
    """The empirical complexity check of the accepted submission, when one was run."""
    kind: str = "coding"


@dataclass
class QuestionItem:
    """One skill question as asked this time: shuffled options or drawn numbers included."""

    item_id: str
    type: str
    budget_seconds: float
    used_seconds: float = 0.0
    order: list[int] = field(default_factory=list)
    """For mcq: positions of the question's options as shown."""
    values: dict[str, Any] = field(default_factory=dict)
    """For numeric templates: the numbers drawn."""
    expected: float | None = None
    """For numeric questions: the answer to these numbers."""
    response: Any = None
    """The shown option positions chosen (mcq) or the text typed (numeric, short)."""
    grade: dict[str, Any] | None = None
    kind: str = "question"

    @property
    def answered(self) -> bool:
        return self.grade is not None


@dataclass
class WrittenItem:
    """A design prompt or data challenge: the answer lives in drafts, the scoring here."""

    item_id: str
    kind: str
    """design or data."""
    score: dict[str, Any] | None = None
    self_rating: dict[str, int] = field(default_factory=dict)
    transcript: list[dict[str, Any]] = field(default_factory=list)
    """Clarifying questions, follow-ups and their answers, in order."""
    checkpoints: dict[str, dict[str, Any]] = field(default_factory=dict)
    """For data challenges: each checkpoint's answer and grade."""


Item = CodingItem | QuestionItem | WrittenItem
ITEM_TYPES: dict[str, type] = {"coding": CodingItem, "question": QuestionItem,
                               "design": WrittenItem, "data": WrittenItem}


@dataclass
class RoundState:
    """One round: its items, where the candidate is, its clock and how it ended."""

    kind: str
    minutes: int
    items: list[Item] = field(default_factory=list)
    position: int = 0
    status: str = "pending"
    """pending, active or done."""
    used_seconds: float = 0.0
    ended_by: str = ""
    """submitted, time, skipped (empty while the round is not done)."""
    score: float | None = None
    """0-1 once the round is done; None for rounds that are not scored (breaks)."""

    @property
    def budget_seconds(self) -> float:
        return self.minutes * 60.0

    @property
    def current(self) -> Item | None:
        return self.items[self.position] if self.position < len(self.items) else None


@dataclass
class SessionState:
    """The whole saved session."""

    loop_id: str
    loop_title: str
    mode: str
    """practice or interview."""
    seed: int
    rounds: list[RoundState]
    round_index: int = 0
    finished: bool = False
    version: int = STATE_VERSION

    @property
    def current_round(self) -> RoundState | None:
        return self.rounds[self.round_index] if self.round_index < len(self.rounds) else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionState:
        rounds = [_round_from_dict(entry) for entry in data["rounds"]]
        fields = {key: value for key, value in data.items() if key != "rounds"}
        return cls(rounds=rounds, **fields)


def _round_from_dict(data: dict[str, Any]) -> RoundState:
    items = [_item_from_dict(entry) for entry in data.get("items", [])]
    return RoundState(**{**data, "items": items})


def _item_from_dict(data: dict[str, Any]) -> Item:
    item_type = ITEM_TYPES[data["kind"]]
    if item_type is CodingItem:
        events = [Event(**event) for event in data.get("events", [])]
        return CodingItem(**{**data, "events": events})
    return item_type(**data)
