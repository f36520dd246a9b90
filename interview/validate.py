"""`interview validate`: a problem file is usable only if its own solutions prove it."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from interview.bank import bank_root, check_problem_file
from interview.design import (
    build_data_challenge,
    build_design_prompt,
    build_rubric,
    check_checkpoint_answers,
    check_file,
    load_data_challenge,
)
from interview.grading.coding import Grader, ProblemDefectError
from interview.grading.complexity import reference_scaling_issues
from interview.grading.quiz import grade_short
from interview.models import CodingProblem, SkillQuestion, Verdict
from interview.skills import check_skill_file
from interview.templates import PLACEHOLDER, TemplateError, compute_answers, draw
from interview.yamlfile import FileProblem

TEMPLATE_DRAWS = 5
BANK_FOLDERS = ("coding", "skills", "design", "data")


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
    chosen = [Path(p) for p in paths] or [
        folder for kind in BANK_FOLDERS if (folder := bank_root() / kind).is_dir()]
    files: list[Path] = []
    for path in chosen:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.yaml")))
        elif path.exists() or path.parent.name not in BANK_FOLDERS:
            files.append(path)
    return files


def validate_file(path: Path, grader: Grader) -> ValidationReport:
    folder = path.parent.name
    if folder == "skills":
        return validate_skill_file(path, grader)
    if folder == "design":
        build = build_rubric if path.stem == "rubric" else build_design_prompt
        return ValidationReport(path, issues=[str(i) for i in check_file(path, build)])
    if folder == "data":
        return validate_data_challenge(path)
    report = ValidationReport(path)
    checked = check_problem_file(path)
    if isinstance(checked, list):
        report.issues.extend(str(issue) for issue in checked)
        return report
    report.problem_id = checked.id
    try:
        report.issues.extend(_check_solutions(checked, grader))
        report.issues.extend(reference_scaling_issues(checked, grader.sandbox))
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


def validate_data_challenge(path: Path) -> ValidationReport:
    report = ValidationReport(path, issues=[str(i) for i in
                                            check_file(path, build_data_challenge)])
    if report.ok:
        report.issues.extend(check_checkpoint_answers(load_data_challenge(path)))
    return report


def validate_skill_file(path: Path, grader: Grader) -> ValidationReport:
    """Schema, then every numeric answer recomputed in the sandbox (templates on fresh draws)."""
    report = ValidationReport(path)
    checked = check_skill_file(path)
    if checked and isinstance(checked[0], FileProblem):
        report.issues.extend(str(issue) for issue in checked)
        return report
    for question in checked:
        if question.type == "numeric":
            report.issues.extend(_check_numeric(question, grader))
        elif question.type == "short":
            echo = grade_short(question.question, question.points)
            if echo.covered:
                report.issues.append(
                    f"{question.path}: {question.id}: repeating the question already earns "
                    f"credit for: {'; '.join(echo.covered)} (make those cues more specific)")
    return report


def _check_numeric(question: SkillQuestion, grader: Grader) -> list[str]:
    where = f"{question.path}: {question.id}"
    rng = random.Random(question.id)
    draws = [draw(question.variables, rng) for _ in range(TEMPLATE_DRAWS if
                                                          question.is_template else 1)]
    try:
        answers = compute_answers(question, draws, grader.sandbox)
    except TemplateError as error:
        return [f"{question.path}: {error}"]
    issues = []
    if question.is_template:
        shown = set(PLACEHOLDER.findall(question.question))
        missing = [v.name for v in question.variables if v.name not in shown]
        if missing:
            issues.append(f"{where}: the question text never shows {', '.join(missing)}")
    elif abs(answers[0] - float(question.answer)) > _allowed(question, answers[0]):
        issues.append(f"{where}: the stated answer {question.answer} differs from the "
                      f"computed {answers[0]:.6g}")
    return issues


def _allowed(question: SkillQuestion, value: float) -> float:
    return question.tolerance * abs(value) if question.relative else question.tolerance


def validate_paths(paths: Sequence[str], grader: Grader) -> list[ValidationReport]:
    files = problem_paths(paths)
    if not files:
        missing = ValidationReport(Path(paths[0] if paths else "."))
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
