"""The specialized-skills round: one question at a time, then a summary of the round.

The screen only shows what the session holds and forwards what the candidate does: grading,
scoring and time all live in the engine. Which part is on screen (asking, reviewing an answer
in practice mode, the summary, an empty round) is a CSS class set from the `phase` watcher.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Markdown, Static, TextArea

from interview.engine.session import QUESTION_EXPIRED, ROUND_EXPIRED, Session
from interview.engine.state import QuestionItem, RoundState
from interview.engine.timer import Countdown
from interview.tui.debounce import Debounce
from interview.tui.messages import RoundEnded, TimeExpired
from interview.tui.widgets.answer_text import (
    answer_hint,
    feedback_markdown,
    progress_text,
    summary_markdown,
    summary_title,
)
from interview.tui.widgets.choice_list import ChoiceList
from interview.tui.widgets.countdown import CountdownView

DRAFT_DELAY_SECONDS = 1.0
"""Typing pauses this long before the draft is written."""
AUTO_CONTINUE_SECONDS = 30.0
"""After the round's time runs out, the summary stays this long before the app moves on."""
PHASES = ("asking", "reviewing", "summary", "empty")
TYPES = ("mcq", "numeric", "short")
EMPTY_ROUND = """\
## This round has no questions

The bank had no skill questions for this round's topics. Add questions under
`problems/skills/` (the format is in `problems/README.md`) and check them with
`interview validate`, or pick another loop.

Press **c** to continue with the next round."""


class SkillsScreen(Screen[None]):
    """Ask the round's questions, grade each through the session, then summarise the round."""

    DEFAULT_CSS = """
    SkillsScreen { layout: vertical; }
    #skills-header { height: auto; background: $boost; }
    #progress { width: 1fr; padding: 0 1; text-style: bold; }
    #question-view, #summary-view, #empty-view, #end-actions { display: none; }
    SkillsScreen.-asking #question-view, SkillsScreen.-reviewing #question-view { display: block; }
    SkillsScreen.-summary #summary-view, SkillsScreen.-empty #empty-view { display: block; }
    SkillsScreen.-summary #end-actions, SkillsScreen.-empty #end-actions { display: block; }
    SkillsScreen.-summary #question-time, SkillsScreen.-empty #question-time { display: none; }
    #question-view { height: 1fr; }
    #question-pane { height: 1fr; min-height: 4; padding: 0 1; }
    #question-pane Markdown { margin: 0; }
    #feedback { display: none; border-top: solid $primary; }
    SkillsScreen.-reviewing #feedback { display: block; }
    #answer-area { height: auto; max-height: 60%; padding: 0 1; }
    SkillsScreen.-reviewing #answer-area { display: none; }
    SkillsScreen.-short #answer-area { height: 45%; }
    #answer-hint { color: $text-muted; height: auto; }
    #choices, #number, #text { display: none; }
    SkillsScreen.-mcq #choices, SkillsScreen.-numeric #number { display: block; }
    SkillsScreen.-short #text { display: block; height: 1fr; min-height: 3; }
    #actions, #end-actions { height: auto; padding: 0 1; }
    #actions Button, #end-actions Button { margin-right: 2; }
    #next { display: none; }
    SkillsScreen.-reviewing #next { display: block; }
    SkillsScreen.-reviewing #submit, SkillsScreen.-reviewing #skip { display: none; }
    #summary-view, #empty-view { height: 1fr; padding: 0 1; }
    SkillsScreen.-paused #question-pane { opacity: 60%; }
    """
    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit answer"),
        Binding("s,ctrl+n", "skip", "Skip question"),  # ctrl+n while typing an answer
        Binding("n", "next", "Next question"),
        Binding("c", "continue", "Continue"),
        Binding("ctrl+t", "toggle_pause", "Pause/resume"),
    ]

    phase: reactive[str] = reactive("", init=False)
    """asking, reviewing (practice mode, after an answer), summary or empty."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.round_state: RoundState | None = session.round
        """This round, kept after the engine has moved on to the next one."""
        self.ended_by: str | None = None
        """Set once the engine has closed the round (it is never closed twice)."""
        self._announced = False
        self._ended_clock: Countdown | None = None
        self._loaded_text = ""
        self._pending_draft: tuple[str, str] | None = None
        self._drafts = Debounce(self, DRAFT_DELAY_SECONDS, self.flush_draft)

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        practice = self.session.practice
        with Horizontal(id="skills-header"):
            yield Static(id="progress", markup=False)
            yield CountdownView(self.round_countdown, "round used" if practice else "round",
                                count_up=practice, id="round-time")
            yield CountdownView(lambda: self.session.question_clock,
                                "question used" if practice else "question",
                                count_up=practice, id="question-time")
        with Vertical(id="question-view"):
            with VerticalScroll(id="question-pane"):
                yield Markdown(id="question")
                yield Markdown(id="feedback")
            with Vertical(id="answer-area"):
                yield Static(id="answer-hint", markup=False)
                yield ChoiceList(id="choices")
                yield Input(id="number", placeholder="e.g. 0.25, 25%, 1/4 or 2.5e-1")
                yield TextArea(id="text", soft_wrap=True, tab_behavior="focus")
            with Horizontal(id="actions"):
                yield Button("Submit", id="submit", variant="primary", compact=True)
                yield Button("Skip", id="skip", compact=True)
                yield Button("Next", id="next", variant="primary", compact=True)
        with VerticalScroll(id="summary-view"):
            yield Markdown(id="summary")
        with VerticalScroll(id="empty-view"):
            yield Markdown(EMPTY_ROUND, id="empty")
        with Horizontal(id="end-actions"):
            yield Button("Continue", id="continue", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.session.practice, "-practice")
        if isinstance(self.session.item, QuestionItem):
            self.show_item()
        else:
            self.phase = "empty"
            self.query_one("#progress", Static).update("Skills round · no questions")
            self.call_after_refresh(self.query_one("#continue").focus)

    def on_unmount(self) -> None:
        self.flush_draft()

    def round_countdown(self) -> Countdown:
        """The round's clock; once the round is closed, its clock as it stopped."""
        return self._ended_clock or self.session.round_clock

    def watch_phase(self, phase: str) -> None:
        for name in PHASES:
            self.set_class(name == phase, f"-{name}")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer each binding only where it makes sense (the footer hides the others)."""
        wanted = {"submit": ("asking",), "skip": ("asking",), "next": ("reviewing",),
                  "continue": ("summary", "empty"), "toggle_pause": ("asking", "reviewing")}
        if action == "toggle_pause" and not self.session.practice:
            return False
        return self.phase in wanted[action] if action in wanted else True

    # -- showing a question ------------------------------------------------------------------

    def show_item(self) -> None:
        """Show the session's current question, its answer widget and any saved draft."""
        item = self.session.item
        assert isinstance(item, QuestionItem)
        if item.answered and not self.session.practice:
            self.advance()  # resumed on a question already answered
            return
        question = self.session.question(item)
        for name in TYPES:
            self.set_class(item.type == name, f"-{name}")
        self.query_one("#progress", Static).update(progress_text(self.session, item))
        self.query_one("#question", Markdown).update(self.session.question_text(item))
        self.query_one("#answer-hint", Static).update(answer_hint(self.session, item))
        self.query_one("#number", Input).placeholder = " ".join(
            ["your answer", f"in {question.unit}" if question.unit else ""]).strip()
        self.query_one("#question-pane", VerticalScroll).scroll_home(animate=False)
        self.load_answer(item, question.multiple)
        self.phase = "reviewing" if item.answered else "asking"
        if item.answered:
            self.show_feedback(item)
        else:
            self.call_after_refresh(self.answer_widget().focus)

    def load_answer(self, item: QuestionItem, multiple: bool) -> None:
        """Fill the answer widget from the saved response or draft."""
        self._pending_draft = None
        if item.type == "mcq":
            choices = self.query_one("#choices", ChoiceList)
            choices.single = not multiple
            choices.show_options(self.session.shown_options(item), set(item.response or ()))
            return
        saved = item.response if item.answered else self.session.draft(item)
        self._loaded_text = str(saved or "")
        if item.type == "numeric":
            self.query_one("#number", Input).value = self._loaded_text
        else:
            self.query_one("#text", TextArea).text = self._loaded_text

    def answer_widget(self) -> ChoiceList | Input | TextArea:
        kind = self.session.item.type if isinstance(self.session.item, QuestionItem) else "mcq"
        return {"mcq": self.query_one("#choices", ChoiceList),
                "numeric": self.query_one("#number", Input),
                "short": self.query_one("#text", TextArea)}[kind]

    def current_response(self) -> Any:
        widget = self.answer_widget()
        if isinstance(widget, ChoiceList):
            return widget.chosen
        return widget.value if isinstance(widget, Input) else widget.text

    def show_feedback(self, item: QuestionItem) -> None:
        self.query_one("#feedback", Markdown).update(feedback_markdown(self.session, item))
        self.query_one("#question-pane", VerticalScroll).scroll_end(animate=False)
        self.call_after_refresh(self.query_one("#next").focus)

    # -- answering and moving on -------------------------------------------------------------

    def submit_answer(self, auto: bool = False) -> None:
        """Grade what is on screen; practice mode then shows feedback, interview mode moves on."""
        if self.phase != "asking":
            return
        self.flush_draft()
        self.session.answer(self.current_response())
        if self.session.practice and not auto:
            self.phase = "reviewing"
            self.show_feedback(self.session.item)
        else:
            self.advance()

    def advance(self) -> None:
        """The next question, or the end of the round after the last one."""
        self.flush_draft()
        if self.session.next_item():
            self.show_item()
        else:
            self.close_round("submitted")

    def close_round(self, ended_by: str) -> None:
        """Close the round in the engine (once) and show the summary."""
        if self.ended_by is not None:
            return
        self.flush_draft()
        self.ended_by = ended_by
        self._ended_clock = self.session.round_clock
        self.session.end_round(ended_by)
        self.query_one("#progress", Static).update(summary_title(self.round_state))
        self.query_one("#summary", Markdown).update(summary_markdown(self.session,
                                                                     self.round_state))
        self.phase = "summary"
        self.call_after_refresh(self.query_one("#continue").focus)

    # -- drafts ------------------------------------------------------------------------------

    def queue_draft(self, text: str) -> None:
        """Save typed text once typing pauses (a programmatic load is not a change)."""
        item = self.session.item
        if self.phase != "asking" or not isinstance(item, QuestionItem):
            return
        if self._pending_draft is None and text == self._loaded_text:
            return
        self._pending_draft = (item.item_id, text)
        self._drafts.poke()

    def flush_draft(self) -> None:
        """Write the pending draft now, if it still belongs to the question on screen."""
        pending, self._pending_draft = self._pending_draft, None
        item = self.session.item
        if pending is not None and item is not None and item.item_id == pending[0]:
            self.session.save_draft(pending[1])
            self._loaded_text = pending[1]

    # -- events and actions ------------------------------------------------------------------

    @on(ChoiceList.Submitted)
    @on(Input.Submitted, "#number")
    def submit_from_widget(self) -> None:
        self.submit_answer()

    @on(Input.Changed, "#number")
    @on(TextArea.Changed, "#text")
    def save_typed_text(self, event: Input.Changed | TextArea.Changed) -> None:
        widget = event.control
        self.queue_draft(widget.value if isinstance(widget, Input) else widget.text)

    @on(Button.Pressed)
    def run_button_action(self, event: Button.Pressed) -> None:
        actions = {"submit": self.action_submit, "skip": self.action_skip,
                   "next": self.action_next, "continue": self.action_continue}
        actions[event.button.id or ""]()

    @on(TimeExpired)
    def handle_time_up(self, event: TimeExpired) -> None:
        """Question time up: submit what is there and move on. Round time up: close it now."""
        event.stop()
        if self.ended_by is not None:
            return
        if event.what == ROUND_EXPIRED:
            self.close_round("time")
            self.set_timer(AUTO_CONTINUE_SECONDS, self.action_continue)
        elif (event.what == QUESTION_EXPIRED and self.phase == "asking"
              and self.session.question_clock.expired):  # not a late report for the last one
            self.submit_answer(auto=True)

    def action_submit(self) -> None:
        self.submit_answer()

    def action_skip(self) -> None:
        if self.phase == "asking":
            self.advance()

    def action_next(self) -> None:
        if self.phase == "reviewing":
            self.advance()

    def action_continue(self) -> None:
        """Leave the round: close it if that has not happened, and tell the app once."""
        if self._announced:
            return
        self.close_round("skipped" if self.phase == "empty" else "submitted")
        self._announced = True
        self.post_message(RoundEnded(self.ended_by or "submitted"))

    def action_toggle_pause(self) -> None:
        if not self.session.practice:
            return
        if self.session.paused:
            self.session.begin()
        else:
            self.session.pause()
        self.set_class(self.session.paused, "-paused")
        for view in self.query(CountdownView):
            view.refresh_time()
