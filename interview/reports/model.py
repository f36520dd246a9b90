"""The session report as plain dataclasses: what the renderers show and `render_json` exports.

Every field is JSON-ready (str, int, float, bool, None, lists and nested dataclasses) so the
JSON export is `dataclasses.asdict` plus a schema version, and the renderers never recompute.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TimelineEntry:
    """One moment of a coding item, in round time."""

    at: float
    """Seconds of round time used when it happened."""
    kind: str
    """run, custom, submit, auto-submit, hint, solution, snapshot."""
    text: str
    """What happened, in words ("ran the examples: 2/3 passed")."""


@dataclass
class CodingItemReport:
    """One coding problem: its tests, effort and how the time went."""

    item_id: str
    title: str
    tags: list[str]
    submitted: bool
    """False when the round ended without any submission."""
    hidden_passed: int
    hidden_total: int
    examples_passed: int
    examples_total: int
    verdicts: dict[str, int]
    """Verdict -> number of tests of the last submission (examples and hidden)."""
    score: float | None
    """The engine's item score (0-1, hint penalty included in interview mode)."""
    runs: int
    submits: int
    hints: int
    hints_available: int
    solution_viewed: bool
    complexity: str
    """The empirical complexity line ("looks O(n^2), expected O(n)"); "" when not checked."""
    complexity_verdict: str
    """as expected, slower than expected, faster than expected, inconclusive, or ""."""
    timeline: list[TimelineEntry] = field(default_factory=list)
    time_notes: list[str] = field(default_factory=list)
    """Where the time went ("12 min before the first run")."""


@dataclass
class TopicScore:
    """Accuracy on one skill topic (or one coding tag, rubric dimension) in this session."""

    topic: str
    correct: int
    total: int
    score: float
    """Mean score 0-1: partial credit counts, so it can exceed correct/total."""


@dataclass
class Miss:
    """A skill question not fully right, with what the candidate should take away."""

    item_id: str
    topic: str
    question: str
    """The question as shown (template numbers filled in)."""
    response: str
    """What the candidate answered ("" when unanswered)."""
    expected: str
    """The right answer in short (option texts, number, or the key points missed)."""
    explanation: str
    feedback: str
    score: float


@dataclass
class SkillsReport:
    """A skills round: accuracy overall and by topic, and every miss explained."""

    answered: int
    correct: int
    total: int
    topics: list[TopicScore] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)


@dataclass
class DimensionRow:
    """One rubric dimension of a design answer."""

    dimension_id: str
    title: str
    score: int | None
    """0-3 from the scorer; None when the scorer left it out."""
    self_rating: int | None
    """0-3 from the candidate; None when not given."""
    covered: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    red_flags: list[str] = field(default_factory=list)


@dataclass
class DesignItemReport:
    """A design prompt: rubric table, missed points, red flags and self-rating calibration."""

    item_id: str
    title: str
    scored: bool
    fraction: float | None
    """0-1 overall from the scorer."""
    dimensions: list[DimensionRow] = field(default_factory=list)
    calibration: list[str] = field(default_factory=list)
    """Gaps of 2+ between self-rating and score ("you rated yourself 3, scored 1 on Data")."""
    questions_asked: int = 0
    """Clarifying questions in the transcript."""
    diagram_edges: list[str] = field(default_factory=list)
    """The whiteboard diagram as edges ("events → ranker (features)")."""
    transcript: list[str] = field(default_factory=list)
    """Clarifying questions and follow-ups with their answers, in order."""


@dataclass
class CheckpointRow:
    """One data-challenge checkpoint."""

    checkpoint_id: str
    question: str
    answered: bool
    correct: bool
    answer: str
    feedback: str
    expected: str


@dataclass
class DataItemReport:
    """A data challenge: checkpoints right and wrong."""

    item_id: str
    title: str
    correct: int
    total: int
    checkpoints: list[CheckpointRow] = field(default_factory=list)
    conclusion_fraction: float | None = None
    """The written conclusion's rubric score 0-1, when it was scored."""


@dataclass
class RoundReport:
    """One round of the loop, whatever its kind; lists for other kinds stay empty."""

    index: int
    kind: str
    title: str
    status: str
    """pending (never started), active (interrupted) or done."""
    ended_by: str
    score: float | None
    """0-1; a provisional mean for an interrupted round; None for breaks and empty rounds."""
    used_seconds: float
    budget_seconds: float
    coding: list[CodingItemReport] = field(default_factory=list)
    skills: SkillsReport | None = None
    design: list[DesignItemReport] = field(default_factory=list)
    data: list[DataItemReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Signal:
    """A hiring signal with its level; only signals the session gave evidence for appear."""

    name: str
    """problem solving, coding, ML breadth, ML design, data analysis, communication."""
    level: int
    """1-4 (see `interview.reports.levels.LEVEL_THRESHOLDS`)."""
    label: str
    """weak, mixed, solid, strong."""
    score: float
    """The 0-1 evidence the level comes from."""
    evidence: str
    """What it was measured on, in words."""


@dataclass
class ProblemRef:
    """A bank item suggested for practice."""

    item_id: str
    title: str
    seen: bool
    """True when some past attempt already used it."""


@dataclass
class WeakArea:
    """One of the weakest areas: a skill topic, coding tag, rubric dimension or data challenge."""

    area: str
    kind: str
    """skill topic, coding, design, data or review (from spaced-repetition history)."""
    score: float
    """0-1, lower is weaker."""
    why: str


@dataclass
class NextStep:
    """What to do about one weak area, naming bank items."""

    area: str
    text: str
    items: list[ProblemRef] = field(default_factory=list)


@dataclass
class Report:
    """Everything known about one session, per round and overall."""

    session_id: int
    loop_id: str
    loop_title: str
    mode: str
    status: str
    """The stored status: active, finished or abandoned."""
    created_at: float
    updated_at: float
    complete: bool
    """Every round was played to its end."""
    overall_score: float | None
    """Mean of the scored rounds (provisional ones included), 0-1."""
    band: str
    """strong hire, hire, lean no hire, no hire, or no evidence."""
    readiness: str
    """ready, almost, not yet, or unknown: the band in practice words."""
    signals: list[Signal] = field(default_factory=list)
    rounds: list[RoundReport] = field(default_factory=list)
    weakest: list[WeakArea] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Session-wide caveats (incomplete, abandoned, items missing from the bank)."""
