"""History, a session's report, exports and trends, driven as a user would."""

from __future__ import annotations

import json

import played_sessions as sessions
import pytest
from textual.widgets import DataTable, Markdown, Select, Static

from interview.engine.plan import topic_loop
from interview.trends import SPARKS
from interview.tui.screens.history import EMPTY_HISTORY, HistoryScreen, ReportScreen
from interview.tui.screens.interlude import SummaryScreen
from interview.tui.screens.trends import EMPTY_TRENDS, TrendsScreen


def fill_store(store, catalog, sandbox):
    """A full loop, an abandoned one, and a probability drill (skills only), oldest first."""
    full = sessions.full_session(store, catalog, sandbox)
    abandoned = sessions.abandoned_session(store, catalog, sandbox)
    clock = sessions.FakeClock()
    drill = sessions.start(store, catalog, sandbox, clock, topic_loop("probability", 3),
                           mode="practice")
    sessions.play_skills(drill, clock)
    return full, abandoned, drill


@pytest.fixture
def played(store, catalog, sandbox_runner):
    return fill_store(store, catalog, sandbox_runner)


async def open_history(app, pilot) -> HistoryScreen:
    await app.push_screen(HistoryScreen())
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


def listed_ids(screen) -> list[int]:
    table = screen.query_one("#history-table", DataTable)
    return [int(str(row.value)) for row in table.rows]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def inside(widget, width: int, height: int) -> bool:
    region = widget.region
    return (region.width > 0 and region.height > 0 and region.x >= 0 and region.y >= 0
            and region.right <= width and region.bottom <= height)


async def test_history_lists_every_session_and_filters_narrow_it(make_app, played):
    full, abandoned, drill = played
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_history(app, pilot)
        assert listed_ids(screen) == [drill.id, abandoned.id, full.id]
        table = screen.query_one(DataTable)
        assert [str(c) for c in table.get_row(str(abandoned.id))[3:]] == \
            ["interview", "abandoned", "95%"]
        screen.query_one("#history-kind", Select).value = "coding"
        await pilot.pause()
        assert listed_ids(screen) == [abandoned.id, full.id]
        screen.query_one("#history-kind", Select).value = "all"
        await pilot.press("slash", *"probab")
        await pilot.pause()
        assert listed_ids(screen) == [drill.id]
        await pilot.press(*"zzz")
        await pilot.pause()
        assert not screen.query_one(DataTable).display
        assert "No sessions match these filters (3 in all)" in text_of(screen, "#history-empty")


async def test_enter_opens_the_full_report_and_e_exports_three_files(
        make_app, played, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEW_HOME", str(tmp_path))
    full = played[0]
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(str(full.id)))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        source = app.screen.query_one("#report", Markdown).source
        assert source.startswith(f"# Session report: Report test loop (#{full.id})")
        assert "## Weakest areas and next steps" in source
        await pilot.press("e")
        await pilot.pause()
        folder = tmp_path / "reports"
        names = sorted(path.name for path in folder.iterdir())
        assert names == [f"session-{full.id}.{suffix}" for suffix in ("html", "json", "md")]
        assert json.loads((folder / f"session-{full.id}.json").read_text())["session_id"] == \
            full.id
        assert (folder / f"session-{full.id}.md").read_text() == source
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_trends_show_signal_sparklines_solve_times_and_the_topic_map(make_app, played):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await open_history(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        signals = text_of(screen, "#trends-signals")
        solving = next(line for line in signals.splitlines() if line.startswith("problem solving"))
        assert any(spark in solving for spark in SPARKS) and "now 3/4 solid" in solving
        topics = text_of(screen, "#trends-topics")
        assert "statistics" in topics and "probability" in topics and "█" in topics
        assert "dsa-two-sum" in text_of(screen, "#trends-solve")
        assert "latest 17.5 min" in text_of(screen, "#trends-solve")
        table = screen.query_one("#topic-map", DataTable)
        rows = {str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)]
                for i in range(table.row_count)}
        assert rows["arrays"][1:4] == ["coding", "2", "100%"] and rows["arrays"][5] == "strong"
        assert rows["statistics"][5] in {"weak", "ok"}
        assert rows["big-data"][5] == "unseen"
        seen = table.row_count
        await pilot.press("u")
        await pilot.pause()
        assert 0 < table.row_count < seen
        assert all(str(table.get_row_at(i)[5]) != "unseen" for i in range(table.row_count))


async def test_empty_history_and_empty_trends_say_how_to_start(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(app, pilot)
        assert text_of(screen, "#history-empty") == EMPTY_HISTORY
        assert screen.query_one("#history-empty").display
        assert not screen.query_one(DataTable).display
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("t")
        await pilot.pause()
        assert text_of(app.screen, "#trends-empty") == EMPTY_TRENDS
        assert not app.screen.query_one("#topic-map").display
        app.save_screenshot(filename="history-trends-empty.svg", path="/tmp")


async def test_the_summary_shows_the_report_and_exports_it(
        make_app, store, catalog, sandbox_runner, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEW_HOME", str(tmp_path))
    full = sessions.full_session(store, catalog, sandbox_runner)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_session(full)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        source = app.screen.query_one("#summary", Markdown).source
        assert f"Report test loop (#{full.id})" in source
        assert "| 47% |" in source and "Misses explained" in source
        app.save_screenshot(filename="history-summary.svg", path="/tmp")
        await pilot.press("e")
        await pilot.pause()
        assert (tmp_path / "reports" / f"session-{full.id}.html").is_file()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SummaryScreen) and app.session is None


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_history_report_and_trends_fit_the_terminal(make_app, played, size):
    width, height = size
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_history(app, pilot)
        for selector in ("#history-kind", "#history-topic", "#history-table", "Footer"):
            assert inside(screen.query_one(selector), width, height), selector
        assert screen.query_one(DataTable).region.height >= 5
        app.save_screenshot(filename=f"history-list-{width}x{height}.svg", path="/tmp")
        await pilot.press("enter")
        await pilot.pause()
        assert inside(app.screen.query_one("#report-scroll"), width, height)
        app.save_screenshot(filename=f"history-report-{width}x{height}.svg", path="/tmp")
        await pilot.press("escape", "t")
        await pilot.pause()
        trends = app.screen
        assert inside(trends.query_one("#trends-scroll"), width, height)
        for selector in ("#trends-signals", "#trends-topics", "#trends-solve"):
            widget = trends.query_one(selector, Static)
            longest = max(len(line) for line in text_of(trends, selector).splitlines())
            assert longest <= widget.content_region.width, selector  # no line wraps
        table = trends.query_one("#topic-map", DataTable)
        assert table.region.right <= width
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no column cut
        app.save_screenshot(filename=f"history-trends-{width}x{height}.svg", path="/tmp")
