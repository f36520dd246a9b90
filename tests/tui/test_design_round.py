"""The design round as a candidate lives it: write, draw, ask, get interrupted, rate, read."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Markdown, Static, TextArea

from interview.engine.plan import SessionPlan, drill_loop
from interview.engine.session import Session
from interview.engine.timer import ManualClock as FakeClock
from interview.tui.app import InterviewApp
from interview.tui.screens.design import DesignScreen, FeedbackScreen
from interview.tui.widgets.self_rating import SelfRatingModal


def design_app(catalog, store, sandbox, clock, mode="interview"):
    app = InterviewApp(catalog=catalog, store=store, sandbox=sandbox, clock=clock)
    session = Session.start(store, catalog, SessionPlan(drill_loop("SD-01", catalog), mode, 3),
                            sandbox, clock)
    return app, session


async def type_text(pilot, text: str) -> None:
    for character in text:
        await pilot.press("space" if character == " " else character)


async def test_a_design_round_end_to_end(catalog, store, sandbox_runner):
    clock = FakeClock()
    app, session = design_app(catalog, store, sandbox_runner, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_session(session)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DesignScreen)
        item = session.item

        # write in the requirements section
        app.screen.query_one("#section", TextArea).insert(
            "We need 150 ms p99 latency because the page renders in 300 ms.")
        await pilot.pause()
        assert screen.answer.sections["requirements"].startswith("We need 150 ms")

        # draw a cycle and see the boxes
        await pilot.press("f4")
        await pilot.pause()
        await type_text(pilot, "a -> b -> c -> a")
        await pilot.pause(0.5)
        drawing = str(app.screen.query_one("#diagram-drawing", Static).render())
        assert "│ a │" in drawing and "│ b │" in drawing and "│ c │" in drawing
        assert screen.answer.diagram == "a -> b -> c -> a"
        app.save_screenshot(filename="design-diagram.svg", path="/tmp")

        # ask a clarifying question
        await pilot.press("f8")
        await type_text(pilot, "what is the latency budget")
        await pilot.press("enter")
        await pilot.pause()
        reply = str(app.screen.query_one("#wb-reply", Static).render())
        assert "150 ms at p99" in reply
        assert item.transcript[0]["asks"] == "latency budget"

        # the first phase ends: the interviewer follows up on the least-covered dimension
        screen.check_interruption()
        assert not [e for e in item.transcript if e["kind"] == "follow-up"]
        clock.advance(5 * 60 + 10)
        screen.check_interruption()
        await pilot.pause()
        follow_ups = [e for e in item.transcript if e["kind"] == "follow-up"]
        assert len(follow_ups) == 1
        assert follow_ups[0]["dimension"] == "framing"
        assert follow_ups[0]["question"] in str(app.screen.query_one("#wb-reply", Static).render())
        screen.check_interruption()  # right after one: no second interruption
        assert len([e for e in item.transcript if e["kind"] == "follow-up"]) == 1
        app.save_screenshot(filename="design-follow-up.svg", path="/tmp")

        # the editor moved to the framing section: answer inline there
        assert screen.phase == "framing"
        assert app.screen.query_one("#section", TextArea).text == ""
        app.screen.query_one("#section", TextArea).insert(
            "We would not rank by clicks because clickbait hurts retention.")
        await pilot.pause()

        # the phase list picks a section too
        app.screen.query_one("#phases").focus()
        await pilot.press("up")
        await pilot.pause()
        assert screen.phase == "requirements"
        assert app.screen.query_one("#section", TextArea).text.startswith("We need 150 ms")

        # finish: self-rating comes before the score
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, SelfRatingModal)
        assert item.score is None
        await pilot.press("3", "2")
        app.save_screenshot(filename="design-self-rating.svg", path="/tmp")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert item.self_rating["requirements"] == 3 and item.self_rating["framing"] == 2
        assert 0 < item.score["fraction"] < 1
        table = app.screen.query_one("#feedback-table", DataTable)
        assert table.row_count == len(catalog.rubric)
        assert table.get_row_at(0)[2] == "3/3"
        feedback = app.screen.query_one("#feedback", Markdown).source
        assert "We need 150 ms p99 latency" in feedback  # the covering sentence is quoted
        assert "## Model outline" in feedback
        assert item.transcript[1]["answer"].startswith("We would not rank by clicks")
        app.save_screenshot(filename="design-feedback.svg", path="/tmp")

        await pilot.press("enter")
        await pilot.pause()
        assert session.state.rounds[0].status == "done"
        assert session.state.rounds[0].score == pytest.approx(item.score["fraction"], abs=1e-3)
        assert not isinstance(app.screen, DesignScreen)


async def test_the_draft_survives_and_the_screen_fits_80x24(catalog, store, sandbox_runner):
    clock = FakeClock()
    app, session = design_app(catalog, store, sandbox_runner, clock, mode="practice")
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_session(session)
        await pilot.pause()
        app.screen.query_one("#section", TextArea).insert("Scale: 100M users.")
        await pilot.press("f4")
        await type_text(pilot, "x -> y")
        app.screen.save_draft()
        assert app.screen.query_one("#ask").region.bottom <= 24
        app.save_screenshot(filename="design-80x24.svg", path="/tmp")
    resumed = Session.resume(store, catalog, session.id, clock)
    app = InterviewApp(catalog=catalog, store=store, sandbox=sandbox_runner, clock=clock)
    async with app.run_test(size=(200, 50)) as pilot:
        app.open_session(resumed)
        await pilot.pause()
        assert app.screen.query_one("#section", TextArea).text == "Scale: 100M users."
        assert app.screen.answer.diagram == "x -> y"
        for pane in ("#prompt-pane", "#section-pane", "#diagram-pane"):  # side by side
            region = app.screen.query_one(pane).region
            assert region.width > 30 and region.right <= 200
        await pilot.press("f5")
        await pilot.pause()
        assert app.screen.query_one("#transcript-pane").region.width > 30
        assert app.screen.query_one("#prompt-pane").region.width == 0
        app.save_screenshot(filename="design-200x50.svg", path="/tmp")
