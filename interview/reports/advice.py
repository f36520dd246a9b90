"""The weakest areas of a session and what to practise next, naming bank items.

Areas come from this session (skill topics, coding tags, design dimensions, data challenges)
and from spaced-repetition history (`weak_topics`). Only areas below STRONG count as weak, so a
flawless session gets no made-up weaknesses. Suggested items are unseen ones first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from interview.catalog import Catalog
from interview.engine.review import coding_topic
from interview.reports.levels import LEVEL_THRESHOLDS, played, solving_score
from interview.reports.model import NextStep, ProblemRef, RoundReport, WeakArea

STRONG = LEVEL_THRESHOLDS[0][0]
"""Areas scoring at or above this are not weak."""
WEAKEST = 3
SUGGESTIONS = 3
"""Bank items suggested per weak area."""


def weak_areas(rounds: list[RoundReport], weak: Iterable[tuple[str, float]] = ()) -> list[WeakArea]:
    """Up to WEAKEST areas below STRONG, the weakest first (see `spread`)."""
    started = played(rounds)
    areas = _skill_areas(started) + _coding_areas(started) + _design_areas(started) + \
        _data_areas(started)
    known = {area.area for area in areas}
    areas += [WeakArea(topic, "review", round(1 - weakness, 4), "shaky in past reviews")
              for topic, weakness in weak if topic not in known]
    return spread([a for a in areas if a.score < STRONG], WEAKEST)


def spread(areas: list[WeakArea], count: int) -> list[WeakArea]:
    """The `count` weakest areas, one per kind first, so three rubric rows do not crowd out
    a weak skill topic; then the next weakest of any kind."""
    ranked = sorted(areas, key=lambda a: (a.score, a.area))
    chosen: list[WeakArea] = []
    for area in ranked:
        if area.kind not in {c.kind for c in chosen}:
            chosen.append(area)
    chosen += [area for area in ranked if area not in chosen][:max(0, count - len(chosen))]
    return sorted(chosen[:count], key=lambda a: (a.score, a.area))


def _skill_areas(started: list[RoundReport]) -> list[WeakArea]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for topic in (t for r in started if r.skills for t in r.skills.topics):
        totals = sums[topic.topic]
        totals[0] += topic.score * topic.total
        totals[1] += topic.correct
        totals[2] += topic.total
    return [WeakArea(topic, "skill topic", round(total / count, 4),
                     f"{int(right)}/{int(count)} questions right")
            for topic, (total, right, count) in sums.items()]


def _coding_areas(started: list[RoundReport]) -> list[WeakArea]:
    return [WeakArea(coding_topic(item.tags), "coding", round(solving_score(item), 4),
                     f"{item.item_id}: {item.hidden_passed}/{item.hidden_total} hidden tests, "
                     f"{item.hints} hint(s)" if item.submitted else f"{item.item_id}: not submitted")
            for r in started for item in r.coding]


def _design_areas(started: list[RoundReport]) -> list[WeakArea]:
    return [WeakArea(row.title, "design", round(row.score / 3, 4),
                     f"{design.item_id}: scored {row.score}/3" +
                     (f"; missed: {'; '.join(row.missed[:2])}" if row.missed else ""))
            for r in started for design in r.design for row in design.dimensions
            if row.score is not None]


def _data_areas(started: list[RoundReport]) -> list[WeakArea]:
    return [WeakArea(item.title, "data", round(item.correct / item.total, 4),
                     f"{item.item_id}: {item.correct}/{item.total} checkpoints right")
            for r in started for item in r.data if item.total]


def next_steps(areas: list[WeakArea], catalog: Catalog, seen: set[str]) -> list[NextStep]:
    """One concrete step per weak area, naming bank items to practise."""
    return [_step(area, catalog, seen) for area in areas]


def _step(area: WeakArea, catalog: Catalog, seen: set[str]) -> NextStep:
    if area.kind == "design":
        prompts = [(p.id, p.title) for p in catalog.design.values()]
        return NextStep(area.area, f"Practise the {area.area} part of a design answer on "
                        "another prompt, then compare with its model answer.",
                        suggest(prompts, seen))
    if area.kind == "data":
        challenges = [(c.id, c.title) for c in catalog.data.values()]
        return NextStep(area.area, "Work through another data challenge, checking each "
                        "checkpoint's query before moving on.", suggest(challenges, seen))
    problems = [(p.id, p.title) for p in catalog.coding.values() if matches(area.area, p.tags)]
    count = sum(q.topic == area.area for q in catalog.questions.values())
    if area.kind == "coding" or not count:  # a review area can be a coding tag
        text = f"Solve more {area.area} problems without hints, running the examples early."
    else:
        text = (f"Run a topic drill on {area.area} ({count} questions in the bank) and read "
                "the explanations of the misses above.")
    return NextStep(area.area, text, suggest(problems, seen))


def matches(topic: str, tags: Iterable[str]) -> bool:
    """Whether a skill topic or tag names one of a problem's tags ("linear algebra" = "linear-algebra")."""
    wanted = normalise(topic)
    return any(normalise(tag) == wanted for tag in tags)


def normalise(tag: str) -> str:
    return tag.strip().lower().replace(" ", "-").replace("_", "-")


def suggest(items: list[tuple[str, str]], seen: set[str]) -> list[ProblemRef]:
    """Up to SUGGESTIONS items, never attempted ones first, then by id."""
    refs = [ProblemRef(item_id, title, item_id in seen) for item_id, title in items]
    return sorted(refs, key=lambda ref: (ref.seen, ref.item_id))[:SUGGESTIONS]
