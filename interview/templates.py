"""Numeric template questions: fresh numbers per attempt, answers computed in the sandbox.

Bank text is data, never code in this process: placeholders are filled by a strict regex (no
`str.format`, which would follow `{x.attr}`), and each question's `compute` source runs in the
sandbox like a submission.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from interview.grading.quiz import format_number
from interview.models import SkillQuestion, Variable
from sandbox import Limits, Outcome, Sandbox, TestCase

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
COMPUTE_LIMITS = Limits(seconds=5, memory_mb=128)


class TemplateError(Exception):
    """A question's compute source failed or returned something that is not a number."""


@dataclass(frozen=True)
class NumericInstance:
    """One attempt at a numeric question: the numbers drawn and the answer they give."""

    question: SkillQuestion
    values: dict[str, Any]
    answer: float

    @property
    def text(self) -> str:
        return fill(self.question.question, self.values)

    @property
    def explanation(self) -> str:
        return fill(self.question.explanation, {**self.values, "answer": self.answer})


def draw(variables: Sequence[Variable], rng: random.Random) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for variable in variables:
        if variable.choices is not None:
            values[variable.name] = rng.choice(variable.choices)
        elif variable.integer:
            values[variable.name] = rng.randint(int(variable.low), int(variable.high))
        else:
            values[variable.name] = round(rng.uniform(variable.low, variable.high),
                                          variable.digits)
    return values


def fill(text: str, values: dict[str, Any]) -> str:
    """Replace `{name}` with its value; unknown names are left as written."""
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        value = values[name]
        return format_number(value) if isinstance(value, float) else str(value)
    return PLACEHOLDER.sub(replace, text)


def compute_answers(question: SkillQuestion, draws: list[dict[str, Any]],
                    sandbox: Sandbox) -> list[float]:
    """Run the question's `answer(...)` in the sandbox once per draw, in one child process."""
    cases = [TestCase(f"draw {i}", args=[values[v.name] for v in question.variables])
             for i, values in enumerate(draws)]
    report = sandbox.run(question.compute, "answer", cases, COMPUTE_LIMITS)
    answers = []
    for result in report.results:
        value = result.value
        if result.outcome is not Outcome.RETURNED or isinstance(value, bool) or \
                not isinstance(value, int | float) or not math.isfinite(value):
            detail = result.message or f"returned {value!r}"
            raise TemplateError(f"{question.id}: compute failed: {detail}")
        answers.append(float(value))
    return answers


def instantiate(question: SkillQuestion, rng: random.Random,
                sandbox: Sandbox) -> NumericInstance:
    """A numeric question ready to ask: fixed ones as written, templates with fresh numbers."""
    if not question.is_template:
        return NumericInstance(question, {}, float(question.answer or 0.0))
    values = draw(question.variables, rng)
    (answer,) = compute_answers(question, [values], sandbox)
    return NumericInstance(question, values, answer)


@dataclass(frozen=True)
class McqInstance:
    """One attempt at a multiple-choice question, its options in a fresh order."""

    question: SkillQuestion
    order: tuple[int, ...]
    """Positions of the question's options as shown: `order[i]` is the option shown i-th."""

    @property
    def options(self) -> list[str]:
        return [self.question.options[i].text for i in self.order]

    @property
    def correct(self) -> set[int]:
        """The shown positions that are correct."""
        return {shown for shown, i in enumerate(self.order) if self.question.options[i].correct}


def shuffle_options(question: SkillQuestion, rng: random.Random) -> McqInstance:
    order = list(range(len(question.options)))
    rng.shuffle(order)
    return McqInstance(question, tuple(order))
