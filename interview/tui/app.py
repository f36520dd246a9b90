"""The Textual app. For now: browse the problem bank and read statements."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Markdown, Static

from interview.bank import Bank, load_bank
from interview.models import CodingProblem

EMPTY_BANK = """\
## The problem bank is empty

Add problem files under `problems/coding/` (the format is in `problems/README.md`),
then check them with `interview validate`."""


class InterviewApp(App[None]):
    """Browse the bank: a table of problems beside the selected problem's statement."""

    TITLE = "Interview"
    SUB_TITLE = "mock interviews for ML engineers"
    CSS = """
    #problems { width: 1fr; min-width: 36; }
    #statement-pane { width: 1fr; border-left: solid $primary; padding: 0 1; }
    #bank-errors { color: $warning; height: auto; padding: 0 1; }
    """
    BINDINGS = [Binding("q", "quit", "Quit"), Binding("slash", "focus_table", "Problems")]

    def __init__(self, bank: Bank | None = None) -> None:
        super().__init__()
        self.bank = bank if bank is not None else load_bank()

    def compose(self) -> ComposeResult:
        yield Header()
        if self.bank.errors:
            skipped = "\n".join(f"skipped {error}" for error in self.bank.errors[:5])
            yield Static(skipped, id="bank-errors", markup=False)
        with Horizontal():
            yield DataTable(id="problems", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="statement-pane"):
                yield Markdown(EMPTY_BANK if not self.bank.coding else "", id="statement")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("problem", "level", "min")
        for problem in sorted(self.bank.coding.values(), key=lambda p: p.id):
            table.add_row(problem.title, problem.difficulty, str(problem.minutes),
                          key=problem.id)
        table.focus()

    @on(DataTable.RowHighlighted)
    def show_statement(self, event: DataTable.RowHighlighted) -> None:
        problem = self.bank.coding.get(str(event.row_key.value))
        if problem is not None:
            self.query_one("#statement", Markdown).update(statement_markdown(problem))

    def action_focus_table(self) -> None:
        self.query_one(DataTable).focus()


def statement_markdown(problem: CodingProblem) -> str:
    tags = ", ".join(problem.tags)
    header = (f"# {problem.title}\n\n`{problem.id}` · *{problem.difficulty} · "
              f"{problem.minutes} min · {tags}*\n\n")
    return header + problem.statement
