from pathlib import Path

import pytest

from interview.bank import check_problem_file, find_problem, load_bank, load_problem
from interview.yamlfile import FileProblem

FIXTURES = Path(__file__).parent.parent / "fixtures" / "problems"
GOOD = (FIXTURES / "coding" / "pair-sum.yaml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str | bytes, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_a_good_file_loads_with_all_its_parts():
    problem = load_problem(FIXTURES / "coding" / "pair-sum.yaml")
    assert problem.id == "pair-sum"
    assert [t.name for t in problem.examples] == ["example 1", "example 2"]
    assert problem.tests[-1].generate == ["far_pair", 20000]
    assert problem.tests[-1].has_expected is False
    assert problem.seconds == 1 and problem.memory_mb == 128
    assert problem.wrong[0].why.startswith("quadratic")


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, "id: x\ntitle: [unclosed\nkind: coding\n")
    with pytest.raises(FileProblem) as error:
        load_problem(path)
    assert error.value.path == path and error.value.line == 3
    assert "invalid YAML" in str(error.value)


def test_non_utf8_file_names_the_line_of_the_bad_byte(tmp_path):
    path = write(tmp_path, b"id: x\ntitle: caf\xe9\n")
    with pytest.raises(FileProblem) as error:
        load_problem(path)
    assert error.value.line == 2 and "UTF-8" in error.value.message


def test_schema_issues_are_all_reported_with_their_lines(tmp_path):
    text = GOOD.replace("difficulty: easy", "difficulty: trivial").replace(
        "    expected: [1, 2]\n", "", 1)
    issues = check_problem_file(write(tmp_path, text))
    assert isinstance(issues, list)
    messages = [str(issue) for issue in issues]
    assert any(":4: difficulty must be one of easy, medium, hard" in m for m in messages)
    assert any("missing 'expected'" in m and ":17:" in m for m in messages)


def test_a_missing_field_is_named(tmp_path):
    text = GOOD.replace("entry_point: pair_sum\n", "")
    issues = check_problem_file(write(tmp_path, text))
    assert any("missing or empty 'entry_point'" in str(issue) for issue in issues)


def test_class_tests_need_one_expected_value_per_call(tmp_path):
    text = (FIXTURES / "coding" / "hit-counter.yaml").read_text().replace(
        "expected: [null, 0]", "expected: [0]")
    issues = check_problem_file(write(tmp_path, text))
    assert any("one value per call" in str(issue) for issue in issues)


def test_the_bank_collects_bad_files_and_keeps_the_good_ones(tmp_path):
    (tmp_path / "coding").mkdir()
    write(tmp_path / "coding", GOOD, "pair-sum.yaml")
    write(tmp_path / "coding", "id: [", "broken.yaml")
    write(tmp_path / "coding", GOOD, "other-name.yaml")
    bank = load_bank(tmp_path)
    assert list(bank.coding) == ["pair-sum"]
    errors = sorted(str(e) for e in bank.errors)
    assert any("broken.yaml" in e for e in errors)
    assert any("other-name.yaml" in e and "does not match the file name" in e for e in errors)


def test_unknown_id_suggests_known_ones(tmp_path):
    (tmp_path / "coding").mkdir()
    write(tmp_path / "coding", GOOD, "pair-sum.yaml")
    with pytest.raises(FileProblem, match="no problem with this id.*pair-sum"):
        find_problem("nope", tmp_path)
