"""The session engine without a terminal: a fake clock, a temp database, the real bank."""

from __future__ import annotations

import pytest

from interview.engine.loops import find_loop
from interview.engine.plan import PRACTICE, SessionPlan, drill_loop, topic_loop
from interview.engine.session import QUESTION_EXPIRED, ROUND_EXPIRED, Session, SessionError
from interview.engine.state import CodingItem, QuestionItem
from interview.grading.coding import Grader
from interview.storage import open_store


def start(store, catalog, sandbox, clock, loop, mode="interview", seed=7):
    return Session.start(store, catalog, SessionPlan(loop, mode, seed), sandbox, clock)


def test_an_onsite_loop_picks_every_round_and_survives_a_restart(store, catalog, clock,
                                                                  sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, find_loop("onsite"))
    kinds = [r.kind for r in session.state.rounds]
    assert kinds == ["coding-dsa", "coding-ml", "break", "skills", "break", "design", "debrief"]
    assert session.state.rounds[0].items[0].item_id.startswith("dsa-")
    assert session.state.rounds[1].items[0].item_id.startswith("ml-")
    assert len(session.state.rounds[3].items) == 15
    resumed = Session.resume(store, catalog, session.id, clock)
    assert resumed.state == session.state
    assert store.unfinished_session()["id"] == session.id


def test_the_same_seed_asks_the_same_questions(store, catalog, clock, sandbox_runner,
                                               tmp_path):
    first = start(store, catalog, sandbox_runner, clock, find_loop("phone-screen"), seed=11)
    other_store = open_store(tmp_path / "other.sqlite").store
    second = start(other_store, catalog, sandbox_runner, clock, find_loop("phone-screen"),
                   seed=11)
    assert first.state.rounds == second.state.rounds


def test_drafts_and_remaining_time_survive_a_kill(store, catalog, clock, sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, drill_loop("dsa-two-sum", catalog))
    assert "def two_sum" in session.code()
    session.begin()
    clock.advance(100)
    session.save_draft("def two_sum(nums, target):\n    return [0, 1]\n")
    clock.advance(50)  # typed nothing more, then the process died: these 50 s are lost
    resumed = Session.resume(store, catalog, session.id, clock)
    assert resumed.code() == "def two_sum(nums, target):\n    return [0, 1]\n"
    assert resumed.paused
    budget = catalog.coding["dsa-two-sum"].minutes * 60
    assert resumed.round_clock.remaining == pytest.approx(budget - 100)
    resumed.begin()
    clock.advance(10)
    assert resumed.round_clock.used == pytest.approx(110)


def test_submissions_score_the_item_and_hints_cost_in_interview_mode(store, catalog, clock,
                                                                     sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, drill_loop("dsa-two-sum", catalog))
    session.begin()
    problem = session.problem()
    grader = Grader(sandbox_runner)
    session.record_grade("run", grader.grade(problem, problem.reference, examples_only=True))
    assert session.take_hint() == problem.hints[0]
    clock.advance(60)
    session.record_grade("submit", grader.grade(problem, problem.reference))
    item = session.item
    assert isinstance(item, CodingItem)
    assert (item.runs, item.submits, item.hints) == (1, 1, 1)
    assert item.score == pytest.approx(0.9)
    assert [e.kind for e in item.events] == ["run", "hint", "submit"]
    assert item.events[-1].at == pytest.approx(60)
    assert store.attempts("dsa-two-sum")[0]["result"]["passed"] is True
    with pytest.raises(SessionError):
        session.view_solution()  # interview mode never shows it


def test_a_wrong_submission_scores_below_one(store, catalog, clock, sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, drill_loop("dsa-two-sum", catalog),
                    mode=PRACTICE)
    problem = session.problem()
    session.record_grade("submit", Grader(sandbox_runner).grade(problem, problem.wrong[0].source))
    assert session.item.score < 1
    assert session.take_hint() is not None
    assert session.item.score == session._coding_score(session.item)  # practice: hints free
    assert session.view_solution() == problem.reference


def test_time_running_out_is_reported_once_and_never_in_practice(store, catalog, clock,
                                                                 sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, drill_loop("dsa-two-sum", catalog))
    session.begin()
    clock.advance(catalog.coding["dsa-two-sum"].minutes * 60 - 1)
    assert session.tick() == []
    clock.advance(2)
    assert session.tick() == [ROUND_EXPIRED]
    assert session.tick() == []
    assert [item.item_id for item, _, _ in session.unsubmitted()] == ["dsa-two-sum"]
    practice = start(store, catalog, sandbox_runner, clock, drill_loop("dsa-two-sum", catalog),
                     mode=PRACTICE)
    practice.begin()
    clock.advance(10_000)
    assert practice.tick() == []


def test_interview_mode_cannot_pause_but_practice_can(store, catalog, clock, sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, drill_loop("dsa-two-sum", catalog))
    session.begin()
    with pytest.raises(SessionError):
        session.pause()
    practice = start(store, catalog, sandbox_runner, clock, drill_loop("dsa-two-sum", catalog),
                     mode=PRACTICE)
    practice.begin()
    clock.advance(30)
    practice.pause()
    clock.advance(500)
    assert practice.round_clock.used == pytest.approx(30)


def test_skill_questions_are_graded_as_shown(store, catalog, clock, sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, topic_loop("statistics", count=6))
    session.begin()
    seen_types = set()
    while True:
        item = session.item
        assert isinstance(item, QuestionItem)
        question = session.question()
        seen_types.add(question.type)
        if question.type == "mcq":
            correct = {shown for shown, i in enumerate(item.order) if question.options[i].correct}
            assert session.answer(correct).correct
            assert [session.shown_options()[i] for i in sorted(correct)]
        elif question.type == "numeric":
            assert session.answer(f"{item.expected:.10g}").correct
            assert "{" not in session.question_text()
        else:
            assert not session.answer("no idea").correct
        if not session.next_item():
            break
    session.end_round()
    assert session.finished
    assert store.unfinished_session() is None
    assert len(store.attempts()) == 6
    assert seen_types <= {"mcq", "numeric", "short"}


def test_a_question_times_out_on_its_own_share(store, catalog, clock, sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock,
                    topic_loop("statistics", count=4, minutes=4))
    session.begin()
    clock.advance(59)
    assert session.tick() == []
    clock.advance(2)
    assert session.tick() == [QUESTION_EXPIRED]
    session.answer("")
    assert session.next_item()
    assert session.tick() == []  # the next question has its own minute


def test_ending_a_round_scores_it_and_marks_unanswered_questions(store, catalog, clock,
                                                                 sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, find_loop("phone-screen"))
    session.begin()
    assert session.end_round() is session.round
    assert session.state.rounds[0].score == 0.0
    session.begin()
    session.end_round("time")
    skills = session.state.rounds[1]
    assert skills.ended_by == "time"
    assert all(q.grade["feedback"] == "not answered" for q in skills.items)
    session.finish()
    assert session.finished
    assert session.overall_score() == 0.0
    assert Session.resume(store, catalog, session.id, clock).finished


def test_answers_and_finished_problems_are_scheduled_for_review(store, catalog, clock,
                                                                sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, drill_loop("dsa-two-sum", catalog))
    session.begin()
    problem = session.problem()
    session.record_grade("submit", Grader(sandbox_runner).grade(problem, problem.wrong[0].source))
    assert store.card("dsa-two-sum") is None  # once per round, not per submission
    session.end_round()
    card = store.card("dsa-two-sum")
    assert card is not None and card["kind"] == "coding"
    quiz = start(store, catalog, sandbox_runner, clock, topic_loop("statistics", count=2))
    quiz.begin()
    question_id = quiz.item.item_id
    quiz.answer("")
    assert store.card(question_id)["topic"] == "statistics"


def test_finishing_at_the_debrief_does_not_count_it_as_skipped(store, catalog, clock,
                                                               sandbox_runner):
    session = start(store, catalog, sandbox_runner, clock, find_loop("phone-screen"))
    session.end_round()
    session.end_round()
    session.finish()
    assert [r.ended_by for r in session.state.rounds] == ["submitted", "submitted", "submitted"]


def test_items_the_bank_lost_are_left_out_on_resume(store, catalog, clock, sandbox_runner):
    from interview.catalog import Catalog

    session = start(store, catalog, sandbox_runner, clock, find_loop("phone-screen"))
    coding_id = session.item.item_id
    smaller = Catalog(coding={k: v for k, v in catalog.coding.items() if k != coding_id},
                      questions=catalog.questions)
    resumed = Session.resume(store, smaller, session.id, clock)
    assert resumed.drop_missing_items() == [coding_id]
    assert resumed.state.rounds[0].ended_by == "skipped"
    assert resumed.round.kind == "skills"
    assert resumed.drop_missing_items() == []
