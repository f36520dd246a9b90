"""The data-challenge round: a brief, the dataset's tables, a SQL console, checkpoints, a conclusion.

F2-F5 switch panes (brief, console, checkpoints, conclusion). Queries and the final grading run
in thread workers; their results come back as messages and only handlers touch the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    ContentSwitcher,
    DataTable,
    Footer,
    Input,
    Markdown,
    Static,
    TextArea,
)

from interview.engine.session import ROUND_EXPIRED, Session
from interview.engine.state import WrittenItem
from interview.engine.whiteboard import (
    DataDraft,
    DataGrade,
    data_feedback_markdown,
    grade_data,
    record_data_grade,
)
from interview.models import DataChallenge
from interview.sql_console import (
    QueryResult,
    describe_dataset,
    format_result,
    format_value,
    preview,
    run_query,
)
from interview.tui.debounce import Debounce
from interview.tui.messages import RoundEnded, TimeExpired
from interview.tui.screens.design import FeedbackScreen
from interview.tui.widgets.countdown import CountdownView

QUERY_SECONDS = 3.0
"""Time limit of one console query (tests shrink it to see a timeout)."""
QUERY_ROWS = 200
DRAFT_DEBOUNCE_SECONDS = 1.0


@dataclass
class QueryFinished(Message):
    """A console query came back (rows or a plain error)."""

    sql: str
    result: QueryResult


@dataclass
class DataGraded(Message):
    """The checkpoints and the conclusion were graded; `ended_by` says why the round ended."""

    grade: DataGrade
    ended_by: str


class DataScreen(Screen[None]):
    """One data challenge against its bundled SQLite dataset."""

    DEFAULT_CSS = """
    DataScreen #dc-top { height: 1; background: $boost; }
    DataScreen #dc-title { width: 1fr; padding: 0 1; }
    DataScreen #dc-panes { height: 1fr; }
    DataScreen #brief-pane, DataScreen #checkpoint-pane { padding: 0 1; }
    DataScreen #sql { height: 8; min-height: 4; border: none; border-bottom: solid $primary; }
    DataScreen #query-status { height: auto; max-height: 4; padding: 0 1; }
    DataScreen #query-status.-error { color: $text-error; }
    DataScreen #results { height: 1fr; }
    DataScreen .checkpoint-question { margin-top: 1; }
    DataScreen #conclusion { height: 1fr; border: none; }
    DataScreen #conclusion-prompt { height: auto; padding: 0 1; }
    """
    BINDINGS = [
        Binding("f2", "show('brief-pane')", "Brief"),
        Binding("f3", "show('console-pane')", "SQL"),
        Binding("f4", "show('checkpoint-pane')", "Checkpoints"),
        Binding("f5", "show('conclusion-pane')", "Conclusion"),
        Binding("ctrl+r", "run_query", "Run query", priority=True),
        Binding("ctrl+enter", "run_query", "Run query", show=False, priority=True),
        Binding("ctrl+n", "finish", "Finish round"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        item = session.item
        assert isinstance(item, WrittenItem)
        self.item: WrittenItem = item
        self.challenge: DataChallenge = session.catalog.data[item.item_id]
        self.draft = DataDraft.from_json(session.draft())
        self._drafts = Debounce(self, DRAFT_DEBOUNCE_SECONDS, self.save_draft)
        self._finishing = False

    def compose(self) -> ComposeResult:
        practice = self.session.practice
        with Horizontal(id="dc-top"):
            yield Static(f"[b]{self.challenge.title}[/b]", id="dc-title")
            yield CountdownView(lambda: self.session.round_clock,
                                "used" if practice else "left", count_up=practice)
        with ContentSwitcher(initial=self._first_pane(), id="dc-panes"):
            with VerticalScroll(id="brief-pane"):
                yield Markdown(brief_markdown(self.challenge), id="brief")
            with Vertical(id="console-pane"):
                yield TextArea(self.draft.sql, language="sql", id="sql")
                yield Static("ctrl+r runs the query", id="query-status", markup=False)
                yield DataTable(id="results", zebra_stripes=True)
            with VerticalScroll(id="checkpoint-pane"):
                for number, checkpoint in enumerate(self.challenge.checkpoints, 1):
                    yield Static(f"[b]{number}. {checkpoint.id}[/b] ({checkpoint.type}) "
                                 f"{checkpoint.question.strip()}",
                                 classes="checkpoint-question")
                    placeholder = "a number" if checkpoint.type == "number" else "a SQL query"
                    yield Input(self.draft.answers.get(checkpoint.id, ""),
                                placeholder=placeholder, id=f"answer-{checkpoint.id}",
                                classes="checkpoint-answer")
            with Vertical(id="conclusion-pane"):
                yield Static(self.challenge.conclusion_prompt.strip(), id="conclusion-prompt",
                             markup=False)
                yield TextArea(self.draft.conclusion, language="markdown", id="conclusion",
                               soft_wrap=True)
        yield Footer(compact=True)

    def _first_pane(self) -> str:
        """A fresh round opens on the brief and the tables; a resumed one on the console."""
        started = self.draft.sql.strip() or self.draft.conclusion.strip() or any(
            answer.strip() for answer in self.draft.answers.values())
        return "console-pane" if started else "brief-pane"

    def on_mount(self) -> None:
        if self._first_pane() == "brief-pane":
            self.query_one("#brief-pane").focus()
        else:
            self.query_one("#sql", TextArea).focus()

    def action_show(self, pane: str) -> None:
        self.query_one("#dc-panes", ContentSwitcher).current = pane
        focus = {"console-pane": "#sql", "conclusion-pane": "#conclusion"}.get(pane)
        if focus:
            self.query_one(focus).focus()
        elif pane == "checkpoint-pane":
            self.query(".checkpoint-answer").first().focus()

    # -- the console -------------------------------------------------------------------------

    def action_run_query(self) -> None:
        sql = self.query_one("#sql", TextArea).text
        if not sql.strip():
            return
        status = self.query_one("#query-status", Static)
        status.remove_class("-error")
        status.update("running…")
        self.run_in_background(sql)

    @work(thread=True, exclusive=True, group="query", exit_on_error=False)
    def run_in_background(self, sql: str) -> None:
        result = run_query(self.challenge.dataset, sql, QUERY_SECONDS, QUERY_ROWS)
        self.post_message(QueryFinished(sql, result))

    @on(QueryFinished)
    def show_results(self, message: QueryFinished) -> None:
        result = message.result
        status = self.query_one("#query-status", Static)
        table = self.query_one("#results", DataTable)
        table.clear(columns=True)
        status.set_class(not result.ok, "-error")
        if not result.ok:
            status.update(f"Error: {result.error}")
            return
        status.update(f"{result.summary} in {result.elapsed_ms:.0f} ms")
        table.add_columns(*result.columns)
        table.add_rows([[format_value(value) for value in row] for row in result.rows])

    # -- drafts ------------------------------------------------------------------------------

    @on(TextArea.Changed)
    @on(Input.Changed, ".checkpoint-answer")
    def schedule_draft_save(self) -> None:
        self._drafts.poke()

    def collect_draft(self) -> DataDraft:
        answers = {cp.id: self.query_one(f"#answer-{cp.id}", Input).value
                   for cp in self.challenge.checkpoints}
        return DataDraft(self.query_one("#sql", TextArea).text, answers,
                         self.query_one("#conclusion", TextArea).text)

    def save_draft(self) -> None:
        self._drafts.cancel()
        self.draft = self.collect_draft()
        if self.session.item is self.item:
            self.session.save_draft(self.draft.to_json())

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
        self.save_draft()
        self.session.round_clock.pause()
        self.notify("Checking your answers…", timeout=3)
        self.grade_in_background(self.draft, ended_by)

    @work(thread=True, exclusive=True, group="grading", exit_on_error=False)
    def grade_in_background(self, draft: DataDraft, ended_by: str) -> None:
        grade = grade_data(self.challenge, draft.answers, draft.conclusion,
                           seconds=QUERY_SECONDS)
        self.post_message(DataGraded(grade, ended_by))

    @on(DataGraded)
    def show_grades(self, message: DataGraded) -> None:
        record_data_grade(self.item, message.grade)
        self.session.save()
        self.app.push_screen(
            FeedbackScreen(data_feedback_markdown(self.challenge, self.item),
                           title=self.challenge.title),
            lambda _: self.close_round(message.ended_by))

    def close_round(self, ended_by: str) -> None:
        self.session.end_round(ended_by)
        self.app.post_message(RoundEnded(ended_by))


def brief_markdown(challenge: DataChallenge) -> str:
    """The brief, then each table: its description, columns and first rows."""
    lines = [f"# {challenge.title}", "", challenge.brief.strip(), ""]
    for table in describe_dataset(challenge.dataset):
        lines += [f"## {table.name} ({table.row_count:,} rows)", "",
                  challenge.tables.get(table.name, "").strip(), "",
                  "Columns: " + ", ".join(f"`{c.name}` {c.type}".strip() for c in table.columns),
                  "", "```", format_result(preview(challenge.dataset, table.name), 100), "```",
                  ""]
    return "\n".join(lines)
