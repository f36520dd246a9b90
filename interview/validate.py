"""`interview validate`: a problem file is usable only if its own solutions prove it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interview.bank import bank_root, check_problem_file
from interview.grading.coding import Grader, ProblemDefectError
from interview.models import CodingProblem, Verdict
from interview.yamlfile import FileProblem


@dataclass
class ValidationReport:
    """What `validate` found in one file."""

    path: Path
    problem_id: str = ""
    issues: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues


def problem_paths(paths: Iterable[str]) -> list[Path]:
    """The files to check: given files, YAML files under given folders, or the whole bank."""
    chosen = [Path(p) for p in paths] or [bank_root() / "coding"]
    files: list[Path] = []
    for path in chosen:
        files.extend(sorted(path.rglob("*.yaml")) if path.is_dir() else [path])
    return files


def validate_file(path: Path, grader: Grader) -> ValidationReport:
    report = ValidationReport(path)
    checked = check_problem_file(path)
    if isinstance(checked, list):
        report.issues.extend(str(issue) for issue in checked)
        return report
    report.problem_id = checked.id
    try:
        report.issues.extend(_check_solutions(checked, grader))
    except ProblemDefectError as error:
        report.issues.append(f"{path}: {error}")
    return report


def _check_solutions(problem: CodingProblem, grader: Grader) -> list[str]:
    issues = []
    result = grader.grade(problem, problem.reference)
    for test in result.tests:
        if test.verdict is not Verdict.PASSED:
            line = f" (line {test.line})" if test.line else ""
            issues.append(f"{problem.path}: the reference fails '{test.name}': "
                          f"{test.verdict.value}{line} {test.message}".rstrip())
    for number, wrong in enumerate(problem.wrong, start=1):
        if grader.grade(problem, wrong.source, first_failure_only=True).passed:
            issues.append(f"{problem.path}: wrong solution #{number} passes every test; "
                          "add a test that catches it")
    return issues


def validate_paths(paths: Iterable[str], grader: Grader) -> list[ValidationReport]:
    files = problem_paths(paths)
    if not files:
        missing = ValidationReport(Path(next(iter(paths), ".")))
        missing.issues.append(str(FileProblem(missing.path, "no problem files found")))
        return [missing]
    reports = [validate_file(path, grader) for path in files]
    _check_unique_ids(reports)
    return reports


def _check_unique_ids(reports: list[ValidationReport]) -> None:
    seen: dict[str, Path] = {}
    for report in reports:
        if report.problem_id and report.problem_id in seen:
            report.issues.append(f"{report.path}: id {report.problem_id!r} is also used by "
                                 f"{seen[report.problem_id]}")
        seen.setdefault(report.problem_id, report.path)
