"""Plain data the rest of the application passes around: problems, tests and verdicts."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class Verdict(enum.StrEnum):
    """How one test of a submission ended (a closed set)."""

    PASSED = "passed"
    WRONG_ANSWER = "wrong_answer"
    RUNTIME_ERROR = "runtime_error"
    TIME_LIMIT = "time_limit"
    MEMORY_LIMIT = "memory_limit"
    OUTPUT_LIMIT = "output_limit"
    REJECTED = "rejected"
    NOT_RUN = "not_run"


@dataclass(frozen=True)
class Comparison:
    """How a result is compared with the expected value."""

    unordered: bool = False
    """Compare the top-level list as a multiset."""
    tolerance: float | None = None
    """Absolute-or-relative tolerance for floats, applied element-wise."""


@dataclass(frozen=True)
class ProblemTest:
    """One visible example or hidden test of a coding problem."""

    name: str
    hidden: bool
    args: list[Any] | None = None
    calls: list[list[Any]] | None = None
    expected: Any = None
    has_expected: bool = True
    generate: list[Any] | None = None
    """`[generator_name, *arguments]`: the input is built by the problem's generators."""


@dataclass(frozen=True)
class WrongSolution:
    source: str
    why: str = ""


@dataclass(frozen=True)
class Scaling:
    """How to time a solution on growing inputs, for the report's empirical complexity check."""

    generate: list[Any]
    """`[generator_name, *arguments]`; each argument that is the text "{n}" becomes the size."""
    sizes: list[int]
    """The sizes to time, ascending; the largest should take the reference ~20-100 ms."""
    time: str = ""
    """Total time as a function of n, when `complexity.time` states something else (per call)."""

    def arguments(self, size: int) -> list[Any]:
        """The `generate` list for one size."""
        return [size if argument == "{n}" else argument for argument in self.generate]


@dataclass(frozen=True)
class CodingProblem:
    """A coding problem as described by format v1 (see problems/README.md)."""

    id: str
    title: str
    difficulty: str
    tags: list[str]
    minutes: int
    statement: str
    entry_point: str
    starter: str
    examples: list[ProblemTest]
    tests: list[ProblemTest]
    reference: str
    path: Path
    comparison: Comparison = Comparison()
    seconds: float = 2.0
    memory_mb: int = 256
    wrong: list[WrongSolution] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)
    complexity: dict[str, str] = field(default_factory=dict)
    generators: str = ""
    scaling: Scaling | None = None
    """Optional input sizes for timing a solution (see problems/README.md, Scaling)."""
    kind: str = "coding"

    @property
    def is_class_problem(self) -> bool:
        return any(test.calls is not None for test in self.examples + self.tests)

    @property
    def all_tests(self) -> list[ProblemTest]:
        return self.examples + self.tests


@dataclass(frozen=True)
class TestVerdict:
    """The verdict of one test, with what the user needs to understand it."""

    __test__ = False  # not a pytest test class

    name: str
    verdict: Verdict
    hidden: bool
    time_ms: float = 0.0
    message: str = ""
    line: int | None = None
    stdout: str = ""


@dataclass(frozen=True)
class GradeResult:
    """All verdicts of one submission against one problem."""

    problem_id: str
    tests: list[TestVerdict]
    isolation: list[str] = field(default_factory=list)
    load_stdout: str = ""

    @property
    def passed(self) -> bool:
        return bool(self.tests) and all(t.verdict is Verdict.PASSED for t in self.tests)

    @property
    def passed_count(self) -> int:
        return sum(t.verdict is Verdict.PASSED for t in self.tests)


SKILL_TOPICS = {
    "statistics": "STA", "probability": "PRB", "linear-algebra": "LA",
    "calculus-optimization": "CO", "classical-ml": "CML", "deep-learning": "DL", "nlp": "NLP",
    "computer-vision": "CV", "recommender-systems": "RS", "evaluation-metrics": "EV",
    "data-preparation": "FE", "big-data": "BD", "deployment-mlops": "OPS", "python-ml-libraries": "PY",
}
"""The 14 skill topics and the id prefix of their questions."""


@dataclass(frozen=True)
class Variable:
    """How a template draws one number: an integer or float range, or a choice."""

    name: str
    low: float | None = None
    high: float | None = None
    integer: bool = True
    digits: int = 2
    """Decimal places a drawn float is rounded to (so the text shows what is computed)."""
    choices: list[Any] | None = None


@dataclass(frozen=True)
class McqOption:
    text: str
    correct: bool = False


@dataclass(frozen=True)
class KeyPoint:
    """One point a short answer must make, recognised by any of its cues."""

    point: str
    cues: list[str]


@dataclass(frozen=True)
class SkillQuestion:
    """A specialized-skill question: multiple choice, numeric (fixed or template) or short."""

    id: str
    topic: str
    type: str
    difficulty: str
    question: str
    explanation: str
    path: Path
    tags: list[str] = field(default_factory=list)
    options: list[McqOption] = field(default_factory=list)
    compute: str = ""
    """Source defining `answer(*variables)`; run in the sandbox, never in the app's process."""
    answer: float | None = None
    """The stated answer of a fixed numeric question, checked against `compute`."""
    tolerance: float = 1e-6
    relative: bool = False
    unit: str = ""
    variables: list[Variable] = field(default_factory=list)
    points: list[KeyPoint] = field(default_factory=list)

    @property
    def is_template(self) -> bool:
        return bool(self.variables)

    @property
    def multiple(self) -> bool:
        return sum(option.correct for option in self.options) > 1


DESIGN_DIMENSIONS = (
    "requirements", "framing", "data", "features", "model", "training", "offline-evaluation",
    "online-experiment", "serving", "monitoring",
)
"""The ten rubric dimensions of an ML system-design answer, in interview order."""


@dataclass(frozen=True)
class RedFlag:
    """A warning sign in an answer: some cue appears (`present`) or none does (`absent`)."""

    flag: str
    cues: list[str]
    when: str = "present"


@dataclass(frozen=True)
class RubricPart:
    """What a strong answer covers for one dimension, and what gives a weak one away."""

    key_points: list[KeyPoint] = field(default_factory=list)
    red_flags: list[RedFlag] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Dimension:
    id: str
    code: str
    title: str
    weight: int
    generic: RubricPart


@dataclass(frozen=True)
class Clarification:
    """The interviewer's canned answer to one kind of clarifying question."""

    asks: str
    cues: list[str]
    answer: str


@dataclass(frozen=True)
class DesignPrompt:
    id: str
    title: str
    difficulty: str
    minutes: int
    prompt: str
    clarifications: list[Clarification]
    phases: dict[str, int]
    rubric: dict[str, RubricPart]
    """Prompt-specific key points, red flags and follow-ups per dimension id."""
    model_answer: str
    path: Path
    archetype: str = ""
    twist: str = ""
    kind: str = "design"


@dataclass(frozen=True)
class Checkpoint:
    """A data-challenge question answered with a number or a query, checked on the dataset."""

    id: str
    question: str
    type: str
    sql: str
    tolerance: float = 1e-6


@dataclass(frozen=True)
class DataChallenge:
    id: str
    title: str
    difficulty: str
    minutes: int
    brief: str
    dataset: Path
    tables: dict[str, str]
    checkpoints: list[Checkpoint]
    conclusion_prompt: str
    conclusion: RubricPart
    model_answer: str
    path: Path
    kind: str = "data"
