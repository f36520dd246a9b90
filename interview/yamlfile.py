"""Reading YAML files so that every failure names the file and the line.

Parsing uses PyYAML's C loader when it is available (several times faster on the bank); the
slower pure-Python composer runs only on the error path, to find the line of a bad key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class FileProblem(Exception):
    """A file that cannot be used, with where and why: `path:line: message`."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


def read_text(path: Path) -> str:
    """The file's text as UTF-8, or a FileProblem naming the line of the first bad byte."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a directory, not a file") from None
    except OSError as error:
        raise FileProblem(path, f"cannot be read ({error.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileProblem(path, "is not valid UTF-8 (save it as UTF-8)", line) from None


def load_yaml(path: Path) -> tuple[Any, str]:
    """Parse a YAML file; returns the data and the text (kept for locating keys later)."""
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_Loader), text  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise FileProblem(path, f"invalid YAML: {error.problem or error}", line) from None
    except yaml.YAMLError as error:
        raise FileProblem(path, f"invalid YAML: {error}") from None


def line_of(text: str, key_path: tuple[Any, ...]) -> int | None:
    """The 1-based line where `key_path` (keys and list indices) starts, if it can be found."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node else None
    for key in key_path:
        node = _child(node, key)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _child(node: Any, key: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None
