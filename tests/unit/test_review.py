import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Rating

from interview.engine.review import (
    Evidence,
    coding_topic,
    due_count,
    due_items,
    rating_from_evidence,
    record_review,
    topic_weights,
    weak_topics,
)
from interview.storage import MIGRATIONS, open_store, schema_version

NOON = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "db.sqlite")
    yield opened.store
    opened.store.close()


def skill(item_id="stat-001", topic="statistics", score=1.0, **details):
    return Evidence(item_id, "skill", topic, score, **details)


@pytest.mark.parametrize(("evidence", "expected"), [
    (skill(score=0.0, seconds_used=10, budget_seconds=100), Rating.Again),
    (skill(score=False), Rating.Again),
    (skill(score=1.0, seconds_used=10, budget_seconds=100, revealed_solution=True), Rating.Again),
    (skill(score=0.3, seconds_used=10, budget_seconds=100), Rating.Again),
    (skill(score=0.5, seconds_used=10, budget_seconds=100), Rating.Hard),
    (skill(score=0.9, seconds_used=10, budget_seconds=100), Rating.Hard),
    (skill(score=1.0, seconds_used=101, budget_seconds=100), Rating.Hard),
    (skill(score=1.0, seconds_used=10, budget_seconds=100, hints_used=2), Rating.Hard),
    (skill(score=1.0, seconds_used=60, budget_seconds=100), Rating.Good),
    (skill(score=1.0, seconds_used=100, budget_seconds=100), Rating.Good),
    (skill(score=1.0, seconds_used=10, budget_seconds=100, hints_used=1), Rating.Good),
    (skill(score=True, seconds_used=10), Rating.Good),  # no budget: speed says nothing
    (skill(score=1.0, seconds_used=49, budget_seconds=100), Rating.Easy),
])
def test_the_rating_follows_from_the_evidence(evidence, expected):
    assert rating_from_evidence(evidence) == expected


def test_a_coding_problem_counts_toward_its_first_tag():
    assert coding_topic(["graphs", "bfs"]) == "graphs"
    assert coding_topic([]) == "coding"


def test_a_miss_comes_back_sooner_than_a_success(store):
    missed = record_review(store, skill("stat-001", score=0), NOON)
    answered = record_review(store, skill("stat-002", seconds_used=60, budget_seconds=100), NOON)
    assert (missed.rating, answered.rating) == (Rating.Again, Rating.Good)
    assert NOON < missed.due < answered.due


def test_repeated_good_answers_space_the_reviews_further_apart(store):
    now, intervals = NOON, []
    for _ in range(5):
        scheduled = record_review(store, skill(seconds_used=60, budget_seconds=100), now)
        intervals.append(scheduled.due - now)
        now = scheduled.due
    assert intervals == sorted(set(intervals))
    assert intervals[-1] > timedelta(days=30)
    assert scheduled.reviews == 5


def test_due_items_come_longest_overdue_first_and_respect_the_limit(store):
    for hours_ago, item_id in [(3, "stat-001"), (30, "stat-002"), (10, "stat-003")]:
        record_review(store, skill(item_id, score=0), NOON - timedelta(hours=hours_ago))
    record_review(store, skill("stat-004", score=0), NOON)  # due in 10 minutes: not yet

    due = due_items(store, NOON)
    assert [item.item_id for item in due] == ["stat-002", "stat-003", "stat-001"]
    assert due[0].overdue_seconds == pytest.approx(timedelta(hours=30, minutes=-10).total_seconds())
    assert due[0].last_rating == Rating.Again and due[0].kind == "skill"
    assert [item.item_id for item in due_items(store, NOON, limit=2)] == ["stat-002", "stat-003"]
    assert due_count(store, NOON) == 3
    assert due_count(store, NOON + timedelta(minutes=11)) == 4


def test_cards_survive_a_reopen_and_keep_being_scheduled(tmp_path):
    path = tmp_path / "db.sqlite"
    first = open_store(path).store
    scheduled = record_review(first, skill(seconds_used=60, budget_seconds=100), NOON)
    first.close()

    reopened = open_store(path).store
    row = reopened.card("stat-001")
    assert row["topic"] == "statistics" and row["kind"] == "skill"
    assert row["due"] == scheduled.due.timestamp() and row["last_rating"] == Rating.Good
    again = record_review(reopened, skill(seconds_used=60, budget_seconds=100), scheduled.due)
    assert again.reviews == 2 and again.due - scheduled.due > timedelta(days=1)
    assert reopened.card("missing") is None


def test_a_version_1_database_migrates_and_keeps_its_sessions(tmp_path):
    path = tmp_path / "db.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript(f"BEGIN; {MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
        connection.execute("INSERT INTO sessions (created_at, updated_at, loop, mode, state) "
                           "VALUES (1.0, 2.0, 'onsite', 'practice', '{\"round\": 2}')")
    connection.close()

    store = open_store(path).store
    assert schema_version(store.connection) == 2
    assert store.sessions()[0]["state"] == {"round": 2}
    record_review(store, skill(score=0), NOON)
    assert [row["item_id"] for row in store.cards()] == ["stat-001"]


def test_a_topic_with_misses_ranks_weaker_and_weighs_more(store):
    for number in range(3):
        record_review(store, skill(f"prob-00{number}", "probability", score=0), NOON)
        record_review(store, skill(f"stat-00{number}", "statistics", seconds_used=60,
                                   budget_seconds=100), NOON)
    record_review(store, skill("lin-001", "linear-algebra", seconds_used=10,
                               budget_seconds=100), NOON)

    ranked = weak_topics(store, NOON + timedelta(days=1), limit=2)
    assert [topic for topic, _ in ranked] == ["probability", "statistics"]
    weights = topic_weights(store, NOON)
    assert weights["probability"] > weights["statistics"] > weights["linear-algebra"] >= 1.0
    assert weights["probability"] <= 3.0


def test_an_aware_non_utc_time_is_the_same_moment(store):
    berlin = timezone(timedelta(hours=1))
    scheduled = record_review(store, skill(score=0), NOON.astimezone(berlin))
    assert scheduled.due == NOON + timedelta(minutes=10)
