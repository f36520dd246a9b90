"""Grading skill answers: multiple choice, numbers in any common form, and short text."""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from fractions import Fraction

from interview.models import KeyPoint

NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class AnswerGrade:
    """How well one answer did: a score in [0, 1] and what to tell the candidate."""

    score: float
    feedback: str = ""
    covered: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return self.score >= 0.999


def grade_mcq(chosen: set[int], correct: set[int]) -> AnswerGrade:
    """All-or-nothing: the chosen set of options must be exactly the correct set."""
    if chosen == correct:
        return AnswerGrade(1.0, "correct")
    return AnswerGrade(0.0, "not quite" if chosen & correct else "incorrect")


def parse_number(text: str, unit: str = "") -> float | None:
    """Read '0.25', '25%', '1/4', '2.5e-1', '14,700', '≈ 3.92 ms'; None if it is not a number.

    A trailing % divides by 100 unless the question's own unit is '%'.
    """
    cleaned = text.strip().lower().replace("≈", "").replace("~", "").replace("−", "-")
    if unit and unit != "%" and cleaned.endswith(unit.lower()):
        cleaned = cleaned[: -len(unit)].strip()
    cleaned = cleaned.replace(" ", "")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?%?", cleaned):
        cleaned = cleaned.replace(",", "")
    percent = cleaned.endswith("%")
    cleaned = cleaned.rstrip("%")
    value = _fraction(cleaned) if "/" in cleaned else _decimal(cleaned)
    if value is None or not math.isfinite(value):
        return None
    return value / 100 if percent and unit != "%" else value


def _decimal(text: str) -> float | None:
    return float(text) if NUMBER.fullmatch(text) else None


def _fraction(text: str) -> float | None:
    numerator, _, denominator = text.partition("/")
    top, bottom = _decimal(numerator), _decimal(denominator)
    if top is None or not bottom:
        return None
    return float(Fraction(str(top)) / Fraction(str(bottom)))


def grade_numeric(text: str, expected: float, tolerance: float, relative: bool,
                  unit: str = "") -> AnswerGrade:
    value = parse_number(text, unit)
    if value is None:
        return AnswerGrade(0.0, "that is not a number (try 0.25, 25%, 1/4 or 2.5e-1)")
    allowed = tolerance * abs(expected) if relative else tolerance
    if abs(value - expected) <= allowed + 1e-12:
        return AnswerGrade(1.0, "correct")
    return AnswerGrade(0.0, f"expected {format_number(expected)}{_unit(unit)}")


def format_number(value: float) -> str:
    """Whole numbers in full with thousands separators (16,777,216), others to 6 digits."""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:.6g}"


def _unit(unit: str) -> str:
    return f" {unit}" if unit and unit != "%" else unit


def grade_short(text: str, points: list[KeyPoint]) -> AnswerGrade:
    """Partial credit per key point; a point counts when one of its cues appears in the answer."""
    words = _stems(text)
    covered = [p.point for p in points if any(_mentions(words, cue) for cue in p.cues)]
    missed = [p.point for p in points if p.point not in covered]
    score = len(covered) / len(points) if points else 0.0
    return AnswerGrade(score, f"{len(covered)} of {len(points)} key points", covered, missed)


def _mentions(words: list[str], cue: str) -> bool:
    """Every word of the cue appears in the answer (fuzzily for longer words)."""
    return all(any(_same_word(cue_word, word) for word in words) for cue_word in _stems(cue))


NEGATING_PREFIXES = ("un", "non", "in", "im", "ir", "il", "dis", "re", "de", "anti", "mis")


def _same_word(cue_word: str, word: str) -> bool:
    """Equal, or a small typo of a longer word; never a word and its negation ("observed" vs
    "unobserved", "partition" vs "repartition")."""
    if cue_word == word:
        return True
    if len(cue_word) < 5 or _differ_by_prefix(cue_word, word):
        return False
    return difflib.SequenceMatcher(None, cue_word, word).ratio() >= 0.85


def _differ_by_prefix(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return longer.endswith(shorter) and longer[: len(longer) - len(shorter)] in NEGATING_PREFIXES


def _stems(text: str) -> list[str]:
    return [_stem(word) for word in WORD.findall(text.lower())]


def _stem(word: str) -> str:
    """A light stemmer: plurals first, then -ing/-ed, so "embeddings" meets "embedding"."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word
