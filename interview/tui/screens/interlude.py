"""Between and after rounds: a break with its own clock, and the end-of-session summary."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from interview.engine.loops import ROUND_TITLES
from interview.engine.session import Session
from interview.reports import Report, ReportError
from interview.tui.messages import RoundEnded
from interview.tui.screens.history import export_with_notice, load_report, report_markdown
from interview.tui.widgets.countdown import CountdownView


class BreakScreen(Screen[None]):
    """A short break; the next round starts when the candidate is ready."""

    BINDINGS = [Binding("enter", "continue", "Next round"), Binding("escape", "leave", "Home")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with Center():
            yield CountdownView(lambda: self.session.round_clock, "break", urgent=False)
        upcoming = next((ROUND_TITLES[r.kind] for r in self.session.state.rounds[
            self.session.state.round_index + 1:] if r.kind != "break"), "the summary")
        yield Markdown(f"## Break\n\nStretch, drink some water. Next: **{upcoming}**.\n\n"
                       "Press **enter** when you are ready; the next round's clock starts then.")
        yield Footer(compact=True)

    def action_continue(self) -> None:
        self.session.end_round("submitted")
        self.app.post_message(RoundEnded())

    def action_leave(self) -> None:
        self.session.pause()
        self.app.close_session()


class SummaryScreen(Screen[None]):
    """The end of a session: its full report, with an export."""

    BINDINGS = [Binding("escape", "home", "Home"), Binding("enter", "home", "Done"),
                Binding("e", "export", "Export")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.report: Report | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="summary-scroll"):
            yield Markdown(id="summary")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        if not self.session.finished:
            self.session.finish()
        self.query_one("#summary-scroll").focus()
        summary = self.query_one("#summary", Markdown)
        try:
            self.report = load_report(self.session.store, self.session.catalog, self.session.id)
        except ReportError as error:
            await summary.update(f"The report cannot be built: {error}")
            return
        await summary.update(report_markdown(self.report))

    def action_home(self) -> None:
        self.app.close_session()

    def action_export(self) -> None:
        if self.report is not None:
            export_with_notice(self, self.report)
