"""One snapshot per screen state that matters, at a fixed clock on a temp database.

Review every SVG diff before accepting it: `pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from interview.engine.loops import Loop, RoundPlan
from interview.engine.plan import PRACTICE, SessionPlan, drill_loop
from interview.engine.session import Session
from interview.grading.rubric import score_design
from interview.models import GradeResult, TestVerdict, Verdict
from interview.tui.messages import GradeReady
from interview.tui.widgets.countdown import CountdownView

WIDE, NARROW = (120, 36), (80, 24)
SKILL_IDS = ("STA-01", "STA-02")


def open_session(app, loop, mode="interview", seed=1):
    session = Session.start(app.store, app.catalog, SessionPlan(loop, mode, seed), app.sandbox,
                            app.clock)
    app.open_session(session)
    return session


async def steady(pilot) -> None:
    """Stop cursors blinking, so a snapshot never catches one half-way."""
    await pilot.pause()
    for widget in pilot.app.screen.query("TextArea, Input"):
        widget.cursor_blink = False
    await pilot.pause()


def fixed_grade(problem_id: str) -> GradeResult:
    """Verdicts with fixed times, so the snapshot does not depend on the machine's speed."""
    return GradeResult(problem_id, [
        TestVerdict("basic", Verdict.PASSED, hidden=False, time_ms=1.0),
        TestVerdict("duplicates", Verdict.WRONG_ANSWER, hidden=False, time_ms=1.0,
                    message="expected [0, 1], got [1, 0]"),
        TestVerdict("large", Verdict.TIME_LIMIT, hidden=True, time_ms=2000.0,
                    message="took longer than 2 s"),
        TestVerdict("negative", Verdict.RUNTIME_ERROR, hidden=True, time_ms=1.0, line=3,
                    message="line 3: IndexError: list index out of range"),
    ])


def test_home(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=steady)


def test_home_practice_mode_narrow(snap_compare, make_app):
    assert snap_compare(make_app(), press=["m", "down"], terminal_size=NARROW,
                        run_before=steady)


def test_custom_loop_dialog(snap_compare, make_app):
    async def run_before(pilot):
        await pilot.press("c")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=WIDE, run_before=run_before)


def test_coding_round_wide(snap_compare, make_app):
    app = make_app()

    async def run_before(pilot):
        open_session(app, drill_loop("dsa-two-sum", app.catalog))
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_coding_round_narrow_opens_on_the_statement(snap_compare, make_app):
    app = make_app()

    async def run_before(pilot):
        open_session(app, drill_loop("dsa-two-sum", app.catalog))
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)


def test_coding_round_with_verdicts(snap_compare, make_app, clock):
    app = make_app()

    async def run_before(pilot):
        open_session(app, drill_loop("dsa-two-sum", app.catalog))
        await pilot.pause()
        clock.advance(11 * 60)  # the countdown turns to its warning colour
        app.screen.query_one(CountdownView).refresh_time()
        app.screen.post_message(GradeReady("run", "dsa-two-sum", fixed_grade("dsa-two-sum")))
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_skills_question(snap_compare, make_app):
    app = make_app()
    loop = Loop("test", "Skills", "", (RoundPlan("skills", 4, 2, picks=SKILL_IDS),))

    async def run_before(pilot):
        open_session(app, loop, mode=PRACTICE)
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_design_whiteboard_with_a_diagram(snap_compare, make_app):
    app = make_app()

    async def run_before(pilot):
        open_session(app, drill_loop("SD-01", app.catalog))
        await pilot.pause()
        await pilot.press("f4", *"events -> ranker -> logs -> events")
        await pilot.pause(0.5)
        await steady(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_design_feedback(snap_compare, make_app):
    from interview.engine.whiteboard import design_feedback_markdown
    from interview.tui.screens.design import FeedbackScreen, score_rows

    app = make_app()
    prompt = app.catalog.design["SD-01"]
    answer = ("We optimise for long-term satisfaction rather than clicks, because clicks "
              "reward clickbait.\nWe split by time, since a random split leaks the future.")

    async def run_before(pilot):
        score = score_design(answer, prompt, app.catalog.rubric).as_dict()
        app.push_screen(FeedbackScreen(design_feedback_markdown(score, prompt.model_answer),
                                       score_rows(score), "Feedback"))
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_design_whiteboard_wide(snap_compare, make_app):
    app = make_app()

    async def run_before(pilot):
        open_session(app, drill_loop("SD-01", app.catalog))
        await pilot.pause()
        await pilot.press("f4", *"events -> feature store -> ranker")
        await pilot.pause(0.5)
        await steady(pilot)

    assert snap_compare(app, terminal_size=(200, 50), run_before=run_before)


def test_bank_filtered(snap_compare, make_app):
    async def run_before(pilot):
        await pilot.press("b", "slash", *"sum")
        await pilot.pause(0.4)
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=WIDE, run_before=run_before)


def test_break_between_rounds(snap_compare, make_app):
    app = make_app()
    loop = Loop("test", "Two rounds", "", (RoundPlan("break", 5), RoundPlan("skills", 4, 2,
                                                                             picks=SKILL_IDS)))

    async def run_before(pilot):
        open_session(app, loop)
        await steady(pilot)

    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)


def test_data_challenge(snap_compare, make_app):
    app = make_app()

    async def run_before(pilot):
        open_session(app, drill_loop("DC-1", app.catalog))
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_history_empty(snap_compare, make_app):
    async def run_before(pilot):
        await pilot.press("h")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=NARROW, run_before=run_before)


def test_end_of_session_report(snap_compare, make_app, monkeypatch):
    import interview.storage

    monkeypatch.setattr(interview.storage.time, "time", lambda: 1_796_400_000.0)
    monkeypatch.setenv("TZ", "UTC")  # the report shows the local date
    interview.storage.time.tzset()
    app = make_app()
    loop = Loop("test", "Skills", "", (RoundPlan("skills", 4, 2, picks=SKILL_IDS),))

    async def run_before(pilot):
        session = open_session(app, loop)
        await pilot.pause()
        session.end_round()
        app.show_round()
        await pilot.pause(0.5)
        await steady(pilot)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)
