"""Choosing the items of a loop's rounds from the bank: seeded, fitting, and fresh when possible."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from typing import Any

from interview.engine.loops import RoundPlan
from interview.models import CodingProblem, SkillQuestion

TOPIC_GROUPS = {
    "core": ("statistics", "probability", "linear-algebra", "calculus-optimization",
             "classical-ml", "evaluation-metrics"),
    "deep-learning-and-specialty": ("deep-learning", "nlp", "computer-vision",
                                    "recommender-systems"),
    "production": ("data-preparation", "big-data", "deployment-mlops", "python-ml-libraries"),
}
"""The skill-round mix of syllabus §4.3: core, deep learning plus a specialty, production."""
QUESTION_TYPES = ("mcq", "numeric", "short")


def pick_items(candidates: Sequence[Any], plan: RoundPlan, rng: random.Random,
               seen: Iterable[str] = (), weights: dict[str, float] | None = None) -> list[Any]:
    """`plan.count` items that fit the plan: preferred picks first, unseen before seen, and
    among those, items on weak topics (higher `weights`) more likely first."""
    fitting = [item for item in candidates
               if (not plan.difficulties or item.difficulty in plan.difficulties)
               and on_topic(item, plan.topics)]
    fitting = fitting or [item for item in candidates if on_topic(item, plan.topics)]
    fitting = fitting or list(candidates)
    seen_ids = set(seen)
    ranked = sorted(fitting, key=lambda item: (item.id not in plan.picks, item.id in seen_ids,
                                               weighted_draw(item, rng, weights or {})))
    return ranked[:plan.count]


def weighted_draw(item: Any, rng: random.Random, weights: dict[str, float]) -> float:
    """A random sort key that comes earlier the weaker the item's topic: uniform draws
    divided by the weight (1 for topics never reviewed)."""
    topics = [getattr(item, "topic", None), *getattr(item, "tags", ())]
    weight = max((weights.get(t, 1.0) for t in topics if t), default=1.0)
    return rng.random() / weight


def on_topic(item: Any, topics: Sequence[str]) -> bool:
    """Whether an item matches a custom round's topics (skill topic or any coding tag)."""
    if not topics:
        return True
    return getattr(item, "topic", None) in topics or bool(set(getattr(item, "tags", ())) &
                                                          set(topics))


def coding_candidates(problems: Iterable[CodingProblem], kind: str) -> list[CodingProblem]:
    prefix = "ml-" if kind == "coding-ml" else "dsa-"
    return sorted((p for p in problems if p.id.startswith(prefix)), key=lambda p: p.id)


def pick_questions(questions: Sequence[SkillQuestion], plan: RoundPlan, rng: random.Random,
                   seen: Iterable[str] = (), weights: dict[str, float] | None = None,
                   ) -> list[SkillQuestion]:
    """A skills round: shares per topic group and per type from `plan.mix`, then fill up."""
    seen_ids = set(seen)
    pool = [q for q in questions if (not plan.difficulties or q.difficulty in plan.difficulties)
            and on_topic(q, plan.topics)] or [q for q in questions if on_topic(q, plan.topics)]
    pool = sorted(pool, key=lambda q: (q.id in seen_ids, weighted_draw(q, rng, weights or {})))
    chosen: list[SkillQuestion] = []
    for group, topics in TOPIC_GROUPS.items():
        quota = round(plan.mix.get(group, 0) * plan.count)
        chosen += [q for q in pool if q.topic in topics and q not in chosen][:quota]
    type_quotas = {kind: round(plan.mix.get(kind, 0) * plan.count) for kind in QUESTION_TYPES}
    if any(type_quotas.values()):
        chosen = _rebalance_types(chosen, pool, type_quotas, plan.count)
    chosen += [q for q in pool if q not in chosen][:max(0, plan.count - len(chosen))]
    return chosen[:plan.count]


def _rebalance_types(chosen: list[SkillQuestion], pool: list[SkillQuestion],
                     quotas: dict[str, int], count: int) -> list[SkillQuestion]:
    """Keep the topic picks where their type still has room; fill the types that fall short."""
    kept: list[SkillQuestion] = []
    for question in chosen:
        if sum(q.type == question.type for q in kept) < quotas.get(question.type, count):
            kept.append(question)
    for kind, quota in quotas.items():
        missing = quota - sum(q.type == kind for q in kept)
        kept += [q for q in pool if q.type == kind and q not in kept][:max(0, missing)]
    return kept
