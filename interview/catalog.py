"""Everything the app can ask: coding problems, skill questions, design prompts and data
challenges, loaded together; files that fail to load are collected with their reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interview.bank import bank_root, load_bank
from interview.design import load_data_challenge, load_design_prompt, load_rubric
from interview.models import CodingProblem, DataChallenge, DesignPrompt, Dimension, SkillQuestion
from interview.skills import load_skills
from interview.yamlfile import FileProblem


@dataclass
class Catalog:
    """The loaded bank, by kind and id."""

    coding: dict[str, CodingProblem] = field(default_factory=dict)
    questions: dict[str, SkillQuestion] = field(default_factory=dict)
    design: dict[str, DesignPrompt] = field(default_factory=dict)
    data: dict[str, DataChallenge] = field(default_factory=dict)
    rubric: list[Dimension] = field(default_factory=list)
    errors: list[FileProblem] = field(default_factory=list)

    def item(self, item_id: str) -> Any | None:
        """The problem, question, prompt or challenge with this id, if the bank has it."""
        for kind in (self.coding, self.questions, self.design, self.data):
            if item_id in kind:
                return kind[item_id]
        return None

    @property
    def empty(self) -> bool:
        return not (self.coding or self.questions or self.design or self.data)


def load_catalog(root: Path | None = None) -> Catalog:
    """Load the whole bank under root (default: the built-in one); never raises for bad files."""
    root = root or bank_root()
    bank = load_bank(root)
    questions, skill_errors = load_skills(root)
    catalog = Catalog(coding=bank.coding, questions={q.id: q for q in questions},
                      errors=[*bank.errors, *skill_errors])
    _load_folder(root / "design", load_design_prompt, catalog.design, catalog.errors)
    _load_folder(root / "data", load_data_challenge, catalog.data, catalog.errors)
    rubric_path = root / "design" / "rubric.yaml"
    if rubric_path.is_file():
        try:
            catalog.rubric = load_rubric(rubric_path)
        except FileProblem as error:
            catalog.errors.append(error)
    return catalog


def _load_folder(folder: Path, load: Any, into: dict[str, Any],
                 errors: list[FileProblem]) -> None:
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        if path.stem == "rubric":
            continue
        try:
            item = load(path)
        except FileProblem as error:
            errors.append(error)
            continue
        into[item.id] = item
