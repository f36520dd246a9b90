"""Loads problem files into models; every error names the file, the line and what to fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from interview.models import CodingProblem, Comparison, ProblemTest, Scaling, WrongSolution
from interview.schema import FileChecker, build_file
from interview.yamlfile import FileProblem

DIFFICULTIES = ("easy", "medium", "hard")
REQUIRED_TEXT = ("id", "title", "statement", "entry_point", "starter", "reference")


def bank_root() -> Path:
    """The built-in bank: the installed `problems` package."""
    return Path(str(resources.files("problems")))


@dataclass
class Bank:
    """Every problem that loaded, and every file that did not."""

    coding: dict[str, CodingProblem] = field(default_factory=dict)
    errors: list[FileProblem] = field(default_factory=list)


def find_problem(id_or_path: str, root: Path | None = None) -> CodingProblem:
    """One problem by bank id or by file path, reading only that file (grading starts fast)."""
    path = Path(id_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return load_problem(path)
    folder = (root or bank_root()) / "coding"
    if (folder / f"{id_or_path}.yaml").is_file():
        return load_problem(folder / f"{id_or_path}.yaml")
    known = ", ".join(sorted(p.stem for p in folder.glob("*.yaml"))[:8])
    raise FileProblem(id_or_path, f"no problem with this id in the bank (try: {known}, ...)")


def load_bank(root: Path | None = None) -> Bank:
    """Load every problem under root/coding; bad files are collected, not raised."""
    bank = Bank()
    for path in sorted((root or bank_root()).glob("coding/*.yaml")):
        try:
            problem = load_problem(path)
        except FileProblem as error:
            bank.errors.append(error)
            continue
        if problem.id in bank.coding:
            bank.errors.append(FileProblem(path, f"duplicate id {problem.id!r} "
                                                 f"(also in {bank.coding[problem.id].path.name})"))
            continue
        bank.coding[problem.id] = problem
    return bank


def load_problem(path: Path) -> CodingProblem:
    """Read and check one coding problem file; raises FileProblem for the first issue found."""
    problems = check_problem_file(path)
    if isinstance(problems, CodingProblem):
        return problems
    raise problems[0]


def check_problem_file(path: Path) -> CodingProblem | list[FileProblem]:
    """Every schema issue in one file, or the problem it describes when there are none."""
    problem, issues = build_file(path, lambda checker, data: checker.build(data), _Checker)
    return issues or problem  # type: ignore[return-value]


class _Checker(FileChecker):
    """Builds a CodingProblem while recording every issue with its line."""

    def build(self, data: Any) -> CodingProblem | None:
        if not isinstance(data, dict):
            self.issue((), "expected a mapping of fields (id, kind, title, ...) at the top")
            return None
        if data.get("kind", "coding") != "coding":
            self.issue(("kind",), f"kind {data.get('kind')!r} is not supported here (coding)")
        for key in REQUIRED_TEXT:
            self.text_field(data, key)
        for key in ("examples", "tests"):
            if key not in data:
                self.issue((), f"missing required field '{key}'")
        if data.get("difficulty") not in DIFFICULTIES:
            self.issue(("difficulty",), f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        minutes = data.get("minutes")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            self.issue(("minutes",), "minutes must be a positive whole number")
        tags = data.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            self.issue(("tags",), "tags must be a list of words")
        examples = self.tests(data, "examples", hidden=False)
        tests = self.tests(data, "tests", hidden=True)
        if not examples and "examples" in data:
            self.issue(("examples",), "at least one example is required")
        comparison = self.comparison(data.get("compare", "exact"))
        seconds, memory_mb = self.limits(data.get("limits", {}))
        scaling = self.scaling(data.get("scaling"))
        if self.issues:
            return None
        stem_matches = self.path.stem == data["id"] or self.path.parent.name != "coding"
        if not stem_matches:
            self.issue(("id",), f"id {data['id']!r} does not match the file name")
            return None
        return CodingProblem(
            id=data["id"], title=data["title"], difficulty=data["difficulty"], tags=tags,
            minutes=minutes, statement=data["statement"], entry_point=data["entry_point"],
            starter=data["starter"], examples=examples, tests=tests,
            reference=data["reference"], path=self.path, comparison=comparison,
            seconds=seconds, memory_mb=memory_mb, wrong=self.wrong(data.get("wrong", [])),
            hints=self.strings(data, "hints"), follow_ups=self.strings(data, "follow_ups"),
            complexity=self.complexity(data.get("complexity", {})),
            generators=data.get("generators", "") or "",
            scaling=scaling,
        )

    def tests(self, data: dict, key: str, hidden: bool) -> list[ProblemTest]:
        entries = data.get(key, [])
        if not isinstance(entries, list):
            self.issue((key,), f"'{key}' must be a list of tests")
            return []
        offset = 0 if not hidden else len(data.get("examples") or [])
        return [t for i, entry in enumerate(entries)
                if (t := self.test(entry, (key, i), hidden, offset + i + 1)) is not None]

    def test(self, entry: Any, where: tuple, hidden: bool, number: int) -> ProblemTest | None:
        if not isinstance(entry, dict):
            self.issue(where, "each test must be a mapping with args or calls, and expected")
            return None
        default_name = f"{'test' if hidden else 'example'} {number}"
        name = str(entry.get("name", default_name))
        inputs = [key for key in ("args", "calls", "generate") if key in entry]
        if len(inputs) != 1:
            self.issue(where, "a test needs exactly one of 'args', 'calls' or 'generate'")
            return None
        if "args" in entry and not isinstance(entry["args"], list):
            self.issue(where + ("args",), "'args' must be a list of arguments")
            return None
        if "calls" in entry and not _valid_calls(entry["calls"]):
            self.issue(where + ("calls",),
                       "'calls' must be a list of [name, *args] lists, starting with the class")
            return None
        if "generate" in entry and not (isinstance(entry["generate"], list) and entry["generate"]
                                        and isinstance(entry["generate"][0], str)):
            self.issue(where + ("generate",), "'generate' must be [generator_name, *arguments]")
            return None
        has_expected = "expected" in entry
        if not has_expected and "generate" not in entry:
            self.issue(where, "missing 'expected' (only generated tests may leave it out)")
            return None
        if has_expected and "calls" in entry and (
            not isinstance(entry["expected"], list) or len(entry["expected"]) != len(entry["calls"])
        ):
            self.issue(where + ("expected",), "'expected' needs one value per call")
            return None
        return ProblemTest(name=name, hidden=hidden, args=entry.get("args"),
                           calls=entry.get("calls"), expected=entry.get("expected"),
                           has_expected=has_expected, generate=entry.get("generate"))

    def comparison(self, spec: Any) -> Comparison:
        if spec == "exact":
            return Comparison()
        if spec == "unordered":
            return Comparison(unordered=True)
        if isinstance(spec, dict) and set(spec) <= {"float", "unordered"}:
            tolerance = _yaml_number(spec.get("float"))
            if tolerance is not None and (not isinstance(tolerance, int | float) or tolerance < 0):
                self.issue(("compare",), "compare.float must be a non-negative number")
                return Comparison()
            return Comparison(unordered=bool(spec.get("unordered")), tolerance=tolerance)
        self.issue(("compare",), "compare must be exact, unordered or {float: tolerance}")
        return Comparison()

    def limits(self, spec: Any) -> tuple[float, int]:
        if not isinstance(spec, dict) or not set(spec) <= {"seconds", "memory_mb"}:
            self.issue(("limits",), "limits must be {seconds: N, memory_mb: N}")
            return 2.0, 256
        seconds, memory_mb = spec.get("seconds", 2.0), spec.get("memory_mb", 256)
        if not isinstance(seconds, int | float) or not 0 < seconds <= 60:
            self.issue(("limits", "seconds"), "limits.seconds must be between 0 and 60")
        if not isinstance(memory_mb, int) or not 16 <= memory_mb <= 4096:
            self.issue(("limits", "memory_mb"), "limits.memory_mb must be between 16 and 4096")
        return float(seconds), int(memory_mb) if isinstance(memory_mb, int) else 256

    def wrong(self, entries: Any) -> list[WrongSolution]:
        if not isinstance(entries, list):
            self.issue(("wrong",), "'wrong' must be a list of solutions")
            return []
        solutions = []
        for i, entry in enumerate(entries):
            if isinstance(entry, str):
                solutions.append(WrongSolution(entry))
            elif isinstance(entry, dict) and isinstance(entry.get("source"), str):
                solutions.append(WrongSolution(entry["source"], str(entry.get("why", ""))))
            else:
                self.issue(("wrong", i), "each wrong solution is source text or {source, why}")
        return solutions

    def complexity(self, spec: Any) -> dict[str, str]:
        if not isinstance(spec, dict) or not all(isinstance(v, str) for v in spec.values()):
            self.issue(("complexity",), "complexity must be {time: ..., space: ...}")
            return {}
        return spec

    def scaling(self, spec: Any) -> Scaling | None:
        """`{generate: [name, ..."{n}"...], sizes: [...], time: ...}`; see problems/README.md."""
        if spec is None:
            return None
        if not isinstance(spec, dict) or not {"generate", "sizes"} <= set(spec) <= {
                "generate", "sizes", "time"}:
            self.issue(("scaling",), "scaling must be {generate: [...], sizes: [...], time: ...}")
            return None
        generate, sizes = spec["generate"], spec["sizes"]
        if not (isinstance(generate, list) and generate and isinstance(generate[0], str)
                and "{n}" in generate[1:]):
            self.issue(("scaling", "generate"),
                       "scaling.generate must be [generator_name, *arguments] with \"{n}\" "
                       "where the size goes")
        if not _valid_sizes(sizes):
            self.issue(("scaling", "sizes"), "scaling.sizes must be 3+ increasing positive whole "
                                             "numbers, the largest at least 4 times the smallest")
        if not isinstance(spec.get("time", ""), str):
            self.issue(("scaling", "time"), "scaling.time must be a complexity like O(n log n)")
        return Scaling(generate, sizes, str(spec.get("time", "")))


def _valid_sizes(sizes: Any) -> bool:
    return (isinstance(sizes, list) and len(sizes) >= 3
            and all(isinstance(s, int) and not isinstance(s, bool) and s > 0 for s in sizes)
            and all(a < b for a, b in zip(sizes, sizes[1:], strict=False))
            and sizes[-1] >= 4 * sizes[0])


def _yaml_number(value: Any) -> Any:
    """YAML 1.1 reads `1e-9` (no dot) as text; accept it as the number the author meant."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def _valid_calls(calls: Any) -> bool:
    return (isinstance(calls, list) and len(calls) > 0
            and all(isinstance(call, list) and call and isinstance(call[0], str)
                    for call in calls))
