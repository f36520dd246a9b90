"""How the candidate is doing over time: signals, topic accuracy, solve times and a topic map.

Everything comes from the stored sessions through `build_report`, so a trend point is exactly
what that session's report says. Sessions whose state cannot be read are left out. Series run
oldest first. Small text renderers (`sparkline`, `bar`) draw them in a terminal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from interview.catalog import Catalog
from interview.engine.state import CodingItem
from interview.reports.advice import normalise
from interview.reports.build import ReportError, build_report, load_state
from interview.reports.levels import LEVEL_THRESHOLDS, hidden_share, played
from interview.reports.model import Report
from interview.storage import Store

SPARKS = "▁▂▃▄▅▆▇█"
BAR_EIGHTHS = " ▏▎▍▌▋▊▉"
BAR_TRACK = "░"
STRONG_AT = LEVEL_THRESHOLDS[0][0]
"""Accuracy at or above this is strong (the report's 'strong' level)."""
OK_AT = LEVEL_THRESHOLDS[1][0]
"""Accuracy at or above this (and below STRONG_AT) is ok; below it, weak."""


@dataclass
class SignalPoint:
    """One signal's level in one session."""

    session_id: int
    created_at: float
    level: int
    """1-4, as in the report."""
    score: float
    """The 0-1 evidence behind the level."""


@dataclass
class SignalSeries:
    name: str
    points: list[SignalPoint] = field(default_factory=list)

    @property
    def levels(self) -> list[int]:
        return [point.level for point in self.points]


@dataclass
class TopicPoint:
    """Accuracy on one skill topic in one session."""

    session_id: int
    created_at: float
    correct: int
    total: int
    accuracy: float
    """Mean score 0-1 (partial credit counts)."""


@dataclass
class TopicSeries:
    topic: str
    points: list[TopicPoint] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Accuracy over every session, weighted by questions asked."""
        total = sum(point.total for point in self.points)
        return sum(p.accuracy * p.total for p in self.points) / total if total else 0.0


@dataclass
class SolveTime:
    """One coding problem in one session: minutes of round time to an accepted submission."""

    problem_id: str
    title: str
    session_id: int
    created_at: float
    minutes: float | None
    """None when no submission passed every test."""


@dataclass
class TopicStrength:
    """A skill topic or coding tag across all sessions."""

    topic: str
    kind: str
    """skill or coding."""
    attempts: int
    """Questions asked (skill) or problems attempted (coding)."""
    accuracy: float | None
    """Mean score 0-1 (coding: share of hidden tests passed); None when unseen."""
    strength: str
    """strong, ok, weak or unseen."""


@dataclass
class Trends:
    """Everything the trends screen shows."""

    sessions: int
    """Readable sessions the trends come from."""
    overall: list[float | None] = field(default_factory=list)
    """Each session's overall score, oldest first."""
    signals: list[SignalSeries] = field(default_factory=list)
    topics: list[TopicSeries] = field(default_factory=list)
    solve_times: list[SolveTime] = field(default_factory=list)
    topic_map: list[TopicStrength] = field(default_factory=list)


def build_trends(store: Store, catalog: Catalog) -> Trends:
    """The trends of every session in the store."""
    return trends_of(store.sessions(), catalog)


def trends_of(session_rows: Iterable[dict[str, Any]], catalog: Catalog) -> Trends:
    """Trends from stored session rows (`Store.sessions()`), in any order."""
    rows = sorted(session_rows, key=lambda row: (float(row.get("created_at", 0.0)), row["id"]))
    pairs = [(row, report) for row in rows if (report := _report(row, catalog)) is not None]
    reports = [report for _, report in pairs]
    return Trends(sessions=len(reports), overall=[r.overall_score for r in reports],
                  signals=signal_series(reports), topics=topic_series(reports),
                  solve_times=[t for row, r in pairs for t in solve_times(row, r)],
                  topic_map=topic_map(reports, catalog))


def _report(row: dict[str, Any], catalog: Catalog) -> Report | None:
    try:
        return build_report(row, catalog)
    except ReportError:
        return None


def signal_series(reports: Sequence[Report]) -> list[SignalSeries]:
    """Per signal, its level in each session that gave evidence for it, in first-seen order."""
    series: dict[str, SignalSeries] = {}
    for report in reports:
        for signal in report.signals:
            series.setdefault(signal.name, SignalSeries(signal.name)).points.append(
                SignalPoint(report.session_id, report.created_at, signal.level, signal.score))
    return list(series.values())


def topic_series(reports: Sequence[Report]) -> list[TopicSeries]:
    """Per skill topic, the accuracy in each session that asked it, topics by name."""
    series: dict[str, TopicSeries] = {}
    for report in reports:
        for skills in (r.skills for r in played(report.rounds) if r.skills is not None):
            for topic in skills.topics:
                series.setdefault(topic.topic, TopicSeries(topic.topic)).points.append(
                    TopicPoint(report.session_id, report.created_at, topic.correct,
                               topic.total, topic.score))
    return [series[name] for name in sorted(series)]


def solve_times(session_row: dict[str, Any], report: Report) -> list[SolveTime]:
    """Each coding problem of the session's played rounds and when it was first accepted.

    The time is round time, so a second problem in the same round counts from the round start.
    """
    titles = {i.item_id: i.title for r in report.rounds for i in r.coding}
    state = load_state(session_row)
    started = {r.index for r in played(report.rounds)}
    return [SolveTime(item.item_id, titles.get(item.item_id, item.item_id), report.session_id,
                      report.created_at, accepted_minutes(item))
            for index, current in enumerate(state.rounds) if index in started
            for item in current.items if isinstance(item, CodingItem)]


def accepted_minutes(item: CodingItem) -> float | None:
    """Round minutes at the first submission that passed every test, if any did."""
    for event in item.events:
        detail = event.detail
        if event.kind in ("submit", "auto-submit") and detail.get("total") and \
                detail.get("passed") == detail.get("total"):
            return round(event.at / 60, 1)
    return None


def topic_map(reports: Sequence[Report], catalog: Catalog) -> list[TopicStrength]:
    """Every skill topic and coding tag of the bank (and any seen ones since removed),
    weakest first, unseen ones last."""
    scores: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for report in reports:
        for current in played(report.rounds):
            for topic in current.skills.topics if current.skills else []:
                _add(scores[("skill", topic.topic)], topic.score * topic.total, topic.total)
            for item in current.coding:
                for tag in {normalise(tag) for tag in item.tags}:
                    _add(scores[("coding", tag)], hidden_share(item), 1)
    known = {("skill", q.topic) for q in catalog.questions.values()} | \
        {("coding", normalise(tag)) for p in catalog.coding.values() for tag in p.tags}
    rows = [_strength(topic, kind, *scores.get((kind, topic), (0.0, 0.0)))
            for kind, topic in known | set(scores)]
    return sorted(rows, key=lambda row: (row.accuracy is None, row.accuracy or 0.0,
                                         row.kind != "skill", row.topic))


def _add(totals: list[float], score: float, count: float) -> None:
    totals[0] += score
    totals[1] += count


def _strength(topic: str, kind: str, score: float, attempts: float) -> TopicStrength:
    accuracy = round(score / attempts, 4) if attempts else None
    return TopicStrength(topic, kind, int(attempts), accuracy, strength_of(accuracy))


def strength_of(accuracy: float | None) -> str:
    """strong, ok, weak, or unseen for no attempts."""
    if accuracy is None:
        return "unseen"
    if accuracy >= STRONG_AT:
        return "strong"
    return "ok" if accuracy >= OK_AT else "weak"


def sparkline(values: Sequence[float | None], width: int, low: float | None = None,
              high: float | None = None) -> str:
    """The last `width` values as ▁▂▃▄▅▆▇█, scaled between low and high (default: their range).

    A missing value (None) is a space; values all alike sit at mid height.
    """
    shown = list(values)[-width:] if width > 0 else []
    present = [v for v in shown if v is not None]
    if not present:
        return " " * len(shown)
    bottom = min(present) if low is None else low
    top = max(present) if high is None else high
    return "".join(" " if v is None else SPARKS[_spark_index(v, bottom, top)] for v in shown)


def _spark_index(value: float, low: float, high: float) -> int:
    if high <= low:
        return len(SPARKS) // 2 - 1
    fraction = min(1.0, max(0.0, (value - low) / (high - low)))
    return round(fraction * (len(SPARKS) - 1))


def bar(value: float | None, width: int) -> str:
    """A 0-1 value as a bar exactly `width` cells wide, in eighths, on a ░ track."""
    if width <= 0:
        return ""
    eighths = round(min(1.0, max(0.0, value or 0.0)) * width * 8)
    full, part = divmod(eighths, 8)
    drawn = "█" * full + (BAR_EIGHTHS[part] if part else "")
    return drawn + BAR_TRACK * (width - len(drawn))
