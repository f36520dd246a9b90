"""The data round: a query that works, one that runs out of time, a checkpoint, the grades."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Markdown, Static, TextArea

from interview.engine.plan import SessionPlan, drill_loop
from interview.engine.session import Session
from interview.engine.timer import ManualClock as FakeClock
from interview.grading.data_challenge import reference_value
from interview.tui.app import InterviewApp
from interview.tui.screens import data as data_screen
from interview.tui.screens.data import DataScreen
from interview.tui.screens.design import FeedbackScreen

SLOW_QUERY = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
              "SELECT COUNT(*) FROM n")



async def run_sql(app, pilot, sql: str) -> str:
    app.screen.query_one("#sql", TextArea).load_text(sql)
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return str(app.screen.query_one("#query-status", Static).render())


async def test_a_data_round_end_to_end(catalog, store, sandbox_runner, monkeypatch):
    monkeypatch.setattr(data_screen, "QUERY_SECONDS", 0.05)
    clock = FakeClock()
    app = InterviewApp(catalog=catalog, store=store, sandbox=sandbox_runner, clock=clock)
    session = Session.start(store, catalog, SessionPlan(drill_loop("DC-1", catalog),
                                                        "interview", 3), sandbox_runner, clock)
    challenge = catalog.data["DC-1"]
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_session(session)
        await pilot.pause()
        assert isinstance(app.screen, DataScreen)
        item = session.item

        status = await run_sql(app, pilot, "SELECT city, COUNT(*) AS n FROM requests "
                                           "GROUP BY city ORDER BY city")
        assert status.startswith("4 rows")
        table = app.screen.query_one("#results", DataTable)
        assert table.row_count == 4
        assert table.get_row_at(0)[0] == "Hillcrest"
        app.save_screenshot(filename="design-data-console.svg", path="/tmp")

        status = await run_sql(app, pilot, SLOW_QUERY)
        assert status.startswith("Error: query stopped after 0.05 s")
        assert table.row_count == 0
        assert app.screen.query_one("#query-status").has_class("-error")

        status = await run_sql(app, pilot, "SELECT nope FROM requests")
        assert "no such column" in status

        await pilot.press("f2")
        await pilot.pause()
        assert "## requests" in app.screen.query_one("#brief", Markdown).source

        first = challenge.checkpoints[0]
        await pilot.press("f4")
        await pilot.pause()
        answer = app.screen.query_one(f"#answer-{first.id}", Input)
        assert app.focused is answer
        answer.value = str(reference_value(first, challenge.dataset))
        await pilot.press("f5")
        app.screen.query_one("#conclusion", TextArea).insert("Riverton drove it.")

        await pilot.press("ctrl+n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert item.checkpoints[first.id]["correct"] is True
        assert item.checkpoints[challenge.checkpoints[1].id]["correct"] is False
        assert item.score["checkpoints_correct"] == 1
        feedback = app.screen.query_one("#feedback", Markdown).source
        assert f"✓ **{first.id}**" in feedback
        app.save_screenshot(filename="design-data-feedback.svg", path="/tmp")
        await pilot.press("enter")
        await pilot.pause()
        done = session.state.rounds[0]
        assert done.status == "done"
        assert done.score == pytest.approx(item.score["fraction"])
    assert '"conclusion": "Riverton drove it."' in store.draft(session.id, 0, "DC-1")
