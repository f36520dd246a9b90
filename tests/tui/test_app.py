"""The app as a user sees it: the bank listed, a statement shown, an empty bank explained."""

from pathlib import Path

from textual.widgets import DataTable, Markdown

from interview.bank import Bank, load_bank
from interview.tui.app import InterviewApp

FIXTURES = Path(__file__).parent.parent / "fixtures" / "problems"


async def test_lists_the_bank_and_shows_the_highlighted_statement():
    app = InterviewApp(load_bank(FIXTURES))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("down")
        await pilot.pause()
        shown = app.query_one("#statement", Markdown).source
        assert shown.startswith("# Pair Sum")


async def test_an_empty_bank_explains_what_to_do():
    app = InterviewApp(Bank())
    async with app.run_test(size=(80, 24)):
        assert "problem bank is empty" in app.query_one("#statement", Markdown).source
