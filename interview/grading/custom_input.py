"""'Run custom input': the candidate types arguments, the reference solution supplies the answer.

The typed text is parsed as Python literals only (`ast.literal_eval`), never evaluated as code.
Both solutions run in the sandbox at the same time; a reference that fails on the input means
the input is outside the problem's constraints, and the candidate is told so.
"""

from __future__ import annotations

import ast
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from interview.grading.coding import ConcreteTest, Grader, judge
from interview.grading.compare import preview
from interview.models import CodingProblem, ProblemTest, TestVerdict
from sandbox import Outcome

MAX_INPUT_CHARS = 200_000


class CustomInputError(ValueError):
    """The typed input is not a literal argument list (or call list) for this problem."""


@dataclass(frozen=True)
class CustomRun:
    """The verdict on one custom input, with both values for display."""

    verdict: TestVerdict
    got: str
    expected: str


def parse_custom_input(text: str, class_problem: bool) -> list[Any]:
    """Arguments (`[1, 2], 3`) or, for class problems, a call list (`[["Cls", 2], ["get", 1]]`)."""
    if len(text) > MAX_INPUT_CHARS:
        raise CustomInputError(f"the input is longer than {MAX_INPUT_CHARS:,} characters")
    source = text.strip()
    if not source:
        raise CustomInputError("type the arguments first, e.g. [2, 7, 11, 15], 9")
    try:
        value = ast.literal_eval(source if class_problem else f"({source},)")
    except (ValueError, SyntaxError, MemoryError, RecursionError) as error:
        raise CustomInputError(f"not a Python literal: {error}") from None
    if class_problem and not (isinstance(value, list) and value
                              and all(isinstance(call, list) and call for call in value)):
        raise CustomInputError('type a list of calls, e.g. [["LRUCache", 2], ["get", 1]]')
    return list(value)


def run_custom(grader: Grader, problem: CodingProblem, source: str, text: str) -> CustomRun:
    """Run the submission and the reference on the typed input and compare them."""
    parsed = parse_custom_input(text, problem.is_class_problem)
    test = (ProblemTest("custom input", hidden=False, calls=parsed, has_expected=False)
            if problem.is_class_problem else
            ProblemTest("custom input", hidden=False, args=parsed, has_expected=False))
    with ThreadPoolExecutor(max_workers=1) as pool:
        reference_run = pool.submit(grader.run, problem, problem.reference, [test])
        (result,) = grader.run(problem, source, [test]).results
        (reference,) = reference_run.result().results
    if reference.outcome is not Outcome.RETURNED:
        raise CustomInputError("the reference solution cannot run this input either "
                               f"({reference.outcome.value}: {reference.message}); check that "
                               "it fits the problem's constraints")
    verdict = judge(problem, ConcreteTest(test, reference.value), result)
    got = preview(result.value) if result.outcome is Outcome.RETURNED else ""
    return CustomRun(verdict, got, preview(reference.value))
