"""'Run custom input': literals only, the reference decides what is right."""

from __future__ import annotations

import pytest

from interview.bank import find_problem
from interview.grading.coding import Grader
from interview.grading.custom_input import CustomInputError, parse_custom_input, run_custom
from interview.models import Verdict


def test_arguments_are_parsed_as_literals_never_run():
    assert parse_custom_input("[2, 7, 11, 15], 9", class_problem=False) == [[2, 7, 11, 15], 9]
    assert parse_custom_input("'abc'", class_problem=False) == ["abc"]
    with pytest.raises(CustomInputError, match="not a Python literal"):
        parse_custom_input("__import__('os').system('true')", class_problem=False)
    with pytest.raises(CustomInputError, match="list of calls"):
        parse_custom_input("[1, 2]", class_problem=True)
    with pytest.raises(CustomInputError, match="type the arguments"):
        parse_custom_input("   ", class_problem=False)


def test_the_reference_supplies_the_expected_value(sandbox_runner):
    problem = find_problem("dsa-two-sum")
    grader = Grader(sandbox_runner)
    right = run_custom(grader, problem, problem.reference, "[1, 5, 3], 8")
    assert right.verdict.verdict is Verdict.PASSED
    assert right.expected == "[1, 2]"
    wrong = run_custom(grader, problem, "def two_sum(nums, target):\n    return [0, 0]\n",
                       "[1, 5, 3], 8")
    assert wrong.verdict.verdict is Verdict.WRONG_ANSWER
    assert wrong.got == "[0, 0]"


def test_class_problems_take_a_call_list(sandbox_runner):
    problem = find_problem("dsa-lru-cache")
    calls = '[["LRUCache", 1], ["put", 1, 1], ["put", 2, 2], ["get", 1]]'
    run = run_custom(Grader(sandbox_runner), problem, problem.reference, calls)
    assert run.verdict.verdict is Verdict.PASSED
    assert run.expected == "[None, None, None, -1]"


def test_input_the_reference_cannot_handle_is_reported_as_bad_input(sandbox_runner):
    problem = find_problem("dsa-two-sum")
    with pytest.raises(CustomInputError, match="reference solution cannot run"):
        run_custom(Grader(sandbox_runner), problem, problem.reference, "'not a list', 'x'")
