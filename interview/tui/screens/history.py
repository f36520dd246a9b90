"""Past sessions: when, which loop, how it went; open one to see its summary."""

from __future__ import annotations

import time

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Markdown

EMPTY_HISTORY = ("## No sessions yet\n\nStart a loop or a drill from the home screen; every "
                 "session ends up here with its report.")


class HistoryScreen(Screen[None]):
    """Every session in the store, newest first."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"),
                Binding("enter", "open", "Open", show=True)]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield Markdown(id="history-empty")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "date", "loop", "mode", "status", "score")
        sessions = self.app.store.sessions()
        for session in sessions:
            state = session["state"]
            scores = [r["score"] for r in state.get("rounds", []) if r.get("score") is not None]
            score = f"{round(100 * sum(scores) / len(scores))}%" if scores else "–"
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(session["created_at"]))
            table.add_row(str(session["id"]), when, state.get("loop_title", session["loop"]),
                          session["mode"], session["status"], score, key=str(session["id"]))
        self.query_one("#history-empty", Markdown).update("" if sessions else EMPTY_HISTORY)
        self.query_one("#history-empty").display = not sessions
        table.focus()

    @on(DataTable.RowSelected)
    def open_selected(self, event: DataTable.RowSelected) -> None:
        self._open(int(str(event.row_key.value)))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self._open(int(str(key)))

    def _open(self, session_id: int) -> None:
        from interview.engine.session import Session
        from interview.tui.screens.interlude import summary_markdown

        session = Session.resume(self.app.store, self.app.catalog, session_id)
        self.app.push_screen(ReportScreen(summary_markdown(session)))


class ReportScreen(Screen[None]):
    """A read-only report."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield Header()
        from textual.containers import VerticalScroll

        with VerticalScroll():
            yield Markdown(self.markdown)
        yield Footer(compact=True)
