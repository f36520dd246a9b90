"""Turning a loop into a concrete session: which problems and questions, as asked this time.

Picking happens once, when the session starts, and the result is saved: a resumed session
asks the same questions with the same shuffled options and the same drawn numbers.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from interview.catalog import Catalog
from interview.engine.loops import Loop, RoundPlan
from interview.engine.picker import coding_candidates, pick_items, pick_questions
from interview.engine.state import CodingItem, Item, QuestionItem, RoundState, WrittenItem
from interview.models import SkillQuestion
from interview.templates import instantiate, shuffle_options
from sandbox import Sandbox

PRACTICE, INTERVIEW = "practice", "interview"
UNSCORED_ROUNDS = ("break", "debrief")


@dataclass(frozen=True)
class SessionPlan:
    """What the candidate chose on the home screen."""

    loop: Loop
    mode: str = INTERVIEW
    seed: int | None = None


def build_rounds(plan: SessionPlan, catalog: Catalog, rng: random.Random, sandbox: Sandbox,
                 seen: Iterable[str] = (), weights: dict[str, float] | None = None,
                 ) -> list[RoundState]:
    """The loop's rounds with their items; rounds the bank cannot fill are left out.

    `weights` (topic or tag -> at least 1) leans the picks toward the candidate's weak topics.
    """
    seen_ids = set(seen)
    rounds = []
    for round_plan in plan.loop.rounds:
        items = _pick(round_plan, catalog, rng, sandbox, seen_ids, weights or {})
        if items or round_plan.kind in UNSCORED_ROUNDS:
            rounds.append(RoundState(round_plan.kind, round_plan.minutes, items))
            seen_ids.update(item.item_id for item in items)
    return rounds


def _pick(round_plan: RoundPlan, catalog: Catalog, rng: random.Random, sandbox: Sandbox,
          seen: set[str], weights: dict[str, float]) -> list[Item]:
    kind = round_plan.kind
    if kind in ("coding-dsa", "coding-ml"):
        candidates = coding_candidates(catalog.coding.values(), kind)
        if round_plan.picks:  # a drill names its problem whatever its prefix
            candidates += [catalog.coding[i] for i in round_plan.picks
                           if i in catalog.coding and catalog.coding[i] not in candidates]
        return [CodingItem(p.id) for p in pick_items(candidates, round_plan, rng, seen, weights)]
    if kind == "skills":
        share = round_plan.minutes * 60.0 / max(1, round_plan.count)
        questions = list(catalog.questions.values())
        if round_plan.picks:
            questions = [catalog.questions[i] for i in round_plan.picks
                         if i in catalog.questions] or questions
        return [ask(q, share, rng, sandbox)
                for q in pick_questions(questions, round_plan, rng, seen, weights)]
    if kind in ("design", "data"):
        pool = catalog.design if kind == "design" else catalog.data
        return [WrittenItem(item.id, kind)
                for item in pick_items(sorted(pool.values(), key=lambda i: i.id), round_plan,
                                       rng, seen)]
    return []


def ask(question: SkillQuestion, budget_seconds: float, rng: random.Random,
        sandbox: Sandbox) -> QuestionItem:
    """The question as this attempt shows it: options shuffled, template numbers drawn."""
    item = QuestionItem(question.id, question.type, budget_seconds)
    if question.type == "mcq":
        item.order = list(shuffle_options(question, rng).order)
    elif question.type == "numeric":
        instance = instantiate(question, rng, sandbox)
        item.values, item.expected = instance.values, instance.answer
    return item


def drill_loop(item_id: str, catalog: Catalog, minutes: int | None = None) -> Loop:
    """A one-round loop around one bank item (a coding problem, prompt or challenge)."""
    item = catalog.item(item_id)
    if item is None:
        raise KeyError(f"no item {item_id!r} in the bank")
    kind = {"coding": "coding-ml" if item_id.startswith("ml-") else "coding-dsa",
            "design": "design", "data": "data"}.get(getattr(item, "kind", ""), "skills")
    round_plan = RoundPlan(kind, minutes or getattr(item, "minutes", 5), 1, picks=(item_id,))
    return Loop(f"drill:{item_id}", f"Drill: {getattr(item, 'title', item_id)}",
                "One item, on its own.", (round_plan,))


def topic_loop(topic: str, count: int = 10, minutes: int = 20) -> Loop:
    """A skills round on one topic."""
    round_plan = RoundPlan("skills", minutes, count, topics=(topic,))
    return Loop(f"topic:{topic}", f"Topic drill: {topic}", f"{count} questions on {topic}.",
                (round_plan,))


def review_loop(item_ids: list[str], catalog: Catalog) -> Loop | None:
    """A session of due review items: their coding problems, then their questions."""
    problems = tuple(i for i in item_ids if i in catalog.coding)[:2]
    questions = tuple(i for i in item_ids if i in catalog.questions)
    rounds = []
    for problem_id in problems:
        kind = "coding-ml" if problem_id.startswith("ml-") else "coding-dsa"
        rounds.append(RoundPlan(kind, catalog.coding[problem_id].minutes, 1,
                                picks=(problem_id,)))
    if questions:
        rounds.append(RoundPlan("skills", 2 * len(questions), len(questions), picks=questions))
    if not rounds:
        return None
    return Loop("review", "Review due items", "What your schedule says is due.", tuple(rounds))
