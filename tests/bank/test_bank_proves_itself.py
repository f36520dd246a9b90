"""Every coding problem proves itself: its reference passes, each known-wrong solution fails."""

from pathlib import Path

import pytest

from interview.bank import bank_root, load_bank
from interview.grading.coding import Grader
from interview.skills import load_skills
from interview.validate import validate_file

FIXTURES = Path(__file__).parent.parent / "fixtures" / "problems" / "coding"
PROBLEM_FILES = sorted((bank_root() / "coding").glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml"))
SKILL_FILES = sorted((bank_root() / "skills").glob("*.yaml")) + sorted(
    (FIXTURES.parent / "skills").glob("*.yaml"))


@pytest.fixture(scope="module")
def grader(sandbox_runner):
    return Grader(sandbox_runner)


@pytest.mark.parametrize("path", PROBLEM_FILES, ids=[p.stem for p in PROBLEM_FILES])
def test_problem_file_is_valid(path, grader):
    report = validate_file(path, grader)
    assert report.ok, "\n".join(report.issues)


@pytest.mark.parametrize("path", SKILL_FILES, ids=[p.stem for p in SKILL_FILES])
def test_skill_file_is_valid_and_every_numeric_answer_recomputes(path, grader):
    report = validate_file(path, grader)
    assert report.ok, "\n".join(report.issues)


def test_the_bank_loads_without_errors():
    bank = load_bank()
    assert not bank.errors, "\n".join(map(str, bank.errors))
    _questions, skill_errors = load_skills(bank_root())
    assert not skill_errors, "\n".join(map(str, skill_errors))
