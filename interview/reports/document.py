"""A report laid out as neutral blocks (headings, paragraphs, tables, lists, notes).

Markdown, HTML and plain text all render these same blocks, so every format shows the same
facts in the same order; each renderer only decides how a block looks and how text is escaped.
All text here is raw (unescaped): escaping is the renderer's job.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from interview.reports.model import (
    CodingItemReport,
    DataItemReport,
    DesignItemReport,
    Report,
    RoundReport,
    SkillsReport,
)


@dataclass
class Heading:
    level: int
    """1 for the title, 2 for sections, 3 for rounds, 4 for items."""
    text: str


@dataclass
class Paragraph:
    text: str
    lead: str = ""
    """A bold label before the text ("Complexity:")."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class BulletList:
    items: list[str] = field(default_factory=list)


@dataclass
class Note:
    """A caveat the reader must not miss (incomplete session, interrupted round)."""

    text: str


Block = Heading | Paragraph | Table | BulletList | Note


def percent(score: float | None) -> str:
    return "—" if score is None else f"{round(score * 100)}%"


def duration(seconds: float) -> str:
    """mm:ss, the way the countdown shows time."""
    whole = max(0, int(round(seconds)))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def date(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


def report_blocks(report: Report) -> list[Block]:
    """The whole report, top to bottom."""
    blocks: list[Block] = [Heading(1, f"Session report: {report.loop_title} (#{report.session_id})"),
                           Paragraph(_byline(report))]
    blocks += [Note(note) for note in report.notes]
    blocks += summary_blocks(report) + advice_blocks(report)
    blocks.append(Heading(2, "Rounds"))
    for current in report.rounds:
        blocks += round_blocks(current)
    return blocks


def _byline(report: Report) -> str:
    state = "complete" if report.complete else "incomplete"
    return (f"{report.mode.capitalize()} mode · started {date(report.created_at)} · "
            f"status {report.status} · {state}")


def summary_blocks(report: Report) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Summary"), Table(
        ["Overall score", "Band", "Readiness"],
        [[percent(report.overall_score), report.band, report.readiness]])]
    if report.signals:
        blocks.append(Table(["Signal", "Level", "Evidence", "Based on"],
                            [[s.name, f"{s.level}/4 {s.label}", percent(s.score), s.evidence]
                             for s in report.signals]))
    else:
        blocks.append(Paragraph("No round produced evidence for any signal yet."))
    return blocks


def advice_blocks(report: Report) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Weakest areas and next steps")]
    if not report.weakest:
        return blocks + [Paragraph("No weak areas: every area scored strong.")]
    for area, step in zip(report.weakest, report.next_steps, strict=False):
        blocks.append(Paragraph(f"({area.kind}, {percent(area.score)}) {area.why}. {step.text}",
                                lead=area.area))
        if step.items:
            blocks.append(BulletList([f"{ref.item_id}: {ref.title}" +
                                      (" (seen before)" if ref.seen else " (new)")
                                      for ref in step.items]))
    return blocks


def round_blocks(current: RoundReport) -> list[Block]:
    score = "" if current.score is None else f": {percent(current.score)}"
    blocks: list[Block] = [Heading(3, f"{current.index + 1}. {current.title}{score}")]
    if current.status != "pending" and current.budget_seconds:
        blocks.append(Paragraph(_time_used(current), lead="Time:"))
    blocks += [Note(note) for note in current.notes]
    if current.status == "pending":
        return blocks
    for item in current.coding:
        blocks += coding_blocks(item)
    if current.skills is not None:
        blocks += skills_blocks(current.skills)
    for design in current.design:
        blocks += design_blocks(design)
    for data in current.data:
        blocks += data_blocks(data)
    return blocks


def _time_used(current: RoundReport) -> str:
    over = current.used_seconds - current.budget_seconds
    overtime = f" (over by {duration(over)})" if over >= 1 else ""
    ended = f" · ended: {current.ended_by}" if current.ended_by else ""
    return (f"{duration(current.used_seconds)} used of {duration(current.budget_seconds)}"
            f"{overtime}{ended}")


def coding_blocks(item: CodingItemReport) -> list[Block]:
    hidden = f"{item.hidden_passed}/{item.hidden_total}" if item.submitted else "not submitted"
    blocks: list[Block] = [
        Heading(4, f"{item.item_id}: {item.title}"),
        Table(["Hidden tests", "Examples", "Runs", "Submits", "Hints", "Score"],
              [[hidden, f"{item.examples_passed}/{item.examples_total}", str(item.runs),
                str(item.submits), f"{item.hints}/{item.hints_available}", percent(item.score)]])]
    if item.verdicts:
        blocks.append(Paragraph(", ".join(f"{verdict} {count}" for verdict, count in
                                          sorted(item.verdicts.items())), lead="Verdicts:"))
    if item.solution_viewed:
        blocks.append(Paragraph("the reference solution was viewed", lead="Note:"))
    if item.complexity:
        blocks.append(Paragraph(item.complexity, lead="Complexity:"))
    if item.time_notes:
        blocks.append(Paragraph("; ".join(item.time_notes), lead="Where the time went:"))
    if item.timeline:
        blocks.append(Table(["Time", "What happened"],
                            [[duration(entry.at), entry.text] for entry in item.timeline]))
    return blocks


def skills_blocks(skills: SkillsReport) -> list[Block]:
    blocks: list[Block] = [
        Paragraph(f"{skills.correct}/{skills.total} right, {skills.answered} answered",
                  lead="Accuracy:"),
        Table(["Topic", "Right", "Score"],
              [[t.topic, f"{t.correct}/{t.total}", percent(t.score)] for t in skills.topics])]
    if skills.misses:
        blocks.append(Heading(4, "Misses explained"))
    elif skills.total:
        blocks.append(Paragraph("Every answer was right."))
    for miss in skills.misses:
        blocks += [Paragraph(miss.question, lead=f"{miss.item_id} ({miss.topic})"),
                   BulletList([f"Your answer: {miss.response or '(none)'}",
                               f"Expected: {miss.expected or '—'}",
                               f"Why: {miss.explanation or '—'}"])]
    return blocks


def design_blocks(design: DesignItemReport) -> list[Block]:
    blocks: list[Block] = [Heading(4, f"{design.item_id}: {design.title}")]
    if not design.scored:
        return blocks + [Paragraph("This answer was not scored.")]
    blocks.append(Paragraph(f"{percent(design.fraction)}; {design.questions_asked} clarifying "
                            "question(s) asked", lead="Rubric score:"))
    blocks.append(Table(["Dimension", "Score", "Self-rating", "Missed key points", "Red flags"],
                        [[row.title, _of3(row.score), _of3(row.self_rating),
                          _some(row.missed), "; ".join(row.red_flags) or "—"]
                         for row in design.dimensions]))
    if design.calibration:
        blocks += [Paragraph("", lead="Calibration:"), BulletList(list(design.calibration))]
    if design.diagram_edges:
        blocks += [Paragraph("", lead="Diagram:"), BulletList(list(design.diagram_edges))]
    if design.transcript:
        blocks += [Paragraph("", lead="Interviewer transcript:"),
                   BulletList(list(design.transcript))]
    return blocks


def _some(points: list[str], shown: int = 3) -> str:
    """The first few points; the rest as a count, to keep table rows readable."""
    more = f" (+{len(points) - shown} more)" if len(points) > shown else ""
    return "; ".join(points[:shown]) + more or "—"


def _of3(value: int | None) -> str:
    return "—" if value is None else f"{value}/3"


def data_blocks(data: DataItemReport) -> list[Block]:
    blocks: list[Block] = [Heading(4, f"{data.item_id}: {data.title}"),
                           Paragraph(f"{data.correct}/{data.total} right", lead="Checkpoints:")]
    if data.conclusion_fraction is not None:
        blocks.append(Paragraph(percent(data.conclusion_fraction), lead="Conclusion:"))
    blocks.append(Table(["Checkpoint", "Result", "Your answer", "Feedback"],
                        [[row.checkpoint_id, _result(row.answered, row.correct),
                          row.answer or "—", row.feedback or "—"] for row in data.checkpoints]))
    return blocks


def _result(answered: bool, correct: bool) -> str:
    if not answered:
        return "not answered"
    return "right" if correct else "wrong"
