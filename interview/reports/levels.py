"""Hiring signals with levels 1-4, and the overall band they add up to.

Each signal is a 0-1 evidence score turned into a level by LEVEL_THRESHOLDS. Only rounds that
were started and not skipped count (a round never reached says nothing), and a signal with no
evidence at all is left out rather than shown as weak. The evidence per signal:

- problem solving: per coding problem, the share of hidden tests passed, minus HINT_COST per hint
  (at most MAX_HINT_COST), minus SLOW_COST when the timing check says slower than expected;
  0 when the solution was viewed or nothing was submitted.
- coding: per coding problem, the share of hidden tests passed, minus RESUBMIT_COST per submission
  after the first (at most MAX_RESUBMIT_COST), minus CRASH_COST when the last submission crashed
  or ran out of time or memory on some test.
- ML breadth: the mean score of the skill questions.
- ML design: the mean rubric fraction of the scored design answers.
- data analysis: the share of data-challenge checkpoints answered right.
- communication: from design answers, the requirements dimension's score out of 3, and how well
  the self-ratings matched the scores (1 - mean gap / 3) when there were any.
"""

from __future__ import annotations

from collections.abc import Iterable

from interview.reports.model import CodingItemReport, DesignItemReport, RoundReport, Signal

LEVEL_THRESHOLDS: tuple[tuple[float, int, str], ...] = (
    (0.85, 4, "strong"), (0.65, 3, "solid"), (0.40, 2, "mixed"), (0.0, 1, "weak"))
"""(lowest evidence score, level, label), checked from the top."""

HINT_COST, MAX_HINT_COST = 0.1, 0.3
SLOW_COST = 0.2
RESUBMIT_COST, MAX_RESUBMIT_COST = 0.1, 0.3
CRASH_COST = 0.1
CRASH_VERDICTS = ("runtime_error", "time_limit", "memory_limit", "output_limit")

BANDS: tuple[tuple[str, float, int, str], ...] = (
    ("strong hire", 3.5, 3, "ready"), ("hire", 2.75, 2, "ready"),
    ("lean no hire", 2.0, 1, "almost"), ("no hire", 0.0, 1, "not yet"))
"""(band, lowest mean level, lowest single level, readiness), checked from the top."""
NO_EVIDENCE = ("no evidence", "unknown")


def level_of(score: float) -> tuple[int, str]:
    """The level and label for an evidence score in 0-1."""
    for lowest, level, label in LEVEL_THRESHOLDS:
        if score >= lowest:
            return level, label
    return LEVEL_THRESHOLDS[-1][1], LEVEL_THRESHOLDS[-1][2]


def band_of(signals: list[Signal]) -> tuple[str, str]:
    """The overall band and readiness from the signals' levels."""
    if not signals:
        return NO_EVIDENCE
    levels = [signal.level for signal in signals]
    mean = sum(levels) / len(levels)
    for band, lowest_mean, lowest_level, readiness in BANDS:
        if mean >= lowest_mean and min(levels) >= lowest_level:
            return band, readiness
    return BANDS[-1][0], BANDS[-1][3]


def signals_of(rounds: list[RoundReport]) -> list[Signal]:
    """Every signal the started rounds give evidence for, in a fixed order."""
    started = played(rounds)
    coding = [item for r in started for item in r.coding]
    designs = [item for r in started for item in r.design if item.scored]
    found = [
        _signal("problem solving", [solving_score(i) for i in coding], f"{len(coding)} coding problem(s)"),
        _signal("coding", [coding_score(i) for i in coding], f"{len(coding)} coding problem(s)"),
        _breadth(started),
        _signal("ML design", [d.fraction or 0.0 for d in designs], f"{len(designs)} design answer(s)"),
        _data(started),
        _signal("communication", communication_scores(designs), "design requirements and self-ratings"),
    ]
    return [signal for signal in found if signal is not None]


def played(rounds: list[RoundReport]) -> list[RoundReport]:
    """Rounds that were started and not skipped: the only ones that say anything."""
    return [r for r in rounds if r.status != "pending" and r.ended_by != "skipped"]


def _signal(name: str, scores: Iterable[float], evidence: str) -> Signal | None:
    values = list(scores)
    if not values:
        return None
    score = round(sum(values) / len(values), 4)
    level, label = level_of(score)
    return Signal(name, level, label, score, evidence)


def _breadth(started: list[RoundReport]) -> Signal | None:
    skills = [r.skills for r in started if r.skills is not None and r.skills.total]
    total = sum(s.total for s in skills)
    scores = [t.score * t.total for s in skills for t in s.topics]
    return _signal("ML breadth", [sum(scores) / total] if total else [],
                   f"{total} skill question(s)")


def _data(started: list[RoundReport]) -> Signal | None:
    items = [item for r in started for item in r.data if item.total]
    right, total = sum(i.correct for i in items), sum(i.total for i in items)
    return _signal("data analysis", [right / total] if total else [],
                   f"{total} data checkpoint(s)")


def hidden_share(item: CodingItemReport) -> float:
    if not item.submitted or not item.hidden_total:
        return 0.0
    return item.hidden_passed / item.hidden_total


def solving_score(item: CodingItemReport) -> float:
    if item.solution_viewed:
        return 0.0
    slow = SLOW_COST if item.complexity_verdict == "slower than expected" else 0.0
    return max(0.0, hidden_share(item) - min(MAX_HINT_COST, HINT_COST * item.hints) - slow)


def coding_score(item: CodingItemReport) -> float:
    resubmits = min(MAX_RESUBMIT_COST, RESUBMIT_COST * max(0, item.submits - 1))
    crashed = CRASH_COST if any(item.verdicts.get(v) for v in CRASH_VERDICTS) else 0.0
    return max(0.0, hidden_share(item) - resubmits - crashed)


def communication_scores(designs: list[DesignItemReport]) -> list[float]:
    """Per design answer: the requirements score out of 3 and the self-rating match."""
    scores = []
    for design in designs:
        scores += [row.score / 3 for row in design.dimensions
                   if row.dimension_id == "requirements" and row.score is not None]
        gaps = [abs(row.self_rating - row.score) for row in design.dimensions
                if row.self_rating is not None and row.score is not None]
        if gaps:
            scores.append(1 - sum(gaps) / len(gaps) / 3)
    return scores
