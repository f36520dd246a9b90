"""Expected values of generated tests, kept on disk between runs of `interview grade`.

A problem's generated tests get their expected values from running the reference solution,
which costs a sandbox run each time a fresh process grades. The values depend only on the
problem's text (reference, generators, tests), so they are stored under a hash of it. The file
holds plain JSON (`sandbox.plain` encoding), never pickle; a damaged or foreign file is ignored
and recomputed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from interview.models import CodingProblem, ProblemTest
from sandbox.plain import NotPlainData, ResultTooLarge, from_plain, to_plain

CACHE_VERSION = 1
MAX_CACHE_BYTES = 20_000_000


def cache_key(problem: CodingProblem, tests: list[ProblemTest]) -> str:
    """A hash of everything the reference outputs depend on."""
    described = json.dumps({
        "version": CACHE_VERSION, "entry_point": problem.entry_point,
        "reference": problem.reference, "generators": problem.generators,
        "tests": [[t.name, t.args, t.calls, t.generate] for t in tests]},
        sort_keys=True, default=repr)
    return hashlib.sha256(described.encode()).hexdigest()


def load_outputs(folder: Path, key: str, count: int) -> list[Any] | None:
    """The stored outputs for this key, or None when there are none worth trusting."""
    path = folder / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        outputs = [from_plain(value) for value in data["outputs"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return outputs if data.get("key") == key and len(outputs) == count else None


def save_outputs(folder: Path, key: str, outputs: list[Any]) -> None:
    """Store outputs atomically; a full disk or an unencodable value just skips the cache."""
    try:
        text = json.dumps({"key": key, "outputs": [to_plain(value) for value in outputs]})
    except (NotPlainData, ResultTooLarge, ValueError):
        return
    if len(text) > MAX_CACHE_BYTES:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, folder / f"{key}.json")
    except OSError:
        return
