"""Grading a coding submission: build the tests, run them in the sandbox, compare, explain."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
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
from sandbox import Limits, Outcome, RunReport, Sandbox, StopRule, TestCase, TestResult

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
    """A test with its expected value known (for generated tests, from the reference)."""

    test: ProblemTest
    expected: Any

    @property
    def calls(self) -> list[list[Any]] | None:
        return self.test.calls


@dataclass
class Grader:
    """Grades submissions; remembers reference outputs for generated tests per problem."""

    sandbox: Sandbox = field(default_factory=Sandbox)
    _resolved: dict[tuple[str, int], list[ConcreteTest]] = field(default_factory=dict)

    def grade(self, problem: CodingProblem, source: str, examples_only: bool = False,
              first_failure_only: bool = False) -> GradeResult:
        """Run the source against the examples (and the hidden tests unless examples_only).

        With first_failure_only the run ends at the first test that does not pass, which is
        all `validate` needs to know about a wrong solution.
        """
        if first_failure_only:  # the stop rule compares as results arrive: expected comes first
            tests = _chosen(self.resolve(problem), examples_only)

            def stop(index: int, result: TestResult) -> bool:
                return judge(problem, tests[index], result).verdict is not Verdict.PASSED

            report = self.run(problem, source, [t.test for t in tests], stop)
        else:
            # Expected values the file leaves out come from the reference; it runs in a second
            # child alongside the submission instead of before it (the first grade of a problem
            # with generated tests takes one sandbox run of wall time, not two).
            with ThreadPoolExecutor(max_workers=1) as pool:
                resolved = pool.submit(self.resolve, problem)
                report = self.run(problem, source, _chosen(problem.all_tests, examples_only))
                tests = _chosen(resolved.result(), examples_only)
        verdicts = [judge(problem, concrete, result)
                    for concrete, result in zip(tests, report.results, strict=True)]
        return GradeResult(problem.id, verdicts, report.isolation, report.load_stdout)

    def run(self, problem: CodingProblem, source: str, tests: Sequence[ProblemTest],
            stop: StopRule | None = None) -> RunReport:
        cases = [TestCase(t.name, args=t.args, calls=t.calls, generate=t.generate,
                          generated_calls=problem.is_class_problem) for t in tests]
        return self.sandbox.run(source, problem.entry_point, cases, limits_of(problem), stop,
                                problem.generators)

    def resolve(self, problem: CodingProblem) -> list[ConcreteTest]:
        """Every test with its expected value; the reference fills in what the file leaves out."""
        key = (problem.id, hash((problem.generators, problem.reference, str(problem.all_tests))))
        if key not in self._resolved:
            self._resolved[key] = self._resolve(problem)
        return self._resolved[key]

    def _resolve(self, problem: CodingProblem) -> list[ConcreteTest]:
        if any(t.generate for t in problem.all_tests) and not problem.generators.strip():
            raise ProblemDefectError(f"{problem.id}: tests use 'generate' but the problem has "
                                     "no generators")
        missing = [t for t in problem.all_tests if not t.has_expected]
        computed = dict(zip(map(id, missing), self._reference_outputs(problem, missing),
                            strict=True)) if missing else {}
        return [ConcreteTest(t, computed.get(id(t), t.expected))
                for t in problem.all_tests]

    def _reference_outputs(self, problem: CodingProblem, tests: list[ProblemTest]) -> list[Any]:
        report = self.run(problem, problem.reference, tests)
        outputs = []
        for test, result in zip(tests, report.results, strict=True):
            if result.outcome is not Outcome.RETURNED:
                raise ProblemDefectError(
                    f"{problem.id}: the reference solution failed on '{test.name}': "
                    f"{result.outcome.value} {result.message}")
            outputs.append(result.value)
        return outputs


def _chosen(tests: Sequence[Any], examples_only: bool) -> list[Any]:
    """All tests, or only the visible examples (ProblemTests or ConcreteTests alike)."""
    return [t for t in tests if not (examples_only and _test_of(t).hidden)]


def _test_of(test: ProblemTest | ConcreteTest) -> ProblemTest:
    return test.test if isinstance(test, ConcreteTest) else test


def grade_to_dict(result: GradeResult) -> dict[str, Any]:
    """The stable JSON shape of a grade: `interview grade --json`, sessions and reports."""
    return {
        "problem": result.problem_id,
        "passed": result.passed,
        "passed_count": result.passed_count,
        "total": len(result.tests),
        "tests": [
            {"name": t.name, "hidden": t.hidden, "verdict": t.verdict.value,
             "time_ms": round(t.time_ms, 3), "message": t.message, "line": t.line,
             "stdout": t.stdout}
            for t in result.tests
        ],
        "isolation": result.isolation,
    }


def grade_from_dict(data: dict[str, Any]) -> GradeResult:
    """A saved grade back as a result, so a resumed session shows its last verdicts."""
    tests = [TestVerdict(name=t["name"], verdict=Verdict(t["verdict"]), hidden=t["hidden"],
                         time_ms=t.get("time_ms", 0.0), message=t.get("message", ""),
                         line=t.get("line"), stdout=t.get("stdout", ""))
             for t in data.get("tests", [])]
    return GradeResult(data.get("problem", ""), tests, data.get("isolation", []))


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
    message = explain_mismatch(concrete, result.value, problem.comparison,
                               problem.is_class_problem)
    return TestVerdict(verdict=Verdict.WRONG_ANSWER, message=message, **common)


def explain_mismatch(concrete: ConcreteTest, got: Any, comparison: Comparison,
                     call_sequence: bool = False) -> str:
    """Point at the first call that went wrong in a call sequence; otherwise expected vs got."""
    expected = concrete.expected
    if call_sequence and isinstance(got, list) and isinstance(expected, list):
        for index, (want, have) in enumerate(zip(expected, got, strict=False)):
            if not results_match(want, have, comparison):
                call = _describe_call(concrete.calls or [], index)
                return f"call {call} returned {preview(have)}, expected {preview(want)}"
    return f"expected {preview(expected)}, got {preview(got)}"


def _describe_call(calls: list[list[Any]], index: int) -> str:
    if index >= len(calls):
        return f"#{index + 1}"
    name, *args = calls[index]
    return f"#{index + 1} {name}({preview(args, 60)[1:-1]})"
