"""The empirical complexity check: fitting, parsing big-O text, judging, and real sandbox runs."""

import dataclasses
import math
import random
from pathlib import Path

import pytest

from interview.bank import check_problem_file, load_problem
from interview.grading.complexity import (
    STOP_SECONDS,
    ScalingMeasurement,
    expected_exponent,
    expected_time,
    fit_exponent,
    fit_loglog,
    judge_complexity,
    measure_scaling,
    reference_scaling_issues,
    summarise_runs,
)
from interview.models import Scaling
from sandbox import Outcome
from sandbox import TestResult as SandboxResult

FIXTURE = Path(__file__).parent.parent / "fixtures" / "problems" / "coding" / "zero-pairs.yaml"
SIZES = [1000, 2000, 4000, 8000, 16000]

N_LOG_N_SOURCE = """
from bisect import bisect_left, bisect_right


def count_zero_pairs(nums):
    ordered = sorted(nums)
    matches = 0
    for x in nums:
        matches += bisect_right(ordered, -x) - bisect_left(ordered, -x)
    zeros = bisect_right(ordered, 0) - bisect_left(ordered, 0)
    return (matches - zeros) // 2
"""

QUADRATIC_SOURCE = """
def count_zero_pairs(nums):
    pairs = 0
    for i, x in enumerate(nums):
        for y in nums[i + 1:]:
            if x + y == 0:
                pairs += 1
    return pairs
"""


def noisy(growth, seed: int = 3, scale: float = 1e-6) -> list[float]:
    """Timings following `growth`, each off by up to +10% (noise only ever adds time)."""
    rng = random.Random(seed)
    return [scale * growth(n) * (1 + 0.1 * rng.random()) for n in SIZES]


# Fitting


@pytest.mark.parametrize(("growth", "low", "high"), [
    (lambda n: n, 0.9, 1.1),
    (lambda n: n * math.log(n), 1.05, 1.25),
    (lambda n: n * n / 1000, 1.9, 2.1),
])
def test_fit_recovers_the_exponent_of_noisy_timings(growth, low, high):
    assert low < fit_exponent(SIZES, noisy(growth)) < high


def test_exact_power_law_fits_exactly_and_cleanly():
    fit = fit_loglog(SIZES, [1e-7 * n ** 1.5 for n in SIZES])
    assert fit.exponent == pytest.approx(1.5, abs=0.02)
    assert fit.r_squared > 0.999


def test_a_small_constant_overhead_does_not_flatten_a_linear_fit():
    seconds = [1e-6 * n + 8e-6 for n in SIZES]  # ~8 µs of harness cost per test
    assert fit_exponent(SIZES, seconds) == pytest.approx(1.0, abs=0.02)


def test_fitting_needs_two_points():
    with pytest.raises(ValueError):
        fit_exponent([1000], [0.01])


# Parsing the expected complexity


@pytest.mark.parametrize(("text", "exponent"), [
    ("O(n)", 1.0), ("O(n log n)", 1.1), ("O(n^2)", 2.0), ("O(n²)", 2.0), ("O(n³)", 3.0),
    ("O(n·d)", 1.0), ("O(k·n)", 1.0), ("O(1)", 0.0), ("O(log n)", 0.1), ("O(n log k)", 1.0),
    ("O(N log k)", 1.0), ("O(n + C²)", 1.0), ("O(n·d² + d³)", 1.0), ("O(d·n log n)", 1.1),
    ("O(n^1.5)", 1.5), ("O(sqrt(n))", 0.5), ("O(n log(n))", 1.1),
    ("O(1) per operation", 0.0), ("O(n log n) per query", 1.1),
    ("O(n log n + n·k) ⊆ O(n²)", 1.1),
    ("O(V + E)", None), ("O(capacity)", None), ("O(2^n)", None), ("O(n!)", None),
    ("quadratic", None), ("", None), ("~O(α(n)) amortized", None), ("O(n", None),
])
def test_expected_exponent_reads_the_main_size_variable(text, exponent):
    assert expected_exponent(text) == (pytest.approx(exponent) if exponent is not None else None)


# Judging


def test_quadratic_timings_against_n_log_n_read_as_the_report_says():
    check = judge_complexity(ScalingMeasurement(SIZES, noisy(lambda n: n * n / 1000)),
                             "O(n log n)")
    assert check.verdict == "slower than expected"
    assert check.looks_like == "O(n^2)"
    assert check.message == "looks O(n^2), expected O(n log n)"
    assert check.fitted_exponent == pytest.approx(2.0, abs=0.1)


def test_linear_timings_match_an_expected_n_log_n():
    check = judge_complexity(ScalingMeasurement(SIZES, noisy(lambda n: n)), "O(n log n)")
    assert check.verdict == "as expected"
    assert check.message == "looks O(n log n), as expected"


def test_linear_timings_against_an_expected_quadratic_are_faster():
    check = judge_complexity(ScalingMeasurement(SIZES, noisy(lambda n: n)), "O(n²)")
    assert check.verdict == "faster than expected"
    assert check.looks_like == "O(n)"


def test_slower_never_names_the_expected_class_itself():
    check = judge_complexity(ScalingMeasurement(SIZES, [1e-9 * n ** 2.4 for n in SIZES]),
                             "O(n^2)")
    assert check.verdict == "slower than expected"
    assert check.looks_like != "O(n^2)"


def test_timings_too_small_to_trust_are_inconclusive():
    check = judge_complexity(ScalingMeasurement(SIZES, noisy(lambda n: n, scale=1e-8)), "O(n)")
    assert check.verdict == "inconclusive"
    assert "too fast" in check.message


def test_noisy_timings_are_inconclusive_rather_than_a_guess():
    seconds = [0.010, 0.030, 0.006, 0.025, 0.012]
    check = judge_complexity(ScalingMeasurement(SIZES, seconds), "O(n)")
    assert check.verdict == "inconclusive"
    assert "noisy" in check.message


def test_an_unreadable_expectation_still_says_what_it_looks_like():
    check = judge_complexity(ScalingMeasurement(SIZES, noisy(lambda n: n)), "O(V + E)")
    assert check.verdict == "inconclusive"
    assert check.looks_like == "O(n)"


def test_too_few_sizes_are_inconclusive_and_say_why_the_run_stopped():
    measurement = ScalingMeasurement([1000, 2000], [0.01, 0.04], "stopped at n=4000: time_limit")
    check = judge_complexity(measurement, "O(n)")
    assert check.verdict == "inconclusive" and check.fitted_exponent is None
    assert "time_limit" in check.message


def test_runs_are_summarised_as_the_best_time_per_size_until_a_failure():
    def ran(ms: float, outcome: Outcome = Outcome.RETURNED) -> SandboxResult:
        return SandboxResult("t", outcome, time_ms=ms + 1, cpu_ms=ms)

    sizes = [10, 20, 40] * 2
    results = [ran(3), ran(5), ran(9), ran(2), ran(7), ran(0, Outcome.TIME_LIMIT)]
    measurement = summarise_runs(sizes, results)
    assert measurement.sizes == [10, 20, 40]
    assert measurement.seconds == pytest.approx([0.002, 0.005, 0.009])
    assert measurement.stopped.startswith("stopped at n=40: time_limit")


def test_a_run_over_the_stop_threshold_is_reported():
    slow = SandboxResult("t", Outcome.RETURNED, time_ms=STOP_SECONDS * 1000 + 1)
    skipped = SandboxResult("t", Outcome.NOT_RUN, message="not run")
    measurement = summarise_runs([10, 20], [slow, skipped])
    assert measurement.sizes == [10]
    assert measurement.stopped == f"stopped after n=10: one run took over {STOP_SECONDS:g} s"


# The problem format


def test_the_scaling_field_loads_and_fills_in_the_size():
    problem = load_problem(FIXTURE)
    assert problem.scaling == Scaling(["spread", "{n}"], [12500, 25000, 50000, 100000, 200000],
                                      "O(n)")
    assert problem.scaling.arguments(500) == ["spread", 500]
    assert expected_time(problem) == "O(n)"
    assert expected_time(dataclasses.replace(problem, scaling=None)) == "O(n)"


@pytest.mark.parametrize(("scaling", "complaint"), [
    ('  generate: [spread, 100]\n  sizes: [1, 2, 4]', 'with "{n}"'),
    ('  generate: [spread, "{n}"]\n  sizes: [100, 200]', "3+ increasing"),
    ('  generate: [spread, "{n}"]\n  sizes: [100, 150, 200]', "at least 4 times"),
    ('  generate: [spread, "{n}"]\n  sizes: [400, 200, 1600]', "3+ increasing"),
    ('  sizes: [100, 200, 400]', "scaling must be"),
])
def test_a_bad_scaling_field_names_the_file_and_line(tmp_path, scaling, complaint):
    text = FIXTURE.read_text(encoding="utf-8")
    start = text.index("scaling:\n")
    end = text.index("reference:")
    path = tmp_path / "p.yaml"
    path.write_text(text[:start] + f"scaling:\n{scaling}\n" + text[end:], encoding="utf-8")
    issues = check_problem_file(path)
    assert isinstance(issues, list)
    line = text[:start].count("\n") + 1
    assert any(complaint in str(issue) and str(issue).startswith(f"{path}:")
               and issue.line in (line, line + 1, line + 2) for issue in issues), issues


# Real measurements in the sandbox


@pytest.fixture(scope="module")
def zero_pairs():
    return load_problem(FIXTURE)


def with_sizes(problem, sizes):
    return dataclasses.replace(problem, scaling=dataclasses.replace(problem.scaling, sizes=sizes))


def test_a_linear_solution_measures_as_linear(zero_pairs, sandbox_runner):
    measurement = measure_scaling(zero_pairs, zero_pairs.reference, sandbox_runner)
    assert measurement.sizes == zero_pairs.scaling.sizes and not measurement.stopped
    check = judge_complexity(measurement, expected_time(zero_pairs))
    assert 0.6 < check.fitted_exponent < 1.5
    assert check.verdict == "as expected"


def test_a_sort_based_solution_measures_near_linear(zero_pairs, sandbox_runner):
    problem = with_sizes(zero_pairs, [3125, 6250, 12500, 25000, 50000])
    measurement = measure_scaling(problem, N_LOG_N_SOURCE, sandbox_runner)
    assert 0.7 < fit_exponent(measurement.sizes, measurement.seconds) < 1.6


def test_a_quadratic_solution_is_slower_than_an_expected_linear_one(zero_pairs, sandbox_runner):
    problem = with_sizes(zero_pairs, [125, 250, 500, 1000, 2000])
    measurement = measure_scaling(problem, QUADRATIC_SOURCE, sandbox_runner)
    check = judge_complexity(measurement, "O(n)")
    assert check.fitted_exponent > 1.6
    assert check.verdict == "slower than expected"
    assert check.message.startswith("looks O(n^")


def test_measuring_a_problem_without_scaling_is_a_caller_error(zero_pairs, sandbox_runner):
    with pytest.raises(ValueError, match="no scaling"):
        measure_scaling(dataclasses.replace(zero_pairs, scaling=None), "", sandbox_runner)


# What `interview validate` says about a problem's scaling


def with_time(problem, time):
    return dataclasses.replace(problem, scaling=dataclasses.replace(problem.scaling, time=time))


def test_validate_accepts_the_fixture_reference(zero_pairs, sandbox_runner):
    assert reference_scaling_issues(zero_pairs, sandbox_runner) == []


def test_validate_reports_a_reference_that_contradicts_the_expectation(zero_pairs,
                                                                       sandbox_runner):
    issues = reference_scaling_issues(with_time(zero_pairs, "O(n^2)"), sandbox_runner)
    assert len(issues) == 1
    assert "the reference looks O(n" in issues[0] and "expected O(n^2)" in issues[0]


def test_validate_reports_sizes_too_small_to_time(zero_pairs, sandbox_runner):
    issues = reference_scaling_issues(with_sizes(zero_pairs, [10, 20, 40]), sandbox_runner)
    assert len(issues) == 1 and "use larger sizes" in issues[0]


def test_validate_reports_an_expectation_without_n_before_running_anything(zero_pairs):
    issues = reference_scaling_issues(with_time(zero_pairs, "O(V + E)"), sandbox=None)
    assert len(issues) == 1 and "set scaling.time" in issues[0]
