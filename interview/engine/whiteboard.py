"""The whiteboard rounds without a terminal: the design answer and its interviewer, data grading.

A design answer is one Markdown section per phase plus a diagram in the `interview.diagram`
notation, kept as JSON in the item's draft. The interviewer answers clarifying questions from
the prompt's canned clarifications, interrupts at phase changes (or every few minutes) with a
follow-up on the least-covered dimension, and scores the answer against the rubric at the end.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interview.diagram import diagram_summary, parse_diagram
from interview.engine.state import WrittenItem
from interview.grading.data_challenge import BrokenCheckpoint, CheckpointGrade, grade_checkpoint
from interview.grading.rubric import MAX_SCORE, coverage_by_dimension, score_design, score_part
from interview.models import DataChallenge, DesignPrompt, Dimension

INTERRUPT_EVERY_SECONDS = 8 * 60.0
"""Longest stretch without an interviewer follow-up once the first phase is over."""
MIN_INTERRUPT_GAP_SECONDS = 90.0
"""Shortest gap between two follow-ups, so a phase change right after one does not stack."""
FUZZY_RATIO = 0.8
"""How alike two words of 5+ letters must be to count as the same (typos in questions)."""
CHECKPOINT_SHARE = 0.6
"""Share of a data challenge's score from its checkpoints; the conclusion gives the rest."""
ASSUMPTION_REPLY = ("I'd assume whatever is typical for a product like this. State your "
                    "assumption out loud, write it down in your requirements, and move on.")

# -- the answer ---------------------------------------------------------------------------------


@dataclass
class DesignAnswer:
    """What the candidate wrote: one Markdown section per phase, and the diagram notation."""

    sections: dict[str, str] = field(default_factory=dict)
    """Phase name -> the text written in that phase's section."""
    diagram: str = ""

    def to_json(self) -> str:
        return json.dumps({"sections": self.sections, "diagram": self.diagram},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None, phases: dict[str, int]) -> DesignAnswer:
        """The saved draft, with a section for every phase; a plain-text draft (from the
        simple written screen) becomes the first phase's section."""
        sections = {name: "" for name in phases}
        diagram = ""
        try:
            data = json.loads(text) if text else {}
        except json.JSONDecodeError:
            data = None
        if isinstance(data, dict):
            sections.update({str(k): str(v) for k, v in data.get("sections", {}).items()})
            diagram = str(data.get("diagram", ""))
        elif text and phases:
            sections[next(iter(phases))] = text
        return cls(sections, diagram)

    def text(self) -> str:
        """The whole answer as Markdown, one heading per non-empty section (what is scored)."""
        parts = [f"## {name}\n\n{body.strip()}" for name, body in self.sections.items()
                 if body.strip()]
        return "\n\n".join(parts)


# -- clarifying questions --------------------------------------------------------------------

WORD = re.compile(r"[a-z0-9]+")


def _word_forms(text: str) -> list[str]:
    words = WORD.findall(text.lower())
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in words]


def _same(cue_word: str, word: str) -> bool:
    if cue_word == word:
        return True
    return len(cue_word) >= 5 and len(word) >= 5 and cue_word[0] == word[0] and \
        difflib.SequenceMatcher(None, cue_word, word).ratio() >= FUZZY_RATIO


def _cue_matches(cue: str, question_words: list[str]) -> int:
    """How many words the cue has, if every one of them is in the question (else 0)."""
    cue_words = _word_forms(cue)
    if cue_words and all(any(_same(c, w) for w in question_words) for c in cue_words):
        return len(cue_words)
    return 0


def answer_clarifying_question(prompt: DesignPrompt, text: str) -> tuple[str | None, str]:
    """The canned answer whose cue best matches the question (most cue words), with what it
    is about; unmatched questions get a reply asking the candidate to state an assumption."""
    question_words = _word_forms(text)
    best, best_size = None, 0
    for clarification in prompt.clarifications:
        size = max((_cue_matches(cue, question_words) for cue in
                    [*clarification.cues, clarification.asks]), default=0)
        if size > best_size:
            best, best_size = clarification, size
    if best is None:
        return None, ASSUMPTION_REPLY
    return best.asks, best.answer


# -- phases, follow-ups and interruptions ------------------------------------------------------


@dataclass(frozen=True)
class PhaseClock:
    """Where the round is in its phase plan."""

    name: str
    index: int
    elapsed_seconds: float
    """Seconds spent in this phase so far (the last phase keeps counting into overtime)."""
    budget_seconds: float


def current_phase(phases: dict[str, int], used_seconds: float) -> PhaseClock:
    """The phase the plan says the candidate should be in after `used_seconds`."""
    start = 0.0
    names = list(phases)
    for index, name in enumerate(names):
        budget = phases[name] * 60.0
        if used_seconds < start + budget or index == len(names) - 1:
            return PhaseClock(name, index, max(0.0, used_seconds - start), budget)
        start += budget
    return PhaseClock("", 0, used_seconds, 0.0)


def interruption_due(phase_elapsed: float, phases: dict[str, int], used_seconds: float,
                     last_interrupt_at: float | None,
                     every_seconds: float = INTERRUPT_EVERY_SECONDS) -> bool:
    """Whether the interviewer should cut in now: a phase has ended since the last follow-up,
    or `every_seconds` have passed. Never during the first phase, nor right after a follow-up."""
    first_phase = next(iter(phases.values()), 0) * 60.0
    if used_seconds < first_phase:
        return False
    since = used_seconds - (last_interrupt_at or 0.0)
    if since < MIN_INTERRUPT_GAP_SECONDS:
        return False
    return phase_elapsed < since or since >= every_seconds


def next_follow_up(prompt: DesignPrompt, rubric: list[Dimension], answer_text: str,
                   asked: set[str], phase: str) -> tuple[str, str] | None:
    """A question not yet asked on the least-covered dimension reached so far (phases up to
    and including `phase`); the prompt's own follow-ups come before the generic ones."""
    coverage = coverage_by_dimension(answer_text, prompt, rubric)
    order = {dimension.id: i for i, dimension in enumerate(rubric)}
    reached = _reached_dimensions(prompt, rubric, phase)
    for dimension in sorted(reached, key=lambda d: (coverage.get(d.id, 0.0), order[d.id])):
        specific = prompt.rubric.get(dimension.id)
        questions = [*(specific.follow_ups if specific else []), *dimension.generic.follow_ups]
        for question in questions:
            if question not in asked:
                return dimension.id, question
    return None


def _reached_dimensions(prompt: DesignPrompt, rubric: list[Dimension],
                        phase: str) -> list[Dimension]:
    names = list(prompt.phases)
    if phase not in names:
        return list(rubric)
    reached = set(names[:names.index(phase) + 1])
    return [d for d in rubric if d.id in reached or d.id not in names]


# -- the transcript ------------------------------------------------------------------------------


def record_exchange(item: WrittenItem, kind: str, question: str, answer: str = "",
                    at: float = 0.0, **detail: Any) -> dict[str, Any]:
    """Append one exchange (clarification, follow-up) to the item's transcript and return it."""
    entry = {"kind": kind, "at": round(at, 1), "question": question, "answer": answer, **detail}
    item.transcript.append(entry)
    return entry


def record_follow_up(item: WrittenItem, dimension_id: str, question: str, phase: str,
                     at: float, answer: DesignAnswer) -> dict[str, Any]:
    """A follow-up asked while `phase`'s section held what it holds now: what is typed after
    it in that section is its answer (filled in by `finish_design`)."""
    return record_exchange(item, "follow-up", question, "", at, dimension=dimension_id,
                           phase=phase, offset=len(answer.sections.get(phase, "")))


def asked_questions(item: WrittenItem) -> set[str]:
    return {entry["question"] for entry in item.transcript if entry.get("kind") == "follow-up"}


def last_interrupt_at(item: WrittenItem) -> float | None:
    times = [entry["at"] for entry in item.transcript if entry.get("kind") == "follow-up"]
    return max(times) if times else None


def _fill_follow_up_answers(item: WrittenItem, answer: DesignAnswer) -> None:
    """Each follow-up's answer: its section's text from where it was asked to the next one."""
    follow_ups = [e for e in item.transcript if e.get("kind") == "follow-up"]
    for entry in follow_ups:
        section = answer.sections.get(entry.get("phase", ""), "")
        later = [e["offset"] for e in follow_ups
                 if e.get("phase") == entry.get("phase") and e["offset"] > entry["offset"]]
        end = min(later) if later else len(section)
        entry["answer"] = section[entry["offset"]:end].strip()


# -- finishing ---------------------------------------------------------------------------------


def finish_design(item: WrittenItem, prompt: DesignPrompt, rubric: list[Dimension],
                  answer: DesignAnswer, self_rating: dict[str, int]) -> dict[str, Any]:
    """Score the answer into `item.score` (the DesignScore dict, `fraction` = overall/3, the
    self-rating beside each score and the diagram summary) and fill the follow-up answers."""
    score = score_design(answer.text(), prompt, rubric)
    result = score.as_dict()
    result["fraction"] = round(score.overall / MAX_SCORE, 4)
    result["self_rating"] = [
        {"id": d.dimension_id, "title": d.title, "self": self_rating.get(d.dimension_id),
         "score": d.score,
         "gap": None if d.dimension_id not in self_rating else
         self_rating[d.dimension_id] - d.score}
        for d in score.dimensions]
    result["diagram"] = diagram_summary(parse_diagram(answer.diagram)) if answer.diagram.strip() \
        else ""
    item.self_rating = dict(self_rating)
    _fill_follow_up_answers(item, answer)
    item.score = result
    return result


def design_feedback_markdown(score: dict[str, Any], model_answer: str = "") -> str:
    """The feedback after a design round: what each dimension covered (with the sentence),
    missed and flagged, then the model outline."""
    lines = [f"## Overall {score['overall']:.2f}/{score['max']} ({score['percent']:g}%)", ""]
    for dimension in score["dimensions"]:
        lines += [f"### {dimension['code']} {dimension['title']}: "
                  f"{dimension['score']}/{dimension['max']}", ""]
        lines += [f"- ✓ **{c['point']}**: “{c['sentence']}”" for c in dimension["covered"]]
        lines += [f"- ✗ {point}" + (" _(named, never explained)_"
                                    if point in dimension["mentioned"] else "")
                  for point in dimension["missed"]]
        lines += [f"- ⚠ **{flag['flag']}**" + (f": “{flag['sentence']}”" if flag["sentence"]
                                               else " (never addressed)")
                  for flag in dimension["red_flags"]]
        lines.append("")
    if score.get("diagram"):
        lines += ["## Your diagram", "", score["diagram"], ""]
    if model_answer:
        lines += ["## Model outline", "", model_answer]
    return "\n".join(lines)


# -- data challenges -----------------------------------------------------------------------------


@dataclass
class DataDraft:
    """What the candidate has in a data round: the console's SQL, checkpoint answers, conclusion."""

    sql: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    conclusion: str = ""

    def to_json(self) -> str:
        return json.dumps({"sql": self.sql, "answers": self.answers,
                           "conclusion": self.conclusion}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> DataDraft:
        try:
            data = json.loads(text) if text else {}
        except json.JSONDecodeError:
            data = None
        if not isinstance(data, dict):
            return cls(conclusion=text or "")
        return cls(str(data.get("sql", "")), {str(k): str(v) for k, v in
                                               data.get("answers", {}).items()},
                   str(data.get("conclusion", "")))


@dataclass(frozen=True)
class DataGrade:
    """Every checkpoint graded and the conclusion scored (computed off the UI thread)."""

    checkpoints: dict[str, dict[str, Any]]
    conclusion: dict[str, Any]
    fraction: float


def grade_data(challenge: DataChallenge, answers: dict[str, str], conclusion: str,
               dataset: Path | None = None, seconds: float = 3.0) -> DataGrade:
    """Grade each checkpoint answer on the dataset and the conclusion against its rubric part."""
    graded = {cp.id: _grade_one(cp, answers.get(cp.id, ""), dataset or challenge.dataset,
                                seconds) for cp in challenge.checkpoints}
    counted = [g for g in graded.values() if not g.get("broken")]
    checkpoint_share = sum(g["correct"] for g in counted) / len(counted) if counted else 0.0
    part = score_part(conclusion, challenge.conclusion).as_dict()
    fraction = CHECKPOINT_SHARE * checkpoint_share + \
        (1 - CHECKPOINT_SHARE) * part["score"] / MAX_SCORE
    return DataGrade(graded, part, round(fraction, 4))


def _grade_one(checkpoint: Any, answer: str, dataset: Path, seconds: float) -> dict[str, Any]:
    if not answer.strip():
        return {"answer": "", "correct": False, "feedback": "not answered", "expected": ""}
    try:
        grade: CheckpointGrade = grade_checkpoint(checkpoint, answer, dataset, seconds)
    except BrokenCheckpoint as error:
        return {"answer": answer, "correct": False, "broken": True,
                "feedback": f"this checkpoint could not be checked: {error}", "expected": ""}
    return {"answer": answer, "correct": grade.correct, "feedback": grade.feedback,
            "expected": grade.expected}


def record_data_grade(item: WrittenItem, grade: DataGrade) -> dict[str, Any]:
    """Store a data grade in the item: checkpoints, conclusion score and `fraction`."""
    item.checkpoints = dict(grade.checkpoints)
    correct = sum(g["correct"] for g in grade.checkpoints.values())
    item.score = {"checkpoints_correct": correct, "checkpoints_total": len(grade.checkpoints),
                  "conclusion": grade.conclusion, "fraction": grade.fraction}
    return item.score


def data_feedback_markdown(challenge: DataChallenge, item: WrittenItem) -> str:
    """The feedback after a data round: each checkpoint's verdict, the conclusion's points."""
    score = item.score or {}
    lines = [f"## Score {100 * score.get('fraction', 0.0):.0f}%", "",
             f"Checkpoints: {score.get('checkpoints_correct', 0)}/"
             f"{score.get('checkpoints_total', 0)} correct", ""]
    for checkpoint in challenge.checkpoints:
        graded = item.checkpoints.get(checkpoint.id, {})
        mark = "✓" if graded.get("correct") else "✗"
        expected = f" (expected {graded['expected']})" if graded.get("expected") and \
            not graded.get("correct") else ""
        lines.append(f"- {mark} **{checkpoint.id}**: {graded.get('feedback', '')}{expected}")
    conclusion = score.get("conclusion", {})
    lines += ["", f"### Conclusion: {conclusion.get('score', 0)}/{MAX_SCORE}", ""]
    lines += [f"- ✓ **{c['point']}**: “{c['sentence']}”" for c in conclusion.get("covered", [])]
    lines += [f"- ✗ {point}" for point in conclusion.get("missed", [])]
    lines += [f"- ⚠ **{f['flag']}**" + (f": “{f['sentence']}”" if f["sentence"] else "")
              for f in conclusion.get("red_flags", [])]
    if challenge.model_answer:
        lines += ["", "## Model answer", "", challenge.model_answer]
    return "\n".join(lines)
