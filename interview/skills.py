"""Loads specialized-skill question files (problems/skills/<topic>.yaml) into models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interview.models import SKILL_TOPICS, McqOption, SkillQuestion, Variable
from interview.schema import FileChecker, build_file
from interview.yamlfile import FileProblem

TYPES = ("mcq", "numeric", "short")
DIFFICULTIES = ("easy", "medium", "hard")


def load_skill_file(path: Path) -> list[SkillQuestion]:
    """Every question in one file; raises FileProblem for the first issue found."""
    checked = check_skill_file(path)
    if checked and isinstance(checked[0], FileProblem):
        raise checked[0]
    return checked  # type: ignore[return-value]


def check_skill_file(path: Path) -> list[SkillQuestion] | list[FileProblem]:
    """The questions of a file, or every schema issue in it."""
    questions, issues = build_file(path, lambda checker, data: checker.build(data),
                                   _SkillChecker)
    return issues or questions  # type: ignore[return-value]


def load_skills(root: Path) -> tuple[list[SkillQuestion], list[FileProblem]]:
    questions: list[SkillQuestion] = []
    errors: list[FileProblem] = []
    seen: dict[str, Path] = {}
    for path in sorted(root.glob("skills/*.yaml")):
        try:
            loaded = load_skill_file(path)
        except FileProblem as error:
            errors.append(error)
            continue
        for question in loaded:
            if question.id in seen:
                errors.append(FileProblem(path, f"duplicate question id {question.id!r} "
                                                f"(also in {seen[question.id].name})"))
                continue
            seen[question.id] = path
            questions.append(question)
    return questions, errors


class _SkillChecker(FileChecker):
    def build(self, data: Any) -> list[SkillQuestion]:
        if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
            self.issue((), "expected 'topic' and a list of 'questions' at the top")
            return []
        topic = data.get("topic")
        if topic not in SKILL_TOPICS:
            self.issue(("topic",), f"topic must be one of {', '.join(SKILL_TOPICS)}")
            return []
        questions = []
        for index, entry in enumerate(data["questions"]):
            question = self.question(entry, topic, ("questions", index))
            if question is not None:
                questions.append(question)
        ids = [q.id for q in questions]
        for index, question_id in enumerate(ids):
            if question_id in ids[:index]:
                self.issue(("questions", index), f"duplicate id {question_id!r}")
        return questions

    def question(self, entry: Any, topic: str, where: tuple) -> SkillQuestion | None:
        if not isinstance(entry, dict):
            self.issue(where, "each question must be a mapping")
            return None
        before = len(self.issues)
        for key in ("id", "type", "difficulty", "question", "explanation"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                self.issue(where, f"missing or empty '{key}'")
        if len(self.issues) > before:
            return None
        if entry["type"] not in TYPES:
            self.issue(where + ("type",), f"type must be one of {', '.join(TYPES)}")
        if entry["difficulty"] not in DIFFICULTIES:
            self.issue(where + ("difficulty",), "difficulty must be easy, medium or hard")
        if len(self.issues) > before:
            return None
        prefix = SKILL_TOPICS[topic]
        if not entry["id"].startswith(prefix + "-"):
            self.issue(where + ("id",), f"ids in this topic start with '{prefix}-'")
        common = {"id": entry["id"], "topic": topic, "type": entry["type"],
                  "difficulty": entry["difficulty"], "question": entry["question"],
                  "explanation": entry["explanation"], "path": self.path,
                  "tags": entry.get("tags", []) or []}
        build = {"mcq": self.mcq, "numeric": self.numeric, "short": self.short}[entry["type"]]
        extra = build(entry, where)
        return None if len(self.issues) > before else SkillQuestion(**common, **extra)

    def mcq(self, entry: dict, where: tuple) -> dict:
        options = entry.get("options")
        if not isinstance(options, list) or len(options) < 2:
            self.issue(where, "an mcq needs at least two 'options'")
            return {}
        parsed = []
        for index, option in enumerate(options):
            if not isinstance(option, dict) or not isinstance(option.get("text"), str):
                self.issue(where + ("options", index), "each option is {text: ..., correct: true?}")
                return {}
            parsed.append(McqOption(option["text"], bool(option.get("correct", False))))
        if not any(option.correct for option in parsed):
            self.issue(where + ("options",), "mark at least one option 'correct: true'")
        if len({option.text for option in parsed}) != len(parsed):
            self.issue(where + ("options",), "two options have the same text")
        return {"options": parsed}

    def numeric(self, entry: dict, where: tuple) -> dict:
        compute = entry.get("compute")
        if not isinstance(compute, str) or "def answer" not in compute:
            self.issue(where, "a numeric question needs 'compute' source defining answer(...)")
            return {}
        variables = self.variables(entry.get("variables") or {}, where)
        answer = entry.get("answer")
        if not variables and not isinstance(answer, int | float):
            self.issue(where, "a fixed numeric question states its 'answer' (checked against "
                              "compute)")
        if variables and answer is not None:
            self.issue(where + ("answer",), "a template's answer changes with its variables; "
                                            "leave 'answer' out")
        tolerance, relative = self.tolerance(entry.get("tolerance", 1e-6), where)
        return {"compute": compute, "answer": answer if not variables else None,
                "variables": variables, "tolerance": tolerance, "relative": relative,
                "unit": str(entry.get("unit", "") or "")}

    def tolerance(self, spec: Any, where: tuple) -> tuple[float, bool]:
        if isinstance(spec, int | float) and spec >= 0:
            return float(spec), False
        if isinstance(spec, dict) and len(spec) == 1:
            (kind, value), = spec.items()
            if kind in ("absolute", "relative") and isinstance(value, int | float) and value >= 0:
                return float(value), kind == "relative"
        self.issue(where + ("tolerance",), "tolerance is a number (absolute) or "
                                           "{relative: 0.01} / {absolute: 0.01}")
        return 1e-6, False

    def variables(self, spec: Any, where: tuple) -> list[Variable]:
        if not isinstance(spec, dict):
            self.issue(where + ("variables",), "variables is a mapping of name to range")
            return []
        variables = []
        for name, rule in spec.items():
            variable = self.variable(str(name), rule)
            if variable is None:
                self.issue(where + ("variables", name),
                           f"variable {name}: use {{int: [low, high]}}, "
                           "{float: [low, high], digits: 2} or {choice: [...]}")
            else:
                variables.append(variable)
        return variables

    def variable(self, name: str, rule: Any) -> Variable | None:
        if not name.isidentifier() or not isinstance(rule, dict):
            return None
        if "choice" in rule and isinstance(rule["choice"], list) and rule["choice"]:
            return Variable(name, choices=list(rule["choice"]))
        for kind in ("int", "float"):
            bounds = rule.get(kind)
            if isinstance(bounds, list) and len(bounds) == 2 and \
                    all(isinstance(b, int | float) for b in bounds) and bounds[0] <= bounds[1]:
                return Variable(name, float(bounds[0]), float(bounds[1]), integer=kind == "int",
                                digits=int(rule.get("digits", 2)))
        return None

    def short(self, entry: dict, where: tuple) -> dict:
        points = entry.get("points")
        if not isinstance(points, list) or not 2 <= len(points) <= 4:
            self.issue(where, "a short answer lists 2-4 key 'points'")
            return {}
        return {"points": self.key_points(points, where + ("points",))}
