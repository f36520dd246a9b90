"""The ML system-design round: phases with budgets, a section per phase, a diagram, an interviewer.

F2-F5 switch the main pane (prompt, section, diagram, transcript), so it works at 80x24; wide
terminals show the prompt, the section and the diagram side by side. The phase list on the left
picks which section the editor shows. The interviewer answers typed
clarifying questions and cuts in with follow-ups; the engine (`engine.whiteboard`) decides what.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Input,
    Markdown,
    OptionList,
    Static,
    TextArea,
)

from interview.engine.session import ROUND_EXPIRED, Session
from interview.engine.state import WrittenItem
from interview.engine.timer import format_clock
from interview.engine.whiteboard import (
    DesignAnswer,
    answer_clarifying_question,
    asked_questions,
    current_phase,
    design_feedback_markdown,
    finish_design,
    interruption_due,
    last_interrupt_at,
    next_follow_up,
    record_exchange,
    record_follow_up,
)
from interview.models import DesignPrompt
from interview.tui.debounce import Debounce
from interview.tui.messages import RoundEnded, TimeExpired
from interview.tui.widgets.countdown import CountdownView
from interview.tui.widgets.diagram_view import DiagramView
from interview.tui.widgets.self_rating import SelfRatingModal

DRAFT_DEBOUNCE_SECONDS = 1.0
WIDE_COLUMNS = 150
"""From this width the prompt, the section and the diagram are shown side by side."""
PHASE_TICK_SECONDS = 1.0
"""How often the phase list is refreshed and the interviewer considers a follow-up."""


class DesignScreen(Screen[None]):
    """One design prompt, answered phase by phase, then self-rated and scored."""

    DEFAULT_CSS = """
    DesignScreen #wb-top { height: 1; background: $boost; }
    DesignScreen #wb-title { width: 1fr; padding: 0 1; }
    DesignScreen #wb-body { height: 1fr; }
    DesignScreen #phases { width: 28; height: 1fr; border: none; border-right: solid $primary; }
    DesignScreen #wb-panes { width: 1fr; }
    DesignScreen .wb-pane { display: none; width: 1fr; height: 1fr; }
    DesignScreen .wb-pane.-current { display: block; }
    DesignScreen.-wide #prompt-pane, DesignScreen.-wide #section-pane,
    DesignScreen.-wide #diagram-pane { display: block; }
    DesignScreen.-wide #prompt-pane { border-right: solid $primary; }
    DesignScreen.-wide #diagram-pane { border-left: solid $primary; }
    DesignScreen.-wide.-transcript #prompt-pane { display: none; }
    DesignScreen #section-label { height: 1; padding: 0 1; background: $boost; }
    DesignScreen #section { height: 1fr; border: none; }
    DesignScreen #prompt-pane, DesignScreen #transcript-pane { padding: 0 1; }
    DesignScreen #wb-reply { height: auto; max-height: 4; padding: 0 1; color: $text-accent; }
    DesignScreen #ask { height: 3; }
    """
    BINDINGS = [
        Binding("f2", "show('prompt-pane')", "Prompt"),
        Binding("f3", "show('section-pane')", "Section"),
        Binding("f4", "show('diagram-pane')", "Diagram"),
        Binding("f5", "show('transcript-pane')", "Transcript"),
        Binding("f8", "focus_ask", "Ask"),
        Binding("ctrl+n", "finish", "Finish round"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        item = session.item
        assert isinstance(item, WrittenItem)
        self.item: WrittenItem = item
        self.prompt: DesignPrompt = session.catalog.design[item.item_id]
        self.answer = DesignAnswer.from_json(session.draft(), self.prompt.phases)
        self.phase = next(iter(self.prompt.phases), "")
        self._drafts = Debounce(self, DRAFT_DEBOUNCE_SECONDS, self.save_draft)
        self._finishing = False

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        practice = self.session.practice
        with Horizontal(id="wb-top"):
            yield Static(f"[b]{self.prompt.title}[/b]", id="wb-title")
            yield CountdownView(lambda: self.session.round_clock,
                                "used" if practice else "left", count_up=practice)
        with Horizontal(id="wb-body"):
            yield OptionList(*self._phase_labels(), id="phases")
            with Horizontal(id="wb-panes"):
                with VerticalScroll(id="prompt-pane", classes="wb-pane"):
                    yield Markdown(f"# {self.prompt.title}\n\n{self.prompt.prompt}")
                with Vertical(id="section-pane", classes="wb-pane"):
                    yield Static("", id="section-label")
                    yield TextArea(self.answer.sections.get(self.phase, ""), id="section",
                                   language="markdown", soft_wrap=True)
                yield DiagramView(self.answer.diagram, id="diagram-pane", classes="wb-pane")
                with VerticalScroll(id="transcript-pane", classes="wb-pane"):
                    yield Markdown(self._transcript_markdown(), id="transcript")
        yield Static("", id="wb-reply", markup=False)
        yield Input(placeholder="Ask the interviewer a clarifying question (enter)", id="ask")
        yield Footer(compact=True)

    def _first_pane(self) -> str:
        """A fresh round opens on the prompt (read it first); a resumed one on the answer."""
        blank = not self.answer.diagram.strip() and not any(
            text.strip() for text in self.answer.sections.values())
        return "prompt-pane" if blank else "section-pane"

    def show_pane(self, pane: str) -> None:
        """Narrow terminals show this pane alone; wide ones only swap the prompt for the
        transcript when that is asked for."""
        for widget in self.query(".wb-pane"):
            widget.set_class(widget.id == pane, "-current")
        self.set_class(pane == "transcript-pane", "-transcript")

    def on_resize(self) -> None:
        self.set_class(self.app.size.width >= WIDE_COLUMNS, "-wide")

    def on_mount(self) -> None:
        self.on_resize()
        self.show_pane(self._first_pane())
        self.refresh_phases()
        first = self._first_pane()
        self.query_one("#prompt-pane" if first == "prompt-pane" else "#section").focus()
        if first == "prompt-pane":
            self.query_one("#wb-reply", Static).update(
                "Read the prompt, then F3 writes the current phase's section, F4 draws the "
                "diagram and F8 asks the interviewer.")
        self.set_interval(PHASE_TICK_SECONDS, self.refresh_phases)

    def action_show(self, pane: str) -> None:
        self.show_pane(pane)
        focus = {"section-pane": "#section", "diagram-pane": "#diagram-text"}.get(pane)
        if focus:
            self.query_one(focus).focus()

    def action_focus_ask(self) -> None:
        self.query_one("#ask", Input).focus()

    # -- phases ------------------------------------------------------------------------------

    def _phase_labels(self) -> list[str]:
        used = self.session.round_clock.used
        now = current_phase(self.prompt.phases, used)
        labels, start = [], 0.0
        for index, (name, minutes) in enumerate(self.prompt.phases.items()):
            spent = min(max(0.0, used - start), minutes * 60.0) if index < now.index else \
                now.elapsed_seconds if index == now.index else 0.0
            mark = "▶" if index == now.index else " "
            filled = "•" if self.answer.sections.get(name, "").strip() else " "
            labels.append(f"{mark}{filled}{name[:13]:<13} {format_clock(spent)}/{minutes}m")
            start += minutes * 60.0
        return labels

    def refresh_phases(self) -> None:
        """Update the phase list's clocks, then let the interviewer cut in if it is time."""
        phases = self.query_one("#phases", OptionList)
        for index, label in enumerate(self._phase_labels()):
            phases.replace_option_prompt_at_index(index, label)
        now = current_phase(self.prompt.phases, self.session.round_clock.used)
        self.query_one("#section-label", Static).update(
            f"[b]{self.phase}[/b] section · plan: {now.name} "
            f"{format_clock(now.elapsed_seconds)}/{format_clock(now.budget_seconds)}")
        self.check_interruption()

    @on(OptionList.OptionHighlighted, "#phases")
    def choose_section(self, event: OptionList.OptionHighlighted) -> None:
        self.open_section(list(self.prompt.phases)[event.option_index])

    def open_section(self, name: str) -> None:
        """Show the section of phase `name` in the editor (the follow-ups' answers go there)."""
        self.query_one("#phases", OptionList).highlighted = list(self.prompt.phases).index(name)
        if name == self.phase:
            return
        self.phase = name
        self.query_one("#section", TextArea).load_text(self.answer.sections.get(name, ""))
        self.show_pane("section-pane")

    @on(OptionList.OptionSelected, "#phases")
    def edit_section(self) -> None:
        self.action_show("section-pane")

    # -- drafts ------------------------------------------------------------------------------

    @on(TextArea.Changed, "#section")
    def keep_section(self, event: TextArea.Changed) -> None:
        self.answer.sections[self.phase] = event.text_area.text
        self._schedule_draft_save()

    @on(DiagramView.Edited)
    def keep_diagram(self, event: DiagramView.Edited) -> None:
        self.answer.diagram = event.text
        self._schedule_draft_save()

    def _schedule_draft_save(self) -> None:
        self._drafts.poke()

    def save_draft(self) -> None:
        self._drafts.cancel()
        if self.session.item is self.item:
            self.session.save_draft(self.answer.to_json())

    # -- the interviewer ---------------------------------------------------------------------

    @on(Input.Submitted, "#ask")
    def ask_interviewer(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if not question:
            return
        asks, reply = answer_clarifying_question(self.prompt, question)
        record_exchange(self.item, "clarification", question, reply,
                        self.session.round_clock.used, asks=asks)
        self.session.save()
        event.input.clear()
        self._say(reply)

    def check_interruption(self) -> None:
        """Ask a follow-up when the engine says it is time (phase change or a long stretch)."""
        if self._finishing or self.session.round is None or \
                self.session.round.status != "active":
            return
        used = self.session.round_clock.used
        now = current_phase(self.prompt.phases, used)
        if not interruption_due(now.elapsed_seconds, self.prompt.phases, used,
                                last_interrupt_at(self.item)):
            return
        follow_up = next_follow_up(self.prompt, self.session.catalog.rubric, self.answer.text(),
                                   asked_questions(self.item), now.name)
        if follow_up is None:
            return
        dimension_id, question = follow_up
        self.open_section(now.name)
        record_follow_up(self.item, dimension_id, question, now.name, used, self.answer)
        self.session.save()
        self.notify(f"{question}\n(answer in your {now.name} section)", title="Interviewer",
                    timeout=12)
        self._say(question)

    def _say(self, line: str) -> None:
        self.query_one("#wb-reply", Static).update(f"Interviewer: {line}")
        self.query_one("#transcript", Markdown).update(self._transcript_markdown())

    def _transcript_markdown(self) -> str:
        if not self.item.transcript:
            return "_No questions yet. Ask about scale, data or latency below (F8)._"
        lines = []
        for entry in self.item.transcript:
            if entry["kind"] == "follow-up":
                lines.append(f"- **{format_clock(entry['at'])} Interviewer:** {entry['question']}")
            else:
                lines += [f"- **{format_clock(entry['at'])} You:** {entry['question']}",
                          f"  **Interviewer:** {entry['answer']}"]
        return "\n".join(lines)

    # -- finishing ---------------------------------------------------------------------------

    def action_finish(self) -> None:
        self._begin_finish("submitted")

    @on(TimeExpired)
    def finish_on_time(self, message: TimeExpired) -> None:
        if message.what == ROUND_EXPIRED:
            self._begin_finish("time")

    def _begin_finish(self, ended_by: str) -> None:
        if self._finishing or self.session.round is None or self.session.round.status == "done":
            return
        self._finishing = True
        self.answer.diagram = self.query_one(DiagramView).text
        self.save_draft()
        self.session.round_clock.pause()

        def rated(rating: dict[str, int] | None) -> None:
            if rating is None:
                self._finishing = False
                self.session.round_clock.start()
                return
            self.show_feedback(rating, ended_by)

        self.app.push_screen(SelfRatingModal(self.session.catalog.rubric,
                                             can_cancel=ended_by != "time"), rated)

    def show_feedback(self, rating: dict[str, int], ended_by: str) -> None:
        score = finish_design(self.item, self.prompt, self.session.catalog.rubric, self.answer,
                              rating)
        self.session.save()
        self.app.push_screen(
            FeedbackScreen(design_feedback_markdown(score, self.prompt.model_answer),
                           score_rows(score), title=self.prompt.title),
            lambda _: self.close_round(ended_by))

    def close_round(self, ended_by: str) -> None:
        self.session.end_round(ended_by)
        self.app.post_message(RoundEnded(ended_by))


def score_rows(score: dict[str, Any]) -> list[tuple[str, ...]]:
    """Rows of the per-dimension table: dimension, score, self-rating, points, flags."""
    rating = {entry["id"]: entry["self"] for entry in score.get("self_rating", [])}
    rows = []
    for d in score["dimensions"]:
        total = len(d["covered"]) + len(d["missed"])
        mine = rating.get(d["id"])
        rows.append((f"{d['code']} {d['title']}", f"{d['score']}/{d['max']}",
                     "-" if mine is None else f"{mine}/{d['max']}",
                     f"{len(d['covered'])}/{total}", str(len(d["red_flags"]))))
    return rows


class FeedbackScreen(Screen[None]):
    """The score after a whiteboard round: an optional table, then the details in Markdown."""

    DEFAULT_CSS = """
    FeedbackScreen #feedback-table { height: auto; max-height: 14; }
    FeedbackScreen #feedback-scroll { height: 1fr; padding: 0 1; }
    """
    BINDINGS = [Binding("enter", "close", "Continue"), Binding("escape", "close", "Continue",
                                                               show=False)]
    COLUMNS = ("dimension", "score", "you said", "points", "flags")

    def __init__(self, markdown: str, rows: list[tuple[str, ...]] | None = None,
                 title: str = "") -> None:
        super().__init__()
        self.markdown = markdown
        self.rows = rows or []
        self.heading = title

    def compose(self) -> ComposeResult:
        yield Static(f"[b]Feedback[/b] · {self.heading}", id="wb-top")
        if self.rows:
            yield DataTable(id="feedback-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="feedback-scroll"):
            yield Markdown(self.markdown, id="feedback")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.rows:
            table = self.query_one("#feedback-table", DataTable)
            table.add_columns(*self.COLUMNS)
            table.add_rows(self.rows)
        self.query_one("#feedback-scroll").focus()

    def action_close(self) -> None:
        self.dismiss(None)
