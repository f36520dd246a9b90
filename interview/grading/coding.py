"""Grading a coding submission: build the tests, run them in the sandbox, compare, explain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from interview.grading.compare import preview, results_match
from interview.models import (
    CodingProblem,
    Comparison,
    GradeResult,
    ProblemTest,
    TestVerdict,
    Verdict,
)
from sandbox import Limits, Outcome, RunReport, Sandbox, TestCase, TestResult

OUTCOME_VERDICTS = {
    Outcome.RUNTIME_ERROR: Verdict.RUNTIME_ERROR,
    Outcome.TIME_LIMIT: Verdict.TIME_LIMIT,
    Outcome.MEMORY_LIMIT: Verdict.MEMORY_LIMIT,
    Outcome.OUTPUT_LIMIT: Verdict.OUTPUT_LIMIT,
    Outcome.REJECTED: Verdict.REJECTED,
    Outcome.NOT_RUN: Verdict.NOT_RUN,
}


class ProblemDefectError(Exception):
    """The problem itself is broken (a generator or the reference fails): not the user's fault."""


@dataclass(frozen=True)
class ConcreteTest:
    """A test with its input and expected value known (generated ones resolved)."""

    test: ProblemTest
    args: list[Any] | None
    calls: list[list[Any]] | None
    expected: Any


@dataclass
class Grader:
    """Grades submissions; remembers generated inputs and reference outputs per problem."""

    sandbox: Sandbox = field(default_factory=Sandbox)
    _resolved: dict[tuple[str, int], list[ConcreteTest]] = field(default_factory=dict)

    def grade(self, problem: CodingProblem, source: str, examples_only: bool = False) -> GradeResult:
        """Run the source against the examples (and the hidden tests unless examples_only)."""
        tests = self.resolve(problem)
        if examples_only:
            tests = [t for t in tests if not t.test.hidden]
        report = self.run(problem, source, tests)
        verdicts = [judge(problem, concrete, result)
                    for concrete, result in zip(tests, report.results, strict=True)]
        return GradeResult(problem.id, verdicts, report.isolation, report.load_stdout)

    def run(self, problem: CodingProblem, source: str,
            tests: Sequence[ConcreteTest]) -> RunReport:
        cases = [TestCase(t.test.name, args=t.args, calls=t.calls) for t in tests]
        return self.sandbox.run(source, problem.entry_point, cases, limits_of(problem))

    def resolve(self, problem: CodingProblem) -> list[ConcreteTest]:
        """Every test with concrete input and expected value; generated ones computed once."""
        key = (problem.id, hash((problem.generators, problem.reference, str(problem.all_tests))))
        if key not in self._resolved:
            self._resolved[key] = self._resolve(problem)
        return self._resolved[key]

    def _resolve(self, problem: CodingProblem) -> list[ConcreteTest]:
        inputs = self._generated_inputs(problem)
        concrete = []
        for test in problem.all_tests:
            args, calls = test.args, test.calls
            if id(test) in inputs and problem.is_class_problem:
                calls = inputs[id(test)]
            elif id(test) in inputs:
                args = inputs[id(test)]
            concrete.append(ConcreteTest(test, args, calls, test.expected))
        missing = [i for i, t in enumerate(concrete) if not t.test.has_expected]
        if missing:
            expected = self._reference_outputs(problem, [concrete[i] for i in missing])
            for index, value in zip(missing, expected, strict=True):
                concrete[index] = ConcreteTest(concrete[index].test, concrete[index].args,
                                               concrete[index].calls, value)
        return concrete

    def _generated_inputs(self, problem: CodingProblem) -> dict[int, Any]:
        generated = [t for t in problem.all_tests if t.generate is not None]
        if not generated:
            return {}
        if not problem.generators.strip():
            raise ProblemDefectError(f"{problem.id}: tests use 'generate' but there are no "
                                     "generators")
        by_function: dict[str, list[ProblemTest]] = {}
        for test in generated:
            by_function.setdefault(test.generate[0], []).append(test)
        inputs: dict[int, Any] = {}
        for function, tests in by_function.items():
            cases = [TestCase(t.name, args=list(t.generate[1:])) for t in tests]
            report = self.sandbox.run(problem.generators, function, cases, Limits(seconds=20,
                                                                                   memory_mb=1024))
            for test, result in zip(tests, report.results, strict=True):
                if result.outcome is not Outcome.RETURNED or not isinstance(result.value, list):
                    raise ProblemDefectError(
                        f"{problem.id}: generator {function} failed for {test.name}: "
                        f"{result.outcome.value} {result.message}")
                inputs[id(test)] = result.value
        return inputs

    def _reference_outputs(self, problem: CodingProblem, tests: list[ConcreteTest]) -> list[Any]:
        report = self.run(problem, problem.reference, tests)
        outputs = []
        for concrete, result in zip(tests, report.results, strict=True):
            if result.outcome is not Outcome.RETURNED:
                raise ProblemDefectError(
                    f"{problem.id}: the reference solution failed on {concrete.test.name}: "
                    f"{result.outcome.value} {result.message}")
            outputs.append(result.value)
        return outputs


def limits_of(problem: CodingProblem) -> Limits:
    return Limits(seconds=problem.seconds, memory_mb=problem.memory_mb)


def judge(problem: CodingProblem, concrete: ConcreteTest, result: TestResult) -> TestVerdict:
    """Turn one sandbox result into a verdict, comparing in this (trusted) process."""
    test = concrete.test
    common = {"name": test.name, "hidden": test.hidden, "time_ms": result.time_ms,
              "stdout": result.stdout, "line": result.line}
    if result.outcome is not Outcome.RETURNED:
        message = result.message
        if result.failed_call is not None and concrete.calls:
            message = f"in call {_describe_call(concrete.calls, result.failed_call)}: {message}"
        return TestVerdict(verdict=OUTCOME_VERDICTS[result.outcome], message=message, **common)
    if results_match(concrete.expected, result.value, problem.comparison):
        return TestVerdict(verdict=Verdict.PASSED, **common)
    message = explain_mismatch(concrete, result.value, problem.comparison)
    return TestVerdict(verdict=Verdict.WRONG_ANSWER, message=message, **common)


def explain_mismatch(concrete: ConcreteTest, got: Any, comparison: Comparison) -> str:
    expected = concrete.expected
    if concrete.calls and isinstance(got, list) and isinstance(expected, list):
        for index, (want, have) in enumerate(zip(expected, got, strict=False)):
            if not results_match(want, have, comparison):
                return (f"call {_describe_call(concrete.calls, index)} returned {preview(have)}, "
                        f"expected {preview(want)}")
    return f"expected {preview(expected)}, got {preview(got)}"


def _describe_call(calls: list[list[Any]], index: int) -> str:
    if index >= len(calls):
        return f"#{index + 1}"
    name, *args = calls[index]
    return f"#{index + 1} {name}({preview(args, 60)[1:-1]})"
