"""The skills round as a candidate meets it: keys in, grades in the engine, the summary at the end.

A tiny host app owns a real session (the real bank, a temp database, a fake clock) and does
what the real app does: begin the round, push the screen, turn `session.tick()` into
`TimeExpired` messages.
"""

from __future__ import annotations

import pytest
from textual import on
from textual.app import App
from textual.widgets import Markdown, TextArea

from interview.engine.loops import Loop, RoundPlan
from interview.engine.plan import INTERVIEW, PRACTICE, SessionPlan
from interview.engine.session import Session
from interview.engine.state import QuestionItem
from interview.tui.messages import RoundEnded, TimeExpired
from interview.tui.screens.skills import SkillsScreen
from interview.tui.widgets.choice_list import ChoiceList

SINGLE, MULTIPLE, NUMERIC, SHORT = "BD-03", "BD-01", "OPS-09", "BD-04"
"""One question of each kind from problems/skills/big-data.yaml and deployment-mlops.yaml."""
SHORT_ANSWER = "it is data skew from one hot key so use salting or a broadcast join"



class Host(App[None]):
    """Just enough of the real app: begin the round, show the screen, relay the ticker."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.interview_session = session
        self.rounds_ended: list[str] = []

    def on_mount(self) -> None:
        self.interview_session.begin()
        self.push_screen(SkillsScreen(self.interview_session))

    def tick(self) -> list[str]:
        expired = self.interview_session.tick()
        for what in expired:
            self.screen.post_message(TimeExpired(what))
        return expired

    @on(RoundEnded)
    def record_round_end(self, event: RoundEnded) -> None:
        self.rounds_ended.append(event.ended_by)


@pytest.fixture
def start(store, catalog, clock, sandbox_runner):
    def start_session(*picks: str, mode: str = INTERVIEW, minutes: int = 10) -> Session:
        round_plan = RoundPlan("skills", minutes, len(picks), picks=picks)
        loop = Loop("test", "Test", "A hand-picked skills round.", (round_plan,))
        return Session.start(store, catalog, SessionPlan(loop, mode, seed=3), sandbox_runner,
                             clock)
    return start_session


def correct_positions(session: Session, item: QuestionItem) -> list[int]:
    question = session.question(item)
    return [shown for shown, index in enumerate(item.order) if question.options[index].correct]


def inside_screen(widget, size: tuple[int, int]) -> bool:
    region = widget.region
    width, height = size
    return (region.width > 0 and region.height > 0 and region.x >= 0 and region.y >= 0
            and region.right <= width and region.bottom <= height)


async def test_a_single_choice_answered_with_arrows_and_space_is_graded_correct(start):
    session = start(SINGLE)
    item = session.item
    (right,) = correct_positions(session, item)
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert str(screen.query_one("#progress").render()).startswith("Question 1 of 1")
        await pilot.press(*["down"] * right, "space", "enter")
        await pilot.pause()
        assert item.grade["score"] == 1.0
        assert item.response == [right]
        assert screen.has_class("-summary")  # the only question: interview mode summarises
        summary = screen.query_one("#summary", Markdown).source
        assert "1 of 1 right" in summary and session.explanation(item)[:40] in summary
        assert app.rounds_ended == []  # the summary waits for "continue"
        app.save_screenshot("/tmp/skills-summary.svg")
        await pilot.press("c")
        await pilot.pause()
        assert app.rounds_ended == ["submitted"]
        assert session.state.rounds[0].status == "done"


async def test_select_all_that_apply_takes_digit_keys_and_practice_shows_the_explanation(start):
    session = start(MULTIPLE, SINGLE, mode=PRACTICE)
    first = session.round.items[0]
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        if first.item_id != MULTIPLE:
            await pilot.press("s")  # skip to the "select all" question
            await pilot.pause()
        item = session.item
        assert item.item_id == MULTIPLE
        assert "Select all that apply" in str(screen.query_one("#answer-hint").render())
        wanted = correct_positions(session, item)
        assert len(wanted) > 1
        await pilot.press(*[str(p + 1) for p in wanted])
        assert screen.query_one(ChoiceList).chosen == set(wanted)
        app.save_screenshot("/tmp/skills-mcq-multiple.svg")
        await pilot.press("enter")
        await pilot.pause()
        assert item.grade["score"] == 1.0
        assert screen.has_class("-reviewing")
        feedback = screen.query_one("#feedback", Markdown)
        assert feedback.display and feedback.region.height > 0
        assert "✓ correct" in feedback.source
        assert session.explanation(item)[:40] in feedback.source
        app.save_screenshot("/tmp/skills-practice-feedback.svg")
        await pilot.press("n")
        await pilot.pause()
        assert screen.has_class("-asking") or screen.has_class("-summary")
        assert session.round is None or session.item is not item


async def test_a_typed_number_with_its_unit_is_graded_and_explanations_wait_for_the_summary(
        start):
    session = start(NUMERIC, SINGLE)
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        if session.item.item_id != NUMERIC:
            await pilot.press("s")
            await pilot.pause()
        item = session.item
        assert "Answer in ms" in str(screen.query_one("#answer-hint").render())
        assert "{" not in screen.query_one("#question", Markdown).source  # numbers drawn
        await pilot.press(*f"{item.expected:g} ms")
        app.save_screenshot("/tmp/skills-numeric.svg")
        await pilot.press("enter")
        await pilot.pause()
        assert item.grade["score"] == 1.0
        assert not screen.query_one("#feedback", Markdown).display  # interview: no feedback
        assert session.explanation(item)[:40] not in screen.query_one("#feedback",
                                                                      Markdown).source
        while not screen.has_class("-summary"):
            await pilot.press("s")
            await pilot.pause()
        summary = screen.query_one("#summary", Markdown).source
        assert session.explanation(item)[:40] in summary
        assert "not answered" in summary  # the skipped question counts as not answered


async def test_a_short_answer_draft_is_saved_after_a_pause_and_restored_on_resume(
        start, store, catalog, clock):
    session = start(SHORT, mode=PRACTICE)
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        await pilot.press(*SHORT_ANSWER[:20])
        assert session.draft() is None  # still typing: nothing written yet
        await pilot.pause(1.1)
        assert session.draft() == SHORT_ANSWER[:20]
        app.save_screenshot("/tmp/skills-short.svg")
    resumed = Session.resume(store, catalog, session.id, clock)
    app = Host(resumed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#text", TextArea).text == SHORT_ANSWER[:20]
        await pilot.press("end", *SHORT_ANSWER[20:], "ctrl+s")
        await pilot.pause()
        item = resumed.item
        assert item.response == SHORT_ANSWER
        assert item.grade["covered"] and item.grade["score"] > 0.5
        feedback = screen.query_one("#feedback", Markdown).source
        assert "**Covered:**" in feedback and item.grade["covered"][0] in feedback


async def test_question_time_running_out_submits_what_is_typed_and_moves_on(start, clock):
    session = start(NUMERIC, SHORT)
    first, second = session.round.items
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("1", "2")
        app.screen.post_message(TimeExpired("question-expired"))  # stale: time is not up
        await pilot.pause()
        assert not first.answered and session.item is first
        clock.advance(first.budget_seconds + 1)
        assert app.tick() == ["question-expired"]
        await pilot.pause()
        assert first.answered and first.response == "12"
        assert session.item is second and not second.answered
        assert app.screen.has_class("-asking") and app.rounds_ended == []


async def test_round_time_running_out_closes_the_round_once_and_tells_the_app(start, clock):
    session = start(SINGLE, NUMERIC, minutes=2)
    app = Host(session)
    seen = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await pilot.pause()
        clock.advance(200)
        assert "round-expired" in app.tick()
        await pilot.pause()
        screen = app.screen
        assert session.state.rounds[0].status == "done"
        assert session.state.rounds[0].ended_by == "time"
        assert screen.has_class("-summary") and "time ran out" in screen.query_one(
            "#summary", Markdown).source
        assert app.focused is screen.query_one("#continue")
        app.save_screenshot("/tmp/skills-time-up.svg")
        screen.post_message(TimeExpired("round-expired"))  # a late tick changes nothing
        await pilot.press("enter")
        await pilot.press("c")
        await pilot.pause()
    assert app.rounds_ended == ["time"]
    posted = {id(m): m for m in seen if isinstance(m, RoundEnded)}  # seen once per hop
    assert [m.ended_by for m in posted.values()] == ["time"]
    assert session.finished


async def test_an_empty_round_explains_itself_and_continues(start):
    session = start(SINGLE)
    session.state.rounds[0].items.clear()
    app = Host(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-empty")
        assert "no questions" in screen.query_one("#empty", Markdown).source
        app.save_screenshot("/tmp/skills-empty.svg")
        await pilot.press("c")
        await pilot.pause()
    assert app.rounds_ended == ["skipped"]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
@pytest.mark.parametrize("pick", [SINGLE, MULTIPLE, NUMERIC, SHORT])
async def test_question_and_answer_fit_on_screen(start, size, pick):
    session = start(pick)
    app = Host(session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        answer = {"mcq": "#choices", "numeric": "#number", "short": "#text"}[session.item.type]
        for selector in ("#question", answer, "#progress", "#submit"):
            assert inside_screen(screen.query_one(selector), size), selector
        assert app.focused is screen.query_one(answer)
        app.save_screenshot(f"/tmp/skills-{pick}-{size[0]}x{size[1]}.svg")


async def test_practice_mode_counts_up_and_pauses(start, clock):
    session = start(SINGLE, mode=PRACTICE)
    app = Host(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        clock.advance(65)
        await pilot.press("ctrl+t")
        assert session.paused and app.screen.has_class("-paused")
        assert "round used 01:05" in str(app.screen.query_one("#round-time").render())
        clock.advance(100)
        await pilot.press("ctrl+t")
        assert not session.paused
        assert session.round_clock.used == pytest.approx(65)
