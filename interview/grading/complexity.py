"""The empirical complexity check: time a solution on growing inputs and fit the exponent.

This is what lets the session report say "looks O(n^2), expected O(n log n)". Times are the
CPU time the child measured per test (`TestResult.cpu_ms`): it leaves out building the input,
and unlike wall time it is not stretched when a busy machine preempts the longer runs (which
would bend the fit upwards: short runs finish inside one scheduler slice, long ones do not).
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from interview.models import CodingProblem
from sandbox import Limits, Outcome, Sandbox, TestCase, TestResult

ComplexityVerdict = Literal["as expected", "slower than expected", "faster than expected",
                            "inconclusive"]

LOG_EXPONENT = 0.1
"""What a log n factor adds to a fitted exponent: over n = 10^3..10^5, n log n grows like n^1.1."""
HARNESS_SECONDS = 10e-6
"""The constant per-test cost inside the timed region (calling in, encoding a small result);
measured at 3-20 µs, so it matters only when the smallest sizes run in well under a millisecond."""
TOLERANCE = 0.35
"""How far a fitted exponent may be from the expected one and still count as expected; wide,
because a loaded machine and cache effects move exponents by ~0.2, and n vs n log n is 0.1."""
MIN_LARGEST_SECONDS = 0.002
"""Below this at the largest size, timer resolution and noise swamp the growth."""
MIN_R_SQUARED = 0.9
MAX_SCATTER = 0.15
"""A fit is too noisy to trust when R² is below MIN_R_SQUARED *and* the log-time residuals
scatter more than this (~15%): flat but clean timings have a low R² and are still readable."""
STOP_SECONDS = 0.5
"""One run slower than this ends the measurement: larger sizes would only make the user wait."""

CLASSES = [("O(1)", 0.0), ("O(√n)", 0.5), ("O(n)", 1.0), ("O(n log n)", 1.0 + LOG_EXPONENT),
           ("O(n^1.5)", 1.5), ("O(n^2)", 2.0), ("O(n^2 log n)", 2.0 + LOG_EXPONENT),
           ("O(n^2.5)", 2.5), ("O(n^3)", 3.0), ("O(n^4)", 4.0)]
"""The growth classes a fitted exponent is described by, with the exponent each fits to."""


@dataclass(frozen=True)
class ScalingMeasurement:
    """The best time per input size of one solution."""

    sizes: list[int]
    """The sizes that ran successfully, ascending."""
    seconds: list[float]
    """The minimum over the repeats at each size: noise only ever adds time."""
    stopped: str = ""
    """Why the larger sizes did not run ('' when every size ran)."""


@dataclass(frozen=True)
class LogLogFit:
    """A least-squares line through (log n, log time)."""

    exponent: float
    """The slope: time grows like n^exponent."""
    r_squared: float
    scatter: float
    """Root mean square of the residuals of log(time), in natural-log units."""


@dataclass(frozen=True)
class ComplexityCheck:
    """How a solution's measured growth compares with the complexity the problem expects."""

    fitted_exponent: float | None
    """None when too little ran to fit anything."""
    expected: str
    """The expected complexity as the problem states it, e.g. "O(n log n)"."""
    looks_like: str
    """The growth class the timings suggest ("" when inconclusive before fitting)."""
    verdict: ComplexityVerdict
    message: str
    """One line for the report, e.g. "looks O(n^2), expected O(n log n)"."""


def expected_time(problem: CodingProblem) -> str:
    """The total-time complexity in n that a scaling run should show."""
    declared = problem.scaling.time if problem.scaling else ""
    return declared or problem.complexity.get("time", "")


def check_complexity(problem: CodingProblem, source: str, sandbox: Sandbox,
                     repeats: int = 3) -> ComplexityCheck:
    """Measure a solution on the problem's scaling sizes and judge it against the expectation."""
    return judge_complexity(measure_scaling(problem, source, sandbox, repeats),
                            expected_time(problem))


def measure_scaling(problem: CodingProblem, source: str, sandbox: Sandbox,
                    repeats: int = 3) -> ScalingMeasurement:
    """Run the solution once in the sandbox: every size as a test, the whole ladder `repeats`
    times over (interleaved, so a burst of load on the machine hits all sizes alike).

    A failure, or one run over STOP_SECONDS, ends the measurement early; the sizes timed by
    then still count. Raises ValueError if the problem declares no scaling.
    """
    if problem.scaling is None:
        raise ValueError(f"{problem.id} declares no scaling sizes")
    sizes = problem.scaling.sizes
    cases = [TestCase(f"scaling n={size} #{repeat + 1}", generate=problem.scaling.arguments(size),
                      generated_calls=problem.is_class_problem)
             for repeat in range(repeats) for size in sizes]
    report = sandbox.run(source, problem.entry_point, cases,
                         Limits(seconds=problem.seconds, memory_mb=problem.memory_mb),
                         _stop_when_slow_or_failed, problem.generators)
    return summarise_runs(sizes * repeats, report.results)


def _stop_when_slow_or_failed(_index: int, result: TestResult) -> bool:
    return result.outcome is not Outcome.RETURNED or result.time_ms > STOP_SECONDS * 1000


def summarise_runs(sizes: Sequence[int], results: Sequence[TestResult]) -> ScalingMeasurement:
    """The best time of each size (`sizes[i]` is the size `results[i]` ran at) and why the
    runs stopped early, if they did."""
    best: dict[int, float] = {}
    for size, result in zip(sizes, results, strict=True):
        if result.outcome is Outcome.RETURNED:
            best[size] = min(best.get(size, math.inf), result.cpu_ms / 1000)
    stopped = next((_why_stopped(size, result) for size, result in zip(sizes, results, strict=True)
                    if result.outcome is not Outcome.RETURNED
                    or result.time_ms > STOP_SECONDS * 1000), "")
    ordered = sorted(best)
    return ScalingMeasurement(ordered, [best[size] for size in ordered], stopped)


def _why_stopped(size: int, result: TestResult) -> str:
    if result.outcome is Outcome.RETURNED:
        return f"stopped after n={size}: one run took over {STOP_SECONDS:g} s"
    return f"stopped at n={size}: {result.outcome.value} {result.message}".rstrip()


def fit_loglog(sizes: Sequence[float], seconds: Sequence[float]) -> LogLogFit:
    """Fit time ~ c·n^k by least squares on log-log axes, after removing constant overhead.

    The overhead estimate is HARNESS_SECONDS, capped at a quarter of the smallest time so no
    time turns negative; without it, fixed costs flatten the small sizes and bias k down.
    """
    if len(sizes) != len(seconds) or len(sizes) < 2:
        raise ValueError("fitting needs at least two (size, time) pairs")
    overhead = min(HARNESS_SECONDS, 0.25 * min(seconds))
    xs = [math.log(size) for size in sizes]
    ys = [math.log(max(time - overhead, 1e-9)) for time in seconds]
    slope, intercept = statistics.linear_regression(xs, ys)
    residual = sum((y - slope * x - intercept) ** 2 for x, y in zip(xs, ys, strict=True))
    spread = sum((y - statistics.fmean(ys)) ** 2 for y in ys)
    r_squared = 1 - residual / spread if spread > 0 else 0.0
    return LogLogFit(slope, r_squared, math.sqrt(residual / len(xs)))


def fit_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float:
    """The k in time ~ c·n^k (see fit_loglog)."""
    return fit_loglog(sizes, seconds).exponent


def judge_complexity(measurement: ScalingMeasurement, expected: str) -> ComplexityCheck:
    """Compare the fitted exponent with the expected complexity; inconclusive rather than guess."""
    sizes, seconds = measurement.sizes, measurement.seconds
    if len(sizes) < 3 or sizes[-1] < 4 * sizes[0]:
        reason = measurement.stopped or "too few sizes ran"
        return _inconclusive(None, expected, "", f"{reason}; too few sizes to judge growth")
    if seconds[-1] < MIN_LARGEST_SECONDS:
        return _inconclusive(None, expected, "", f"n={sizes[-1]} ran in "
                             f"{seconds[-1] * 1000:.2f} ms, too fast to time reliably")
    fit = fit_loglog(sizes, seconds)
    if fit.r_squared < MIN_R_SQUARED and fit.scatter > MAX_SCATTER:
        return _inconclusive(fit.exponent, expected, "",
                             f"timings too noisy to fit (R² {fit.r_squared:.2f})")
    return _compare(fit.exponent, expected)


def _compare(fitted: float, expected: str) -> ComplexityCheck:
    wanted = expected_exponent(expected)
    if wanted is None:
        looks = growth_class(fitted)
        return _inconclusive(fitted, expected, looks,
                             f"looks {looks}; {expected or 'no complexity'!r} does not say how "
                             "time grows with n")
    if fitted > wanted + TOLERANCE:
        looks = growth_class(fitted, above=wanted)
        return ComplexityCheck(fitted, expected, looks, "slower than expected",
                               f"looks {looks}, expected {expected}")
    if fitted < wanted - TOLERANCE:
        looks = growth_class(fitted, below=wanted)
        return ComplexityCheck(fitted, expected, looks, "faster than expected",
                               f"looks {looks}, expected {expected}")
    looks = growth_class(wanted)
    return ComplexityCheck(fitted, expected, looks, "as expected", f"looks {looks}, as expected")


def _inconclusive(fitted: float | None, expected: str, looks: str,
                  reason: str) -> ComplexityCheck:
    return ComplexityCheck(fitted, expected, looks, "inconclusive", f"inconclusive: {reason}")


def growth_class(exponent: float, above: float | None = None,
                 below: float | None = None) -> str:
    """The named class nearest to an exponent, optionally only among classes above or below
    a bound (so "slower than expected" never names the expected class itself)."""
    candidates = [(name, k) for name, k in CLASSES
                  if (above is None or k > above) and (below is None or k < below)] or CLASSES
    return min(candidates, key=lambda item: abs(item[1] - exponent))[0]


_BIG_O = re.compile(r"(?<![a-z])o\(")
_TOKEN = re.compile(r"\s*(\d+(?:\.\d+)?|[a-z_][a-z0-9_']*|[()^*/+√!,])")
_SYMBOLS = str.maketrans({"²": "^2", "³": "^3", "·": "*", "⋅": "*", "∙": "*", "×": "*"})


def expected_exponent(complexity: str) -> float | None:
    """The exponent of n in the first O(...) of a complexity text; None if it cannot tell.

    Other variables count as constants ("O(n·d)" is 1), a log factor adds LOG_EXPONENT
    ("O(n log n)" is 1.1), sums take their largest term ("O(n + C²)" is 1). A text whose O(...)
    has variables but no n ("O(V + E)"), or grows exponentially, gives None.
    """
    body = _big_o_body(complexity.lower().translate(_SYMBOLS))
    if body is None:
        return None
    try:
        parser = _Parser(_tokens(body))
        exponent = parser.expression()
    except ValueError:
        return None
    if parser.position != len(parser.tokens) or (parser.other_variables and not parser.saw_n):
        return None
    return exponent


def _big_o_body(text: str) -> str | None:
    """The text inside the first O( ... ), with nested parentheses balanced."""
    match = _BIG_O.search(text)
    if match is None:
        return None
    depth = 1
    for index in range(match.end(), len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return text[match.end():index]
    return None


def _tokens(body: str) -> list[str]:
    tokens, position = [], 0
    while position < len(body.rstrip()):
        match = _TOKEN.match(body, position)
        if match is None:
            raise ValueError(f"cannot read {body[position:]!r}")
        tokens.append(match.group(1))
        position = match.end()
    return tokens


class _Parser:
    """Recursive descent over a big-O body, returning the exponent of n."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.position = 0
        self.saw_n = False
        self.other_variables = False

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise ValueError("unexpected end")
        self.position += 1
        return token

    def expression(self) -> float:
        """Terms joined by '+': the largest dominates."""
        exponent = self.term()
        while self.peek() == "+":
            self.take()
            exponent = max(exponent, self.term())
        return exponent

    def term(self) -> float:
        """Factors multiplied, explicitly or side by side ("n log n"), or divided."""
        exponent = self.factor()
        while self.peek() not in (None, "+", ")", ","):
            operator = self.take() if self.peek() in ("*", "/") else "*"
            exponent += self.factor() if operator == "*" else -self.factor()
        return exponent

    def factor(self) -> float:
        exponent = self.atom()
        if self.peek() == "!":
            raise ValueError("factorial growth")
        if self.peek() == "^":
            self.take()
            power = self.take()
            if not re.fullmatch(r"\d+(?:\.\d+)?", power):
                raise ValueError("exponential growth")
            exponent *= float(power)
        return exponent

    def atom(self) -> float:
        token = self.take()
        if token == "(":
            exponent = self.expression()
            if self.take() != ")":
                raise ValueError("unbalanced parenthesis")
            return exponent
        if token in ("log", "lg", "ln", "log2", "log10"):
            return LOG_EXPONENT if self.atom() > 0 else 0.0
        if token in ("sqrt", "√"):
            return 0.5 * self.atom()
        if token[0].isdigit():
            return 0.0
        if not (token[0].isalpha() or token[0] == "_"):
            raise ValueError(f"unexpected {token!r}")
        if token == "n":
            self.saw_n = True
            return 1.0
        self.other_variables = True
        return 0.0


def reference_scaling_issues(problem: CodingProblem, sandbox: Sandbox) -> list[str]:
    """What `interview validate` reports about a problem's scaling, judged on its reference:
    sizes too small or too large to time, or an exponent that contradicts the expectation."""
    if problem.scaling is None:
        return []
    where, expected = f"{problem.path}: scaling", expected_time(problem)
    if expected_exponent(expected) is None:
        return [f"{where}: cannot tell how {expected!r} grows with n; set scaling.time "
                "(e.g. O(n log n))"]
    measurement = measure_scaling(problem, problem.reference, sandbox)
    if measurement.stopped:
        return [f"{where}: the reference {measurement.stopped} (aim for 20-100 ms at the "
                "largest size)"]
    if measurement.seconds[-1] < MIN_LARGEST_SECONDS:
        return [f"{where}: the reference runs n={measurement.sizes[-1]} in "
                f"{measurement.seconds[-1] * 1000:.2f} ms; use larger sizes (aim for 20-100 ms)"]
    check = judge_complexity(measurement, expected)
    if check.verdict in ("slower than expected", "faster than expected"):
        return [f"{where}: the reference {check.message} (exponent {check.fitted_exponent:.2f});"
                " fix the sizes or scaling.time"]
    return []
