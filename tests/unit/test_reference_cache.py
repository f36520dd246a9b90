"""Reference outputs of generated tests are reused across processes, and never trusted blindly."""

from __future__ import annotations

import pytest

from interview.bank import find_problem
from interview.grading.coding import Grader
from interview.grading.reference_cache import cache_key, load_outputs, save_outputs


def test_a_second_grader_reads_the_outputs_instead_of_running_the_reference(sandbox_runner,
                                                                            tmp_path,
                                                                            monkeypatch):
    problem = find_problem("dsa-two-sum")
    first = Grader(sandbox_runner, cache_dir=tmp_path)
    expected = [t.expected for t in first.resolve(problem)]
    assert list(tmp_path.glob("*.json"))

    second = Grader(sandbox_runner, cache_dir=tmp_path)

    def no_reference_runs(*_args):
        raise AssertionError("the reference ran although its outputs were cached")

    monkeypatch.setattr(second, "_run_reference", no_reference_runs)
    assert [t.expected for t in second.resolve(problem)] == expected
    assert second.grade(problem, problem.reference).passed


def test_a_damaged_or_mismatched_file_is_ignored(tmp_path):
    problem = find_problem("dsa-two-sum")
    key = cache_key(problem, problem.all_tests)
    (tmp_path / f"{key}.json").write_text("{not json", encoding="utf-8")
    assert load_outputs(tmp_path, key, 3) is None
    save_outputs(tmp_path, key, [[0, 1], {"a": (1, 2)}, 2**80])
    assert load_outputs(tmp_path, key, 3) == [[0, 1], {"a": [1, 2]}, 2**80]
    assert load_outputs(tmp_path, key, 4) is None  # a different test count: not ours
    other = tmp_path / "elsewhere"
    other.mkdir()
    (tmp_path / f"{key}.json").rename(other / "wrong-name.json")
    (other / "wrong-name.json").rename(other / f"{'0' * 64}.json")
    assert load_outputs(other, "0" * 64, 3) is None  # the stored key must match its name


@pytest.mark.parametrize("change", ["reference", "generators"])
def test_the_key_changes_with_what_the_outputs_depend_on(change):
    from dataclasses import replace

    problem = find_problem("dsa-two-sum")
    changed = replace(problem, **{change: getattr(problem, change) + "\n# edited\n"})
    assert cache_key(problem, problem.all_tests) != cache_key(changed, changed.all_tests)
