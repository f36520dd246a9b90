"""Checkpoint grading: every bundled checkpoint accepts its reference answer and rejects near misses."""

import re

import pytest

from interview.bank import bank_root
from interview.design import load_data_challenge
from interview.grading.data_challenge import (
    BrokenCheckpoint,
    grade_checkpoint,
    reference_result,
    reference_value,
)
from interview.models import Checkpoint

DATA = bank_root() / "data"
CHALLENGES = [load_data_challenge(path) for path in sorted(DATA.glob("DC-*.yaml"))]
CHECKPOINTS = [(c, point) for c in CHALLENGES for point in c.checkpoints]
RIDES = DATA / "DC-1.sqlite"
BY_CITY = "SELECT city, COUNT(*) FROM requests GROUP BY city"


def ids(case):
    return f"{case[0].id}-{case[1].id}"


def by_type(kind):
    return [case for case in CHECKPOINTS if case[1].type == kind]


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def test_the_bank_has_both_kinds_of_checkpoint_and_no_other():
    assert {point.type for _, point in CHECKPOINTS} == {"number", "query"}
    assert len(by_type("number")) >= 4 and len(by_type("query")) >= 4


@pytest.mark.parametrize("case", by_type("number"), ids=ids)
def test_number_checkpoint_accepts_its_reference_value(case):
    challenge, checkpoint = case
    value = reference_value(checkpoint, challenge.dataset)
    grade = grade_checkpoint(checkpoint, repr(value), challenge.dataset)
    assert grade.correct, grade.feedback
    assert grade.score == 1.0


@pytest.mark.parametrize("case", by_type("number"), ids=ids)
def test_number_checkpoint_rejects_an_off_by_one_answer(case):
    challenge, checkpoint = case
    value = reference_value(checkpoint, challenge.dataset)
    for wrong in (value + 1, value - 1):
        grade = grade_checkpoint(checkpoint, repr(wrong), challenge.dataset)
        assert not grade.correct and grade.feedback.startswith("not quite")


@pytest.mark.parametrize("case", by_type("number"), ids=ids)
def test_number_checkpoint_rejects_a_miss_just_outside_the_tolerance(case):
    challenge, checkpoint = case
    value = reference_value(checkpoint, challenge.dataset)
    outside = value + 1.5 * checkpoint.tolerance + 1e-4
    assert not grade_checkpoint(checkpoint, repr(outside), challenge.dataset).correct


def test_percent_questions_read_a_percent_sign_as_the_unit():
    challenge = CHALLENGES[0]
    overall = challenge.checkpoints[0]  # "relative change in percent", about 16.5
    assert grade_checkpoint(overall, "16.5%", challenge.dataset).correct
    assert grade_checkpoint(overall, "16.3", challenge.dataset).correct  # tolerance 0.5
    scale = grade_checkpoint(overall, "0.165", challenge.dataset)
    assert not scale.correct and "asks for a percent" in scale.feedback


def test_fraction_questions_accept_a_percent_and_flag_the_wrong_scale():
    challenge = next(c for c in CHALLENGES if c.id == "DC-2")
    base_rate = challenge.checkpoints[0]  # a fraction, about 0.0788
    assert grade_checkpoint(base_rate, "7.88%", challenge.dataset).correct
    scale = grade_checkpoint(base_rate, "7.88", challenge.dataset)
    assert not scale.correct and "asks for a fraction" in scale.feedback


def test_a_number_answer_that_is_not_a_number_says_so():
    challenge = CHALLENGES[0]
    grade = grade_checkpoint(challenge.checkpoints[0], "about a sixth", challenge.dataset)
    assert not grade.correct and grade.feedback.startswith("type a number")


@pytest.mark.parametrize("case", by_type("query"), ids=ids)
def test_query_checkpoint_accepts_its_reference_sql(case):
    challenge, checkpoint = case
    grade = grade_checkpoint(checkpoint, checkpoint.sql, challenge.dataset)
    assert grade.correct, grade.feedback
    assert grade.expected.endswith(", ".join(reference_result(checkpoint,
                                                              challenge.dataset).columns))


@pytest.mark.parametrize("case", by_type("query"), ids=ids)
def test_query_checkpoint_ignores_column_names(case):
    challenge, checkpoint = case
    columns = reference_result(checkpoint, challenge.dataset).columns
    renamed = ", ".join(f"{quoted(name)} AS c{i}" for i, name in enumerate(columns))
    sql = f"SELECT {renamed} FROM ({checkpoint.sql})"
    assert grade_checkpoint(checkpoint, sql, challenge.dataset).correct


@pytest.mark.parametrize("case", by_type("query"), ids=ids)
def test_query_checkpoint_rejects_a_missing_row(case):
    challenge, checkpoint = case
    sql = f"SELECT * FROM ({checkpoint.sql}) LIMIT (SELECT COUNT(*) - 1 FROM ({checkpoint.sql}))"
    grade = grade_checkpoint(checkpoint, sql, challenge.dataset)
    expected_rows = len(reference_result(checkpoint, challenge.dataset).rows)
    assert not grade.correct
    assert grade.feedback == f"{expected_rows} rows expected, you returned {expected_rows - 1}"


@pytest.mark.parametrize("case", by_type("query"), ids=ids)
def test_query_checkpoint_rejects_a_value_off_by_one(case):
    challenge, checkpoint = case
    columns = [quoted(name) for name in reference_result(checkpoint, challenge.dataset).columns]
    sql = f"SELECT {', '.join(columns[:-1] + [columns[-1] + ' + 1'])} FROM ({checkpoint.sql})"
    grade = grade_checkpoint(checkpoint, sql, challenge.dataset)
    assert not grade.correct
    assert grade.feedback.startswith("values differ in row 1 (column")


@pytest.mark.parametrize("case", by_type("query"), ids=ids)
def test_query_checkpoint_rejects_swapped_columns(case):
    challenge, checkpoint = case
    columns = [quoted(name) for name in reference_result(checkpoint, challenge.dataset).columns]
    sql = f"SELECT {', '.join([columns[1], columns[0]] + columns[2:])} FROM ({checkpoint.sql})"
    grade = grade_checkpoint(checkpoint, sql, challenge.dataset)
    assert not grade.correct
    assert grade.feedback.startswith("columns in a different order")


@pytest.mark.parametrize("case", by_type("query"), ids=ids)
def test_ordered_query_checkpoint_rejects_reversed_rows(case):
    challenge, checkpoint = case
    sql = f"SELECT * FROM ({checkpoint.sql}) ORDER BY ROW_NUMBER() OVER () DESC"
    grade = grade_checkpoint(checkpoint, sql, challenge.dataset)
    assert not grade.correct
    assert grade.feedback.startswith("right rows, wrong order")


@pytest.mark.parametrize("challenge_id, checkpoint_id, clause", [
    ("DC-1", "riverton-peak", "WHERE city = 'Riverton'"),
    ("DC-1", "eta-curve", "WHERE requested_at >= '2024-05-01' AND requested_at < '2024-07-01'"),
    ("DC-2", "depth-within-cart", "WHERE add_to_cart >= 1"),
    ("DC-3", "healthy-by-model", "WHERE r.status = 'running'"),
    ("DC-4", "funnel", "WHERE u.platform IN ('ios', 'web')"),
])
def test_query_checkpoint_rejects_a_forgotten_filter(challenge_id, checkpoint_id, clause):
    challenge = next(c for c in CHALLENGES if c.id == challenge_id)
    checkpoint = next(p for p in challenge.checkpoints if p.id == checkpoint_id)
    assert clause in checkpoint.sql
    forgot = checkpoint.sql.replace(clause, "WHERE 1")
    grade = grade_checkpoint(checkpoint, forgot, challenge.dataset)
    assert not grade.correct, forgot
    assert re.match(r"values differ in row \d|\d+ rows expected", grade.feedback)


def test_without_order_by_any_row_order_passes():
    checkpoint = Checkpoint("cities", "Requests per city.", "query", BY_CITY)
    reordered = BY_CITY + " ORDER BY COUNT(*) DESC"
    assert grade_checkpoint(checkpoint, reordered, RIDES).correct
    wrong = grade_checkpoint(checkpoint, BY_CITY.replace("COUNT(*)", "COUNT(*) + 1"), RIDES)
    assert wrong.feedback == "4 of your rows match no expected row (the first is row 1)"


def test_floats_are_compared_with_the_checkpoint_tolerance():
    sql = "SELECT city, AVG(quoted_price) FROM requests GROUP BY city"
    loose = Checkpoint("prices", "Average price per city.", "query", sql, tolerance=0.01)
    rounded = sql.replace("AVG(quoted_price)", "ROUND(AVG(quoted_price), 3)")
    assert grade_checkpoint(loose, rounded, RIDES).correct
    strict = Checkpoint("prices", "Average price per city.", "query", sql, tolerance=1e-9)
    assert not grade_checkpoint(strict, rounded, RIDES).correct


@pytest.mark.parametrize("answer, feedback", [
    ("SELECT city FROM requests GROUP BY city", "2 columns expected, you returned 1"),
    ("SELECT city, COUNT(*) FROM nowhere", "your query failed: no such table: nowhere"),
    ("DELETE FROM requests", "your query failed: only SELECT/WITH queries can run here"),
    ("SELECT city, COUNT(*) FROM requests GROUP BY city, request_id",
     "4 rows expected, you returned over 5,000"),
])
def test_query_feedback_names_the_problem(answer, feedback):
    checkpoint = Checkpoint("cities", "Requests per city.", "query", BY_CITY)
    grade = grade_checkpoint(checkpoint, answer, RIDES)
    assert not grade.correct
    assert grade.feedback.startswith(feedback)


def test_a_slow_query_is_reported_as_timed_out():
    checkpoint = Checkpoint("cities", "Requests per city.", "query", BY_CITY)
    slow = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
            "WHERE x < 1000000000) SELECT 'x', COUNT(*) FROM c")
    grade = grade_checkpoint(checkpoint, slow, RIDES, seconds=0.2)
    assert not grade.correct
    assert grade.feedback.startswith("your query timed out (limit 0.2 s)")


def test_a_broken_reference_is_a_bank_fault_not_a_wrong_answer():
    two_rows = Checkpoint("bad", "?", "number", "SELECT DISTINCT pricing_version FROM requests")
    with pytest.raises(BrokenCheckpoint, match="must return one number"):
        grade_checkpoint(two_rows, "3", RIDES)
    failing = Checkpoint("bad", "?", "query", "SELECT * FROM nope")
    with pytest.raises(BrokenCheckpoint, match="reference query fails: no such table"):
        grade_checkpoint(failing, BY_CITY, RIDES)
    with pytest.raises(BrokenCheckpoint, match="unknown type"):
        grade_checkpoint(Checkpoint("odd", "?", "essay", BY_CITY), "x", RIDES)
