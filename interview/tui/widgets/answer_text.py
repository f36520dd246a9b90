"""The words of a skills round: progress, hints, verdicts, answers and the round summary.

Plain functions of the session that return text or Markdown, so the screen stays thin.
"""

from __future__ import annotations

from interview.engine.session import Session
from interview.engine.state import QuestionItem, RoundState

PLAIN_FEEDBACK = ("", "correct", "incorrect", "not answered")
"""Grader feedback the verdict already says."""


def type_label(session: Session, item: QuestionItem) -> str:
    if item.type == "mcq":
        return "select all that apply" if session.question(item).multiple else "single choice"
    return {"numeric": "numeric", "short": "short answer"}.get(item.type, item.type)


def progress_text(session: Session, item: QuestionItem) -> str:
    """'Question 3 of 15 · statistics · numeric'."""
    current = session.round
    total = len(current.items) if current else 0
    position = current.position + 1 if current else 0
    topic = session.question(item).topic
    return f"Question {position} of {total} · {topic} · {type_label(session, item)}"


def answer_hint(session: Session, item: QuestionItem) -> str:
    count = len(item.order)
    if item.type == "mcq" and session.question(item).multiple:
        return (f"Select all that apply: space or 1-{count} toggles an option, "
                "enter submits.")
    if item.type == "mcq":
        return f"Pick one: ↑↓ then space, or 1-{count}; enter submits the highlighted option."
    if item.type == "numeric":
        unit = session.question(item).unit
        where = f"Answer in {unit}" if unit else "Answer with a number"
        return f"{where}; 25%, 1/4 and 2.5e-1 all work. Enter submits."
    return "A few sentences. Your draft is saved as you type; ctrl+s submits."


def verdict(item: QuestionItem) -> str:
    grade = item.grade
    if grade is None or grade.get("feedback") == "not answered":
        return "— not answered"
    score = float(grade.get("score", 0.0))
    if score >= 0.999:
        return "✓ correct"
    if score > 0:
        return f"◐ partly right ({score:.0%})"
    return "✗ wrong"


def response_markdown(session: Session, item: QuestionItem) -> str:
    if item.grade is None or item.grade.get("feedback") == "not answered":
        return "*not answered*"
    if item.type == "mcq":
        shown = session.shown_options(item)
        picked = [f"{i + 1}. {shown[i]}" for i in item.response or ()]
        return "; ".join(picked) or "*nothing picked*"
    text = str(item.response or "").strip()
    if not text:
        return "*empty*"
    if item.type == "numeric":
        return text
    return "\n\n" + "\n".join(f"> {line}" for line in text.splitlines())


def expected_markdown(session: Session, item: QuestionItem) -> str:
    """The right answer as shown to this candidate; empty for short answers."""
    question = session.question(item)
    if item.type == "mcq":
        shown = session.shown_options(item)
        return "; ".join(f"{shown_at + 1}. {shown[shown_at]}"
                         for shown_at, index in enumerate(item.order)
                         if question.options[index].correct)
    if item.type == "numeric":
        value = item.expected if item.expected is not None else question.answer
        return f"{value:.6g} {question.unit}".strip() if value is not None else ""
    return ""


def answer_markdown(session: Session, item: QuestionItem, with_verdict: bool = True) -> str:
    """Verdict, the candidate's answer, the right one, key points and the explanation."""
    grade = item.grade or {}
    feedback = grade.get("feedback", "")
    said = f": {feedback}" if feedback not in PLAIN_FEEDBACK else ""
    lines = [f"**{verdict(item)}**{said}"] if with_verdict or said else []
    lines.append(f"**Your answer:** {response_markdown(session, item)}")
    expected = expected_markdown(session, item)
    if expected:
        lines.append(f"**Right answer:** {expected}")
    if grade.get("covered"):
        lines.append("**Covered:**\n\n" + "\n".join(f"- {p}" for p in grade["covered"]))
    if grade.get("missed"):
        lines.append("**Missed:**\n\n" + "\n".join(f"- {p}" for p in grade["missed"]))
    lines.append(f"**Explanation:** {session.explanation(item)}")
    return "\n\n".join(lines)


def feedback_markdown(session: Session, item: QuestionItem) -> str:
    return answer_markdown(session, item) + "\n\nPress **n** or **enter** for the next question."


def summary_title(current: RoundState | None) -> str:
    items = [i for i in (current.items if current else []) if isinstance(i, QuestionItem)]
    right = sum(verdict(i) == "✓ correct" for i in items)
    return f"Round summary · {right} of {len(items)} right"


def summary_markdown(session: Session, current: RoundState | None) -> str:
    """Every question of the round with the answer given, right or wrong, and why."""
    items = [i for i in (current.items if current else []) if isinstance(i, QuestionItem)]
    score = f" · score {current.score:.0%}" if current and current.score is not None else ""
    ended = " (time ran out)" if current and current.ended_by == "time" else ""
    parts = [f"## {summary_title(current)}{score}{ended}"]
    for number, item in enumerate(items, 1):
        topic = session.question(item).topic
        parts.append(f"### {number}. {topic} · {type_label(session, item)} · {verdict(item)}\n\n"
                     f"{session.question_text(item)}\n\n"
                     f"{answer_markdown(session, item, with_verdict=False)}")
    parts.append("Press **c** or **enter** to continue.")
    return "\n\n---\n\n".join(parts)
