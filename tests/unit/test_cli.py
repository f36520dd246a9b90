"""The `interview` command as a user meets it: exit codes, messages, JSON, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "problems" / "coding"
PAIR_SUM = str(FIXTURES / "pair-sum.yaml")
GOOD = """\
def pair_sum(nums, target):
    seen = {}
    for j, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], j]
        seen[x] = j
"""


def interview(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "interview", *args], capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def solution(tmp_path):
    def write(text: str) -> str:
        path = tmp_path / "solution.py"
        path.write_text(text, encoding="utf-8")
        return str(path)
    return write


def test_all_passed_exits_0_with_a_table(solution):
    result = interview("grade", solution(GOOD), "--problem", PAIR_SUM)
    assert result.returncode == 0, result.stderr
    assert "5/5 passed" in result.stdout and "✓ passed" in result.stdout


def test_json_output_has_one_entry_per_test(solution):
    result = interview("grade", solution(GOOD), "--problem", PAIR_SUM, "--json")
    report = json.loads(result.stdout)
    assert report["problem"] == "pair-sum" and report["passed"] is True
    assert [t["verdict"] for t in report["tests"]] == ["passed"] * 5
    assert {"name", "verdict", "time_ms", "message"} <= set(report["tests"][0])


def test_examples_only_runs_the_visible_tests(solution):
    result = interview("grade", solution(GOOD), "--problem", PAIR_SUM, "--json",
                       "--examples-only")
    assert [t["name"] for t in json.loads(result.stdout)["tests"]] == ["example 1", "example 2"]


def test_a_wrong_answer_exits_1_and_shows_expected_and_got(solution):
    wrong = GOOD.replace("return [seen[target - x], j]", "return [j, seen[target - x]]")
    result = interview("grade", solution(wrong), "--problem", PAIR_SUM)
    assert result.returncode == 1
    assert "wrong_answer" in result.stdout and "expected [0, 1], got [1, 0]" in result.stdout


def test_a_syntax_error_exits_1_with_its_line(solution):
    result = interview("grade", solution("def pair_sum(nums, target)\n    pass\n"),
                       "--problem", PAIR_SUM, "--json")
    assert result.returncode == 1
    first = json.loads(result.stdout)["tests"][0]
    assert first["verdict"] == "rejected" and first["line"] == 1
    assert "SyntaxError" in first["message"]


def test_a_rejected_import_exits_1_with_its_line(solution):
    result = interview("grade", solution("x = 1\nimport os\n" + GOOD), "--problem", PAIR_SUM,
                       "--json")
    assert result.returncode == 1
    first = json.loads(result.stdout)["tests"][0]
    assert first["verdict"] == "rejected" and first["line"] == 2 and "os" in first["message"]


def test_a_runtime_error_reports_the_line_in_the_solution(solution):
    crashing = "def pair_sum(nums, target):\n    x = 1\n    return nums[100]\n"
    result = interview("grade", solution(crashing), "--problem", PAIR_SUM, "--json")
    first = json.loads(result.stdout)["tests"][0]
    assert first["verdict"] == "runtime_error" and first["line"] == 3
    assert first["message"].startswith("IndexError")


@pytest.mark.parametrize("args, fragment", [
    (["grade", "missing.py", "--problem", PAIR_SUM], "missing.py: no such file"),
    (["grade", "__SOLUTION__", "--problem", "no-such-problem"], "no problem with this id"),
    (["grade", "__SOLUTION__", "--problem", "nope/missing.yaml"], "missing.yaml: no such file"),
])
def test_bad_input_exits_2_with_one_line_and_no_traceback(args, fragment, solution):
    args = [solution(GOOD) if a == "__SOLUTION__" else a for a in args]
    result = interview(*args)
    assert result.returncode == 2
    assert fragment in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_malformed_problem_file_exits_2_naming_file_and_line(solution, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nstatement: [oops\nkind: coding\n")
    result = interview("grade", solution(GOOD), "--problem", str(broken))
    assert result.returncode == 2
    assert f"{broken}:3: invalid YAML" in result.stderr and "Traceback" not in result.stderr


def test_a_non_utf8_solution_exits_2(tmp_path):
    path = tmp_path / "latin1.py"
    path.write_bytes(b"# caf\xe9\n")
    result = interview("grade", str(path), "--problem", PAIR_SUM)
    assert result.returncode == 2 and "latin1.py:1: is not valid UTF-8" in result.stderr


def test_validate_reports_every_issue_and_exits_1(tmp_path):
    text = (FIXTURES / "pair-sum.yaml").read_text()
    weak = tmp_path / "weak.yaml"
    weak.write_text(text.replace("  - name: large input\n    generate: [far_pair, 20000]\n", ""))
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("difficulty: easy", "difficulty: nope"))
    result = interview("validate", str(weak), str(bad))
    assert result.returncode == 1
    assert "wrong solution #1 passes every test" in result.stdout
    assert "difficulty must be one of" in result.stdout
    assert "0/2 problem files valid" in result.stdout


def test_validate_accepts_good_files():
    result = interview("validate", str(FIXTURES))
    assert result.returncode == 0, result.stdout
    assert "4/4 problem files valid" in result.stdout


def test_help_lists_the_commands():
    result = interview("--help")
    assert result.returncode == 0
    for command in ("grade", "validate", "problems", "doctor"):
        assert command in result.stdout


def test_doctor_reports_the_layers_in_force():
    result = interview("doctor")
    assert result.returncode == 0, result.stdout
    assert "sandbox     works" in result.stdout
    assert "restricted-python" in result.stdout


@pytest.mark.parametrize("kind", ["coding", "skills", "design", "data"])
def test_problems_lists_every_kind_as_json(kind):
    result = interview("problems", "--kind", kind, "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert all(item["kind"] == kind for item in items)


def test_a_wrong_call_in_a_sequence_is_pointed_at(solution):
    off_by_one = """\
class HitCounter:
    def __init__(self):
        self.hits = []
    def hit(self, t):
        self.hits.append(t)
    def count(self, t):
        return sum(1 for h in self.hits if h >= t - 300)
"""
    result = interview("grade", solution(off_by_one), "--problem",
                       str(FIXTURES / "hit-counter.yaml"), "--json")
    first = json.loads(result.stdout)["tests"][0]
    assert first["verdict"] == "wrong_answer"
    assert first["message"] == "call #5 count(301) returned 2, expected 1"
