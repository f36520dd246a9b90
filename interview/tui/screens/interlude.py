"""Between and after rounds: a break with its own clock, and the end-of-session summary."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from interview.engine.session import Session
from interview.tui.messages import RoundEnded
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
            yield CountdownView(lambda: self.session.round_clock, "break")
        upcoming = next((r.kind for r in self.session.state.rounds[
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
    """The end of a session: each round's score and where to look next."""

    BINDINGS = [Binding("escape", "home", "Home"), Binding("enter", "home", "Done")]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Markdown(summary_markdown(self.session), id="summary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if not self.session.finished:
            self.session.finish()

    def action_home(self) -> None:
        self.app.close_session()


def summary_markdown(session: Session) -> str:
    rows = []
    for number, current in enumerate(session.state.rounds, start=1):
        if current.score is None:
            continue
        minutes = current.used_seconds / 60
        rows.append(f"| {number} | {current.kind} | {round(current.score * 100)}% | "
                    f"{minutes:.0f} of {current.minutes} min | {current.ended_by or '–'} |")
    overall = session.overall_score()
    table = ("| # | round | score | time | ended |\n|---|---|---|---|---|\n" + "\n".join(rows)
             if rows else "No scored rounds.")
    headline = f"**Overall: {round(overall * 100)}%**" if overall is not None else ""
    return (f"# Session {session.id}: {session.state.loop_title}\n\n{headline}\n\n{table}\n\n"
            f"The full report: `interview report {session.id} --format html --output "
            f"report.html` (also md and json).")
