"""Past sessions: a filterable list, each session's full report, and exports of it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Markdown, Select, Static

from interview.catalog import Catalog
from interview.engine.review import weak_topics
from interview.history import KINDS, HistoryEntry, filter_entries, history_entries
from interview.locations import data_dir
from interview.reports import Report, ReportError, build_report, render_markdown
from interview.reports.advice import normalise
from interview.reports.document import date, percent
from interview.reports.export import export_report
from interview.storage import Store
from interview.text import tag_bare_fences

EMPTY_HISTORY = "No sessions yet: start a loop from the home screen. Every session ends up " \
    "here with its report."
ALL_KINDS = "all"
KIND_OPTIONS = [("all round types", ALL_KINDS)] + [(kind, kind) for kind in KINDS]


def load_report(store: Store, catalog: Catalog, session_id: int) -> Report:
    """A stored session's report, as `interview report` builds it; raises ReportError."""
    row = store.session(session_id)
    if row is None:
        raise ReportError(f"there is no session {session_id}")
    return build_report(row, catalog, store.attempts(), weak_topics(store))


def report_markdown(report: Report) -> str:
    return tag_bare_fences(render_markdown(report))


def export_with_notice(screen: Screen, report: Report) -> None:
    """Write the report's md, html and json under the data folder and say where."""
    try:
        paths = export_report(report, data_dir() / "reports")
    except OSError as error:
        screen.notify(f"Export failed: {error.strerror or error}", severity="error")
        return
    screen.notify("\n".join(str(path) for path in paths), title="Report exported", timeout=10)


def matching_entries(entries: list[HistoryEntry], kind: str, topic_text: str) -> list[HistoryEntry]:
    """Entries with a round of `kind` ("all": any) and a topic containing `topic_text`."""
    wanted = normalise(topic_text)
    kept = filter_entries(entries, None if kind == ALL_KINDS else kind)
    return [entry for entry in kept
            if not wanted or any(wanted in normalise(topic) for topic in entry.topics)]


def empty_text(total: int) -> str:
    if not total:
        return EMPTY_HISTORY
    return f"No sessions match these filters ({total} in all): clear the topic or pick " \
        "all round types."


class HistoryTable(DataTable):
    """The session list; enter opens the highlighted session's report."""

    BINDINGS = [Binding("enter", "select_cursor", "Report")]


class HistoryScreen(Screen[None]):
    """Every session in the store, newest first, filterable by round type and topic."""

    DEFAULT_CSS = """
    HistoryScreen #history-filters { height: 3; }
    HistoryScreen #history-kind { width: 24; }
    HistoryScreen #history-topic { width: 1fr; }
    HistoryScreen #history-table { height: 1fr; }
    HistoryScreen #history-empty { height: auto; padding: 1 2; }
    """

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"),
                Binding("enter", "open", "Report", show=True),
                Binding("t", "trends", "Trends"),
                Binding("slash", "focus_topic", "Topic")]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[HistoryEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="history-filters"):
            yield Select(KIND_OPTIONS, value=ALL_KINDS, allow_blank=False, id="history-kind")
            yield Input(placeholder="topic (statistics, arrays…)", id="history-topic")
        yield Static(EMPTY_HISTORY, id="history-empty", markup=False)
        yield HistoryTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("#", "date", "loop", "mode", "status", "score")
        self.entries = history_entries(self.app.store, self.app.catalog)
        self.refill()
        self.query_one(DataTable).focus()

    @on(Select.Changed, "#history-kind")
    @on(Input.Changed, "#history-topic")
    def refill(self) -> None:
        """Show the entries the filters let through, or say why there are none."""
        kind = self.query_one("#history-kind", Select).value
        shown = matching_entries(self.entries, str(kind), self.query_one(Input).value)
        table = self.query_one(DataTable)
        table.clear()
        for entry in shown:
            table.add_row(str(entry.session_id), date(entry.created_at), entry.loop_title,
                          entry.mode, entry.status, percent(entry.overall_score),
                          key=str(entry.session_id))
        self.query_one("#history-empty", Static).update(empty_text(len(self.entries)))
        self.query_one("#history-empty").display = not shown
        table.display = bool(shown)

    @on(Input.Submitted, "#history-topic")
    def focus_list(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def open_selected(self, event: DataTable.RowSelected) -> None:
        self.open_report(int(str(event.row_key.value)))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.open_report(int(str(key)))

    def action_trends(self) -> None:
        from interview.tui.screens.trends import TrendsScreen

        self.app.push_screen(TrendsScreen())

    def action_focus_topic(self) -> None:
        self.query_one(Input).focus()

    def open_report(self, session_id: int) -> None:
        try:
            report = load_report(self.app.store, self.app.catalog, session_id)
        except ReportError as error:
            self.notify(f"That report cannot be shown: {error}", severity="error")
            return
        self.app.push_screen(ReportScreen(report))


class ReportScreen(Screen[None]):
    """One session's full report, read-only, with an export."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("e", "export", "Export")]

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="report-scroll"):
            yield Markdown(report_markdown(self.report), id="report")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#report-scroll").focus()

    def action_export(self) -> None:
        export_with_notice(self, self.report)
