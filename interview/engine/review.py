"""Which bank items come back for review, and when: FSRS cards fed by what happened in a round.

Every coding problem or skill question a candidate answers becomes an FSRS card. The rating is
derived from the evidence (correctness, time, hints) instead of asked for, so candidates never grade
themselves. Time always arrives as an argument; nothing here reads a clock.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from fsrs import Card, Rating, Scheduler

from interview.storage import Store

Kind = Literal["coding", "skill"]

SCHEDULER = Scheduler(learning_steps=(timedelta(minutes=10), timedelta(days=1)),
                      relearning_steps=(timedelta(minutes=10),), enable_fuzzing=False)
"""A miss returns in 10 minutes, a first correct answer in a day rather than later the same
session; no fuzzing, so the same history always gives the same schedule."""

PARTIAL_PASS = 0.5
"""Partial credit at or above this share rates Hard; below it, Again."""
FAST_SHARE = 0.5
"""A correct, hint-free answer in under this share of its time budget rates Easy."""
HINTS_FOR_HARD = 2
"""This many hints turn a correct answer into Hard: the candidate was carried."""

RATING_MISS = {Rating.Again: 1.0, Rating.Hard: 0.5, Rating.Good: 0.0, Rating.Easy: 0.0}
"""How much the last rating says the item is still shaky."""
WEAKNESS_MIX = {"last_rating": 0.5, "difficulty": 0.3, "forgetting": 0.2}
"""Weights of a card's weakness terms; they sum to 1, so weakness stays within 0..1."""
WEAK_TOPIC_BOOST = 2.0
"""A topic's sampling weight is 1 + boost x weakness, so the weakest topic is drawn up to 3x as often."""


@dataclass(frozen=True)
class Evidence:
    """What happened when the candidate met one bank item: the input to a review."""

    item_id: str
    """The bank id of the problem or question."""
    kind: Kind
    """Whether the item was a coding problem or a skill question."""
    topic: str
    """The question's skill topic, or the coding problem's first tag (see `coding_topic`)."""
    score: float
    """1.0 correct, 0.0 wrong, in between for partial credit; a bool works too."""
    seconds_used: float = 0.0
    """Time spent on the item."""
    budget_seconds: float = 0.0
    """Time the round allowed for the item; 0 when unknown, which rules out both Easy and slow-Hard."""
    hints_used: int = 0
    """Hints the candidate asked for."""
    revealed_solution: bool = False
    """The candidate gave up or looked at the solution, whatever the score says."""


@dataclass(frozen=True)
class ScheduledCard:
    """The outcome of one review: how it was rated and when the item comes back."""

    item_id: str
    """The bank id of the reviewed item."""
    rating: Rating
    """The rating derived from the evidence."""
    due: datetime
    """When the item is next due, in UTC."""
    reviews: int
    """How many times the item has been reviewed, this one included."""


@dataclass(frozen=True)
class DueItem:
    """A bank item whose review is due."""

    item_id: str
    """The bank id of the item."""
    kind: Kind
    """Whether it is a coding problem or a skill question."""
    topic: str
    """The topic recorded with its last review."""
    due: datetime
    """When it fell due, in UTC."""
    overdue_seconds: float
    """How long ago it fell due."""
    last_rating: Rating
    """The rating of its most recent review."""


def coding_topic(tags: Sequence[str]) -> str:
    """The topic a coding problem counts toward: its first tag, since tags lead with the main one."""
    return tags[0] if tags else "coding"


def rating_from_evidence(evidence: Evidence) -> Rating:
    """The FSRS rating an answer earns.

    In order: a revealed solution or a score of 0 is Again; partial credit is Hard from 0.5 up and
    Again below; a full answer is Hard when it ran over its budget or needed 2+ hints, Easy when it
    took under half the budget with no hints, and Good otherwise.
    """
    if evidence.revealed_solution or evidence.score <= 0:
        return Rating.Again
    if evidence.score < 1:
        return Rating.Hard if evidence.score >= PARTIAL_PASS else Rating.Again
    return _rating_when_correct(evidence)


def _rating_when_correct(evidence: Evidence) -> Rating:
    budget = evidence.budget_seconds
    if evidence.hints_used >= HINTS_FOR_HARD or 0 < budget < evidence.seconds_used:
        return Rating.Hard
    if evidence.hints_used == 0 and evidence.seconds_used < FAST_SHARE * budget:
        return Rating.Easy
    return Rating.Good


def record_review(store: Store, evidence: Evidence, now: datetime,
                  scheduler: Scheduler = SCHEDULER) -> ScheduledCard:
    """Rate the evidence, move the item's card forward and save it; a first answer makes the card."""
    when = _utc(now)
    row = store.card(evidence.item_id)
    card = Card.from_dict(row["card"]) if row else _new_card(evidence.item_id, when)
    rating = rating_from_evidence(evidence)
    card, _ = scheduler.review_card(card, rating, review_datetime=when)
    reviews = (row["reviews"] if row else 0) + 1
    store.save_card(evidence.item_id, evidence.kind, evidence.topic, dict(card.to_dict()),
                    card.due.timestamp(), int(rating), reviews, when.timestamp())
    return ScheduledCard(evidence.item_id, rating, card.due, reviews)


def due_items(store: Store, now: datetime, limit: int = 20) -> list[DueItem]:
    """Items due at `now`, the longest overdue first, at most `limit` of them."""
    now_seconds = _utc(now).timestamp()
    return [_due_item(row, now_seconds) for row in store.due_cards(now_seconds, limit)]


def due_count(store: Store, now: datetime) -> int:
    """How many items are due at `now`, for a badge on the home screen."""
    now_seconds = _utc(now).timestamp()
    return sum(row["due"] <= now_seconds for row in store.cards())


def weak_topics(store: Store, now: datetime | None = None, limit: int = 3,
                scheduler: Scheduler = SCHEDULER) -> list[tuple[str, float]]:
    """Reviewed topics with their weakness (0 solid .. 1 shaky), the weakest first.

    A topic's weakness is the mean of its cards' (see `card_weakness`); ties go alphabetically.
    """
    weakness = _topic_weakness(store, now, scheduler)
    return sorted(weakness.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]


def topic_weights(store: Store, now: datetime | None = None,
                  boost: float = WEAK_TOPIC_BOOST,
                  scheduler: Scheduler = SCHEDULER) -> dict[str, float]:
    """Sampling weights >= 1 per reviewed topic, to make new sessions lean toward weak topics.

    Each weight is 1 + boost x weakness: a solid topic keeps weight 1, the shakiest gets 1 + boost.
    Topics never reviewed are absent; a picker should use `weights.get(topic, 1.0)`.
    """
    weakness = _topic_weakness(store, now, scheduler)
    return {topic: 1.0 + boost * value for topic, value in weakness.items()}


def card_weakness(card: Card, last_rating: Rating, now: datetime | None = None,
                  scheduler: Scheduler = SCHEDULER) -> float:
    """How shaky one item is, from 0 to 1: a weighted sum of three signals (`WEAKNESS_MIX`).

    The last rating says how the latest attempt went; FSRS difficulty (1..10, raised by every miss)
    remembers the misses before it; forgetting (1 - retrievability at `now`, or 0 without `now`)
    says how much has likely faded since.
    """
    difficulty = ((card.difficulty if card.difficulty is not None else 5.5) - 1) / 9
    forgetting = 1 - scheduler.get_card_retrievability(card, _utc(now)) if now else 0.0
    return (WEAKNESS_MIX["last_rating"] * RATING_MISS[last_rating]
            + WEAKNESS_MIX["difficulty"] * difficulty
            + WEAKNESS_MIX["forgetting"] * forgetting)


def _topic_weakness(store: Store, now: datetime | None,
                    scheduler: Scheduler) -> dict[str, float]:
    by_topic: dict[str, list[float]] = defaultdict(list)
    for row in store.cards():
        card = Card.from_dict(row["card"])
        by_topic[row["topic"]].append(
            card_weakness(card, Rating(row["last_rating"]), now, scheduler))
    return {topic: sum(values) / len(values) for topic, values in by_topic.items()}


def _due_item(row: dict[str, Any], now_seconds: float) -> DueItem:
    return DueItem(row["item_id"], row["kind"], row["topic"],
                   datetime.fromtimestamp(row["due"], UTC),
                   now_seconds - row["due"], Rating(row["last_rating"]))


def _new_card(item_id: str, now: datetime) -> Card:
    """A fresh card due now; its id comes from the item id so no clock is read for it."""
    return Card(card_id=zlib.crc32(item_id.encode()), due=now)


def _utc(moment: datetime) -> datetime:
    """FSRS insists on UTC; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
