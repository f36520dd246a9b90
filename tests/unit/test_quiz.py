import random

import pytest

from interview.grading.quiz import grade_mcq, grade_numeric, grade_short, parse_number
from interview.models import KeyPoint, Variable
from interview.templates import draw, fill


@pytest.mark.parametrize("text, unit, value", [
    ("0.25", "", 0.25), ("25%", "", 0.25), ("1/4", "", 0.25), ("2.5e-1", "", 0.25),
    (".25", "", 0.25), ("14,700", "", 14700), ("≈ 3.92", "", 3.92), ("-1.5", "", -1.5),
    ("3.2 ms", "ms", 3.2), ("25%", "%", 25), ("25", "%", 25), (" 7 ", "", 7),
])
def test_numbers_in_common_forms_are_understood(text, unit, value):
    assert parse_number(text, unit) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1/0", "1,2", "nan", "inf", "0.2.5", "{0.real}"])
def test_non_numbers_are_refused(text):
    assert parse_number(text) is None


def test_numeric_grading_uses_absolute_or_relative_tolerance():
    assert grade_numeric("3.92", 3.919927, 0.01, relative=False).correct
    assert not grade_numeric("3.95", 3.919927, 0.01, relative=False).correct
    assert grade_numeric("14,400", 14700, 0.05, relative=True).correct
    wrong = grade_numeric("1", 0.5, 0.01, relative=False)
    assert not wrong.correct and "expected 0.5" in wrong.feedback
    assert "not a number" in grade_numeric("many", 1, 0.1, relative=False).feedback


def test_mcq_is_all_or_nothing():
    assert grade_mcq({0, 2}, {0, 2}).correct
    assert grade_mcq({0}, {0, 2}).score == 0.0
    assert grade_mcq(set(), {1}).score == 0.0


POINTS = [
    KeyPoint("a larger sample", ["larger sample", "more users", "sample size"]),
    KeyPoint("a larger effect", ["effect size", "bigger lift"]),
    KeyPoint("lower variance", ["lower variance", "CUPED"]),
]


def test_short_answers_earn_credit_per_point_with_word_order_and_typos_forgiven():
    grade = grade_short("Get MORE users into the test, and use CUPED to cut varience.", POINTS)
    assert grade.covered == ["a larger sample", "lower variance"]
    assert grade.missed == ["a larger effect"] and grade.score == pytest.approx(2 / 3)
    assert grade_short("The size of the sample, a bigger lift and lower variances", POINTS).correct


def test_a_short_answer_that_misses_everything_scores_zero():
    assert grade_short("I would just wait longer", POINTS).score == 0


def test_template_draws_stay_in_range_and_are_reproducible():
    variables = [Variable("n", 10, 20), Variable("p", 0.1, 0.9, integer=False, digits=2),
                 Variable("k", choices=[3, 5])]
    first = draw(variables, random.Random(4))
    assert first == draw(variables, random.Random(4))
    for seed in range(50):
        values = draw(variables, random.Random(seed))
        assert 10 <= values["n"] <= 20 and isinstance(values["n"], int)
        assert 0.1 <= values["p"] <= 0.9 and round(values["p"], 2) == values["p"]
        assert values["k"] in (3, 5)


def test_fill_never_follows_attributes():
    assert fill("n={n}, p={p}", {"n": 3, "p": 0.25}) == "n=3, p=0.25"
    assert fill("{n.__class__} {missing}", {"n": 3}) == "{n.__class__} {missing}"


def test_plurals_and_verb_forms_meet_and_negations_do_not():
    points = [KeyPoint("embeddings", ["embedding"]), KeyPoint("observed", ["observed data"]),
              KeyPoint("partition", ["partition"])]
    grade = grade_short("Use learned embeddings of unobserved data, then repartition.", points)
    assert grade.covered == ["embeddings"]
    assert grade_short("cases", [KeyPoint("case", ["case"]), KeyPoint("x", ["x"])]).score == 0.5
