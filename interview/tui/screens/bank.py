"""Drill one item: a searchable, filterable list of the whole bank with a preview."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.markdown import Markdown
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from interview.catalog import Catalog
from interview.engine.plan import SessionPlan, drill_loop, topic_loop
from interview.storage import Store
from interview.tui.debounce import Debounce

KINDS = [("all kinds", "all"), ("coding", "coding"), ("skills topics", "skills"),
         ("design", "design"), ("data", "data")]
LEVELS = [("any level", "any"), ("easy", "easy"), ("medium", "medium"), ("hard", "hard")]
PREVIEW_DELAY_SECONDS = 0.15
STATUSES = [("any status", "all"), ("unsolved", "unsolved"), ("solved", "solved")]


@dataclass(frozen=True)
class BankRow:
    """One line of the list: a coding problem, prompt, challenge or a whole skills topic."""

    id: str
    kind: str
    title: str
    difficulty: str
    tags: tuple[str, ...]
    preview: str

    def matches(self, words: list[str]) -> bool:
        haystack = " ".join((self.id, self.title, *self.tags)).lower()
        return all(word in haystack for word in words)


def bank_rows(catalog: Catalog) -> list[BankRow]:
    rows = [BankRow(p.id, "coding", p.title, p.difficulty, tuple(p.tags),
                    f"# {p.title}\n\n*{p.difficulty} · {p.minutes} min*\n\n{p.statement}")
            for p in sorted(catalog.coding.values(), key=lambda p: p.id)]
    rows += [BankRow(d.id, "design", d.title, d.difficulty, (d.archetype,),
                     f"# {d.title}\n\n{d.prompt}") for d in catalog.design.values()]
    rows += [BankRow(c.id, "data", c.title, c.difficulty, tuple(c.tables),
                     f"# {c.title}\n\n{c.brief}") for c in catalog.data.values()]
    topics = Counter(q.topic for q in catalog.questions.values())
    rows += [BankRow(f"topic:{topic}", "skills", f"{topic} ({count} questions)", "mixed",
                     (topic,), f"# {topic}\n\nA drill of 10 questions on {topic}.")
             for topic, count in sorted(topics.items())]
    return rows


def solved_ids(store: Store) -> set[str]:
    solved = set()
    for attempt in store.attempts():
        result = attempt["result"]
        if result.get("passed") or result.get("score", 0) >= 0.999:
            solved.add(attempt["item_id"])
    return solved


class BankScreen(Screen[None]):
    """Find something to practise and start it on its own."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("slash", "search", "Search"),
                Binding("enter", "start", "Start drill", show=True)]

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self._preview_id = ""
        self._preview = Debounce(self, PREVIEW_DELAY_SECONDS, self.show_preview)
        self._refill = Debounce(self, PREVIEW_DELAY_SECONDS, self.refill)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="bank-filters"):
            yield Input(placeholder="search titles and tags (/)", id="search")
            yield Select(KINDS, value="all", allow_blank=False, id="kind")
            yield Select(LEVELS, value="any", allow_blank=False, id="level")
            yield Select(STATUSES, value="all", allow_blank=False, id="status")
        with Horizontal(id="bank-body"):
            yield DataTable(id="bank-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="bank-preview"):
                yield Static(id="preview")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "enter starts a drill of the highlighted item"
        self.rows = bank_rows(self.app.catalog)
        self.solved = solved_ids(self.app.store)
        table = self.query_one(DataTable)
        table.add_columns("", "kind", "title", "level")
        self.refill()
        table.focus()

    @on(Input.Changed, "#search")
    def schedule_refill(self) -> None:
        self._refill.poke()

    @on(Select.Changed)
    def refill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        shown = self.visible_rows()
        for row in shown:
            mark = "✓" if row.id in self.solved else " "
            table.add_row(mark, row.kind, row.title, row.difficulty, key=row.id)
        if not shown:
            self.query_one("#preview", Static).update(Markdown(
                "## Nothing matches\n\nClear the search or loosen the filters."
                if self.rows else "## The bank is empty\n\nAdd problems under `problems/`."))

    def visible_rows(self) -> list[BankRow]:
        words = self.query_one("#search", Input).value.lower().split()
        kind = self.query_one("#kind", Select).value
        level = self.query_one("#level", Select).value
        status = self.query_one("#status", Select).value
        return [row for row in self.rows if row.matches(words)
                and kind in ("all", row.kind) and level in ("any", row.difficulty)
                and (status == "all" or (row.id in self.solved) == (status == "solved"))]

    @on(DataTable.RowHighlighted)
    def schedule_preview(self, event: DataTable.RowHighlighted) -> None:
        """Rendering a statement is slow: wait until the cursor rests before drawing it."""
        self._preview_id = str(event.row_key.value)
        self._preview.poke()

    def show_preview(self) -> None:
        row = self._row(self._preview_id)
        if row is not None:
            self.query_one("#preview", Static).update(Markdown(row.preview))

    @on(DataTable.RowSelected)
    def start_selected(self, event: DataTable.RowSelected) -> None:
        self._start(str(event.row_key.value))

    def action_start(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            self._start(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def _row(self, row_id: str) -> BankRow | None:
        return next((row for row in self.rows if row.id == row_id), None)

    def _start(self, row_id: str) -> None:
        if row_id.startswith("topic:"):
            loop = topic_loop(row_id.removeprefix("topic:"))
        else:
            loop = drill_loop(row_id, self.app.catalog)
        self.app.pop_screen()
        self.app.start_session(SessionPlan(loop, self.mode))
