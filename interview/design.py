"""Loads the system-design rubric, design prompts and data challenges from the bank."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from interview.models import (
    DESIGN_DIMENSIONS,
    Checkpoint,
    Clarification,
    DataChallenge,
    DesignPrompt,
    Dimension,
)
from interview.schema import FileChecker, build_file
from interview.yamlfile import FileProblem

DIFFICULTIES = ("easy", "medium", "hard")
MIN_CLARIFICATIONS = 5


def _load(path: Path, build: Any) -> Any:
    """Parse a file and build it with `build(checker, data)`; raise the first issue found."""
    result, issues = build_file(path, build)
    if issues:
        raise issues[0]
    return result


def check_file(path: Path, build: Any) -> list[FileProblem]:
    """Every issue in a file (empty when it is fine)."""
    return build_file(path, build)[1]


# -- the shared rubric ------------------------------------------------------------------------

def load_rubric(path: Path) -> list[Dimension]:
    return _load(path, build_rubric)


def build_rubric(checker: FileChecker, data: Any) -> list[Dimension]:
    if not isinstance(data, dict) or not isinstance(data.get("dimensions"), list):
        checker.issue((), "expected a list of 'dimensions'")
        return []
    dimensions = []
    for index, entry in enumerate(data["dimensions"]):
        where = ("dimensions", index)
        if not isinstance(entry, dict) or entry.get("id") not in DESIGN_DIMENSIONS:
            checker.issue(where, f"dimension id must be one of {', '.join(DESIGN_DIMENSIONS)}")
            continue
        weight = entry.get("weight")
        if not isinstance(weight, int) or weight <= 0:
            checker.issue(where + ("weight",), "weight must be a positive whole number")
            continue
        dimensions.append(Dimension(entry["id"], str(entry.get("code", "")),
                                    checker.text_field(entry, "title", where), weight,
                                    checker.rubric_part(entry, where)))
    ids = [d.id for d in dimensions]
    if sorted(ids) != sorted(DESIGN_DIMENSIONS):
        checker.issue(("dimensions",), "the rubric needs each of the ten dimensions once")
    if sum(d.weight for d in dimensions) != 100:
        checker.issue(("dimensions",), "dimension weights must add up to 100")
    return dimensions


# -- design prompts ---------------------------------------------------------------------------

def load_design_prompt(path: Path) -> DesignPrompt:
    return _load(path, build_design_prompt)


def build_design_prompt(checker: FileChecker, data: Any) -> DesignPrompt | None:
    if not isinstance(data, dict):
        checker.issue((), "expected a mapping of fields (id, title, prompt, ...)")
        return None
    fields = {key: checker.text_field(data, key) for key in
              ("id", "title", "prompt", "model_answer")}
    if fields["id"] and fields["id"] != checker.path.stem:
        checker.issue(("id",), f"id {fields['id']!r} does not match the file name")
    if data.get("difficulty") not in DIFFICULTIES:
        checker.issue(("difficulty",), "difficulty must be easy, medium or hard")
    minutes = data.get("minutes")
    if not isinstance(minutes, int) or minutes <= 0:
        checker.issue(("minutes",), "minutes must be a positive whole number")
        minutes = 0
    clarifications = _clarifications(checker, data.get("clarifications"))
    phases = _phases(checker, data.get("phases"), minutes)
    rubric = data.get("rubric")
    if not isinstance(rubric, dict) or sorted(rubric) != sorted(DESIGN_DIMENSIONS):
        checker.issue(("rubric",), "rubric needs a section for each of the ten dimensions: "
                                   + ", ".join(DESIGN_DIMENSIONS))
        rubric = {}
    parts = {}
    for dimension, section in rubric.items():
        part = checker.rubric_part(section, ("rubric", dimension))
        if len(part.key_points) < 2 or not part.follow_ups:
            checker.issue(("rubric", dimension), "each dimension needs 2+ key points and a "
                                                 "follow-up question")
        parts[dimension] = part
    if checker.issues:
        return None
    return DesignPrompt(
        id=fields["id"], title=fields["title"], difficulty=data["difficulty"], minutes=minutes,
        prompt=fields["prompt"], clarifications=clarifications, phases=phases, rubric=parts,
        model_answer=fields["model_answer"], path=checker.path,
        archetype=str(data.get("archetype", "")), twist=str(data.get("twist", "")))


def _clarifications(checker: FileChecker, entries: Any) -> list[Clarification]:
    if not isinstance(entries, list) or len(entries) < MIN_CLARIFICATIONS:
        checker.issue(("clarifications",), f"give {MIN_CLARIFICATIONS}+ canned answers to "
                                           "clarifying questions (scale, latency, data, ...)")
        return []
    clarifications = []
    for index, entry in enumerate(entries):
        where = ("clarifications", index)
        if not isinstance(entry, dict):
            checker.issue(where, "each clarification is {asks, cues, answer}")
            continue
        cues = checker.strings(entry, "cues", where)
        if not cues:
            checker.issue(where, "a clarification needs cues that recognise the question")
        clarifications.append(Clarification(checker.text_field(entry, "asks", where), cues,
                                            checker.text_field(entry, "answer", where)))
    return clarifications


def _phases(checker: FileChecker, phases: Any, minutes: int) -> dict[str, int]:
    if not isinstance(phases, dict) or not set(phases) <= set(DESIGN_DIMENSIONS) or \
            not all(isinstance(v, int) and v > 0 for v in phases.values()):
        checker.issue(("phases",), "phases map dimension ids to whole minutes")
        return {}
    if minutes and sum(phases.values()) != minutes:
        checker.issue(("phases",), f"phase minutes add up to {sum(phases.values())}, "
                                   f"not the prompt's {minutes}")
    return phases


# -- data challenges --------------------------------------------------------------------------

def load_data_challenge(path: Path) -> DataChallenge:
    return _load(path, build_data_challenge)


def build_data_challenge(checker: FileChecker, data: Any) -> DataChallenge | None:
    if not isinstance(data, dict):
        checker.issue((), "expected a mapping of fields (id, title, dataset, ...)")
        return None
    fields = {key: checker.text_field(data, key) for key in
              ("id", "title", "brief", "dataset", "model_answer")}
    if fields["id"] and fields["id"] != checker.path.stem:
        checker.issue(("id",), f"id {fields['id']!r} does not match the file name")
    dataset = checker.path.parent / fields["dataset"] if fields["dataset"] else checker.path
    if fields["dataset"] and not dataset.is_file():
        checker.issue(("dataset",), f"dataset {fields['dataset']} is missing (run "
                                    "python problems/data/generate_datasets.py)")
    tables = data.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(v, str) for v in tables.values()):
        checker.issue(("tables",), "tables map each table name to a description")
        tables = {}
    checkpoints = _checkpoints(checker, data.get("checkpoints"))
    conclusion = data.get("conclusion") if isinstance(data.get("conclusion"), dict) else {}
    part = checker.rubric_part(conclusion, ("conclusion",))
    if len(part.key_points) < 2:
        checker.issue(("conclusion",), "the conclusion rubric needs 2+ key points")
    if checker.issues:
        return None
    return DataChallenge(
        id=fields["id"], title=fields["title"], difficulty=str(data.get("difficulty", "medium")),
        minutes=int(data.get("minutes", 40)), brief=fields["brief"], dataset=dataset,
        tables=tables, checkpoints=checkpoints,
        conclusion_prompt=str(conclusion.get("prompt", "")), conclusion=part,
        model_answer=fields["model_answer"], path=checker.path)


def _checkpoints(checker: FileChecker, entries: Any) -> list[Checkpoint]:
    if not isinstance(entries, list) or not 4 <= len(entries) <= 6:
        checker.issue(("checkpoints",), "a data challenge has 4-6 checkpoints")
        return []
    checkpoints = []
    for index, entry in enumerate(entries):
        where = ("checkpoints", index)
        if not isinstance(entry, dict) or entry.get("type") not in ("number", "query"):
            checker.issue(where, "each checkpoint has type number or query")
            continue
        tolerance = entry.get("tolerance", 1e-6)
        checkpoints.append(Checkpoint(checker.text_field(entry, "id", where),
                                      checker.text_field(entry, "question", where),
                                      entry["type"], checker.text_field(entry, "sql", where),
                                      float(tolerance) if isinstance(tolerance, int | float)
                                      else 1e-6))
    return checkpoints


def open_read_only(dataset: Path) -> sqlite3.Connection:
    """A connection that cannot change the bundled dataset."""
    return sqlite3.connect(f"file:{dataset}?mode=ro", uri=True)


def check_checkpoint_answers(challenge: DataChallenge) -> list[str]:
    """Each reference query runs on the dataset and has the promised shape."""
    issues = []
    with contextlib.closing(open_read_only(challenge.dataset)) as connection:
        for checkpoint in challenge.checkpoints:
            where = f"{challenge.path}: checkpoint {checkpoint.id}"
            try:
                rows = connection.execute(checkpoint.sql).fetchall()
            except sqlite3.Error as error:
                issues.append(f"{where}: the reference query fails: {error}")
                continue
            if checkpoint.type == "number" and not (
                    len(rows) == 1 and len(rows[0]) == 1 and
                    isinstance(rows[0][0], int | float)):
                issues.append(f"{where}: a number checkpoint's query must return one number")
            elif checkpoint.type == "query" and not rows:
                issues.append(f"{where}: the reference query returns no rows")
    return issues
