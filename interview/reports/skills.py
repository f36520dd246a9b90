"""A skills round's report: accuracy by topic, and each miss with its explanation."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from interview.catalog import Catalog
from interview.engine.state import QuestionItem
from interview.grading.quiz import format_number
from interview.models import SkillQuestion
from interview.reports.model import Miss, SkillsReport, TopicScore
from interview.templates import fill

CORRECT = 0.999
"""A score at or above this counts as right (the same line as `AnswerGrade.correct`)."""


def skills_report(items: list[QuestionItem], catalog: Catalog,
                  finished: bool = True) -> SkillsReport:
    """Summarise the questions of one round; questions gone from the bank count as 'unknown'.

    In a finished round an unanswered question is a miss (the engine scored it 0); in an
    interrupted one it was maybe never reached, so only answered questions count.
    """
    counted = items if finished else [item for item in items if item.answered]
    return SkillsReport(
        answered=sum(item.answered and _grade(item).get("feedback") != "not answered"
                     for item in items),
        correct=sum(score_of(item) >= CORRECT for item in counted), total=len(counted),
        topics=topic_scores([(topic_of(item, catalog), score_of(item)) for item in counted]),
        misses=[miss(item, catalog) for item in counted if score_of(item) < CORRECT])


def score_of(item: QuestionItem) -> float:
    return float(_grade(item).get("score", 0.0))


def _grade(item: QuestionItem) -> dict[str, Any]:
    return item.grade or {}


def topic_of(item: QuestionItem, catalog: Catalog) -> str:
    question = catalog.questions.get(item.item_id)
    return question.topic if question else "unknown"


def topic_scores(scored: list[tuple[str, float]]) -> list[TopicScore]:
    """Accuracy per topic, the weakest first (ties by name) so tables lead with what matters."""
    by_topic: dict[str, list[float]] = defaultdict(list)
    for topic, score in scored:
        by_topic[topic].append(score)
    rows = [TopicScore(topic, sum(s >= CORRECT for s in scores), len(scores),
                       round(sum(scores) / len(scores), 4))
            for topic, scores in by_topic.items()]
    return sorted(rows, key=lambda row: (row.score, row.topic))


def miss(item: QuestionItem, catalog: Catalog) -> Miss:
    """A question not fully right, as it was shown, with the answer and the explanation."""
    question = catalog.questions.get(item.item_id)
    grade = _grade(item)
    if question is None:
        return Miss(item.item_id, "unknown", "(this question is no longer in the bank)",
                    response_text(item, None), "", "", str(grade.get("feedback", "")),
                    score_of(item))
    answer = {**item.values, "answer": item.expected}
    return Miss(item.item_id, question.topic,
                plain(fill(question.question, item.values)), response_text(item, question),
                expected_text(item, question), plain(fill(question.explanation, answer)),
                str(grade.get("feedback", "")), score_of(item))


INLINE_MARKUP = re.compile(r"\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|`([^`]+)`")


def plain(bank_text: str) -> str:
    """Bank text without its inline Markdown (bold, italics, code): every export format
    escapes what it shows, so the markup would otherwise appear as literal asterisks."""
    return INLINE_MARKUP.sub(lambda m: next(g for g in m.groups() if g is not None),
                             bank_text).strip()


def response_text(item: QuestionItem, question: SkillQuestion | None) -> str:
    """What the candidate answered: chosen option texts for multiple choice, else the text."""
    if item.response is None:
        return ""
    if item.type == "mcq" and question is not None and isinstance(item.response, list):
        shown = [question.options[i].text for i in item.order]
        return "; ".join(shown[i] for i in item.response if 0 <= i < len(shown))
    return str(item.response)


def expected_text(item: QuestionItem, question: SkillQuestion) -> str:
    """The right answer in short: the correct options, the number, or the points missed."""
    if question.type == "mcq":
        return "; ".join(option.text for option in question.options if option.correct)
    if question.type == "numeric":
        value = item.expected if item.expected is not None else question.answer
        unit = f" {question.unit}" if question.unit and question.unit != "%" else question.unit
        return f"{format_number(value)}{unit}" if value is not None else ""
    missed = _grade(item).get("missed") or [point.point for point in question.points]
    return "should cover: " + "; ".join(str(point) for point in missed)
