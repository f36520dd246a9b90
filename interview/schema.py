"""Shared pieces for checking bank files: issues with lines, and the recurring shapes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from interview.models import KeyPoint, RedFlag, RubricPart
from interview.yamlfile import FileProblem, line_of, load_yaml

T = TypeVar("T")


class FileChecker:
    """Collects every issue in one file, each with the line of the key it is about."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.issues: list[FileProblem] = []

    def issue(self, key_path: tuple[Any, ...], message: str) -> None:
        self.issues.append(FileProblem(self.path, message, line_of(self.text, key_path)))

    def text_field(self, data: dict, key: str, where: tuple = ()) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.issue(where + ((key,) if key in data else ()), f"missing or empty '{key}'")
            return ""
        return value

    def strings(self, data: dict, key: str, where: tuple = ()) -> list[str]:
        values = data.get(key, []) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self.issue(where + (key,), f"'{key}' must be a list of text items")
            return []
        return values

    def key_points(self, entries: Any, where: tuple) -> list[KeyPoint]:
        if not isinstance(entries, list):
            self.issue(where, "key points are a list of {point: ..., cues: [...]}")
            return []
        points = []
        for index, entry in enumerate(entries):
            cues = entry.get("cues") if isinstance(entry, dict) else None
            if not isinstance(entry, dict) or not isinstance(entry.get("point"), str) or \
                    not _cue_list(cues):
                self.issue(where + (index,), "each point is {point: ..., cues: [...]}")
                continue
            points.append(KeyPoint(entry["point"], cues))
        return points

    def red_flags(self, entries: Any, where: tuple) -> list[RedFlag]:
        if not isinstance(entries, list):
            self.issue(where, "red flags are a list of {flag: ..., cues: [...], when: ...}")
            return []
        flags = []
        for index, entry in enumerate(entries):
            cues = entry.get("cues") if isinstance(entry, dict) else None
            when = entry.get("when", "present") if isinstance(entry, dict) else None
            if not isinstance(entry, dict) or not isinstance(entry.get("flag"), str) or \
                    not _cue_list(cues) or when not in ("present", "absent"):
                self.issue(where + (index,), "each red flag is {flag: ..., cues: [...], "
                                             "when: present|absent}")
                continue
            flags.append(RedFlag(entry["flag"], cues, when))
        return flags

    def rubric_part(self, data: Any, where: tuple) -> RubricPart:
        if not isinstance(data, dict):
            self.issue(where, "expected key_points, red_flags and follow_ups")
            return RubricPart()
        return RubricPart(self.key_points(data.get("key_points", []), where + ("key_points",)),
                          self.red_flags(data.get("red_flags", []), where + ("red_flags",)),
                          self.strings(data, "follow_ups", where))


def _cue_list(cues: Any) -> bool:
    return isinstance(cues, list) and bool(cues) and all(
        isinstance(cue, str) and cue.strip() for cue in cues)


def build_file(path: Path, build: Callable[[Any, Any], T],
               checker_class: type[FileChecker] = FileChecker) -> tuple[T | None, list[FileProblem]]:
    """Parse a YAML file and build it with `build(checker, data)`: the result and every issue."""
    try:
        data, text = load_yaml(Path(path))
    except FileProblem as error:
        return None, [error]
    checker = checker_class(Path(path), text)
    result = build(checker, data)
    return result, checker.issues
