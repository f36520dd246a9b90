"""Design and data rounds, written answers: the prompt beside an answer area saved as typed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static, TextArea

from interview.engine.session import ROUND_EXPIRED, Session
from interview.tui.debounce import Debounce
from interview.tui.messages import RoundEnded, TimeExpired
from interview.tui.widgets.countdown import CountdownView

DRAFT_DEBOUNCE_SECONDS = 1.0


class WrittenScreen(Screen[None]):
    """A prompt and a Markdown answer; the round ends on request or when time is up."""

    BINDINGS = [Binding("ctrl+n", "finish", "Finish round"), Binding("f2", "toggle_prompt",
                                                                     "Prompt")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._drafts = Debounce(self, DRAFT_DEBOUNCE_SECONDS, self.save_draft)

    def compose(self) -> ComposeResult:
        practice = self.session.practice
        item = self.session.item
        source = self.session.catalog.item(item.item_id) if item else None
        with Horizontal(id="coding-top"):
            yield Static(f"[b]{getattr(source, 'title', 'Whiteboard')}[/b]", id="coding-title")
            yield CountdownView(lambda: self.session.round_clock,
                                "used" if practice else "left", count_up=practice)
        with Horizontal(id="coding-body"):
            with VerticalScroll(id="statement-pane"):
                yield Markdown(prompt_markdown(source))
            yield TextArea(self.session.draft() or "", language="markdown", id="answer",
                           soft_wrap=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#answer", TextArea).focus()

    @on(TextArea.Changed, "#answer")
    def schedule_draft_save(self) -> None:
        self._drafts.poke()

    def save_draft(self) -> None:
        self._drafts.cancel()
        if self.session.item is not None:
            self.session.save_draft(self.query_one("#answer", TextArea).text)

    def action_toggle_prompt(self) -> None:
        self.toggle_class("-show-statement")

    def action_finish(self) -> None:
        self._finish("submitted")

    @on(TimeExpired)
    def finish_on_time(self, message: TimeExpired) -> None:
        if message.what == ROUND_EXPIRED:
            self._finish("time")

    def _finish(self, ended_by: str) -> None:
        self.save_draft()
        if self.session.round is None or self.session.round.status == "done":
            return
        self.session.end_round(ended_by)
        self.app.post_message(RoundEnded(ended_by))


def prompt_markdown(source: object) -> str:
    if source is None:
        return "This item is no longer in the bank."
    text = getattr(source, "prompt", None) or getattr(source, "brief", "")
    return f"# {getattr(source, 'title', '')}\n\n{text}"
