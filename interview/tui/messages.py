"""Every custom message of the app: small facts that screens post and the app reacts to."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from interview.grading.custom_input import CustomRun
from interview.models import GradeResult


@dataclass
class RoundEnded(Message):
    """A round screen closed its round in the engine; the app shows whatever comes next."""

    ended_by: str = "submitted"


@dataclass
class GradeReady(Message):
    """A grading worker finished: 'run', 'submit' or auto-submit of one coding item."""

    kind: str
    item_id: str
    result: GradeResult
    auto: bool = False
    source: str = ""
    """The code that was graded (an accepted one goes on to the complexity check)."""


@dataclass
class ComplexityReady(Message):
    """The empirical complexity check of an accepted submission finished."""

    item_id: str
    check: dict


@dataclass
class CustomRunReady(Message):
    """A 'run custom input' worker finished (or the input could not be run: `error`)."""

    item_id: str
    run: CustomRun | None = None
    error: str = ""


@dataclass
class TimeExpired(Message):
    """The engine says the round's (or the question's) time is up."""

    what: str
