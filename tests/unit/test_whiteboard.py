"""The whiteboard rounds' core: clarifying answers, follow-ups, interruptions and scoring."""

from __future__ import annotations

import pytest

from interview.engine.state import WrittenItem
from interview.engine.whiteboard import (
    ASSUMPTION_REPLY,
    DataDraft,
    DesignAnswer,
    answer_clarifying_question,
    current_phase,
    design_feedback_markdown,
    finish_design,
    grade_data,
    interruption_due,
    next_follow_up,
    record_data_grade,
    record_follow_up,
)

PHASES = {"requirements": 5, "framing": 5, "model": 10}


@pytest.fixture(scope="module")
def prompt(catalog):
    return catalog.design["SD-01"]


def test_the_draft_round_trips_and_a_plain_draft_lands_in_the_first_phase(prompt):
    answer = DesignAnswer.from_json(None, prompt.phases)
    assert list(answer.sections) == list(prompt.phases)
    answer.sections["data"] = "Labels come from plays."
    answer.diagram = "a -> b"
    again = DesignAnswer.from_json(answer.to_json(), prompt.phases)
    assert again == answer
    assert "## data\n\nLabels come from plays." in again.text()
    plain = DesignAnswer.from_json("just text", prompt.phases)
    assert plain.sections["requirements"] == "just text"


def test_a_clarifying_question_gets_the_matching_canned_answer(prompt):
    asks, reply = answer_clarifying_question(prompt, "What's the latency budget, p99?")
    assert asks == "latency budget"
    assert "150 ms" in reply
    asks, reply = answer_clarifying_question(prompt, "How many daly users do we have?")
    assert asks == "scale and traffic"  # "daly" is a typo of "daily"


def test_an_unmatched_question_asks_for_an_assumption(prompt):
    assert answer_clarifying_question(prompt, "Which cloud vendor?") == (None, ASSUMPTION_REPLY)


def test_the_follow_up_targets_the_least_covered_dimension_reached(catalog, prompt):
    requirements_answer = ("We need 150 ms p99 latency because the home page must render in "
                           "300 ms. We would serve 100M daily users with 3 loads per day.")
    dimension, question = next_follow_up(prompt, catalog.rubric, requirements_answer, set(),
                                         "framing")
    assert dimension == "framing"  # requirements is covered, framing is not
    assert question == prompt.rubric["framing"].follow_ups[0]
    asked = set(prompt.rubric["framing"].follow_ups)
    dimension, question = next_follow_up(prompt, catalog.rubric, requirements_answer, asked,
                                         "framing")
    assert (dimension, question) == ("framing", catalog.rubric[1].generic.follow_ups[0])


def test_the_follow_up_never_jumps_ahead_of_the_phase(catalog, prompt):
    dimension, _ = next_follow_up(prompt, catalog.rubric, "", set(), "requirements")
    assert dimension == "requirements"


def test_interruptions_come_at_phase_changes_and_every_few_minutes():
    assert current_phase(PHASES, 400) == current_phase(PHASES, 400)
    phase = current_phase(PHASES, 400)
    assert (phase.name, phase.elapsed_seconds, phase.budget_seconds) == ("framing", 100, 300)
    assert not interruption_due(200, PHASES, 200, None)  # still in the first phase
    assert interruption_due(100, PHASES, 400, None)  # first phase over, never interrupted
    assert not interruption_due(150, PHASES, 450, 400)  # just asked
    assert not interruption_due(250, PHASES, 550, 400)  # same phase, only 150 s later
    assert interruption_due(10, PHASES, 610, 400)  # a new phase began since
    assert interruption_due(500, PHASES, 1100, 600, every_seconds=480)
    assert not interruption_due(500, PHASES, 1000, 600, every_seconds=480)
    assert current_phase(PHASES, 5000).name == "model"  # overtime stays in the last phase


def test_finish_design_stores_the_score_fraction_rating_and_follow_up_answers(catalog, prompt):
    item = WrittenItem("SD-01", "design")
    answer = DesignAnswer.from_json(None, prompt.phases)
    answer.sections["requirements"] = ("The recommendation service gets 150 ms at p99 because "
                                       "the page renders in 300 ms.")
    record_follow_up(item, "framing", "Why not clicks?", "framing", 400.0, answer)
    answer.sections["framing"] = ("We would not rank by clicks, because clickbait hurts "
                                  "retention; we predict completed views instead.")
    answer.diagram = "a -> b -> c -> a"
    score = finish_design(item, prompt, catalog.rubric, answer, {"requirements": 3})
    assert item.score is score
    assert score["fraction"] == pytest.approx(score["overall"] / 3, abs=1e-3)
    assert 0 < score["fraction"] < 1
    requirements = score["self_rating"][0]
    assert requirements["self"] == 3
    assert requirements["gap"] == 3 - score["dimensions"][0]["score"]
    assert score["self_rating"][1]["gap"] is None
    assert item.self_rating == {"requirements": 3}
    assert item.transcript[0]["answer"].startswith("We would not rank by clicks")
    assert score["diagram"].splitlines() == ["- a → b", "- b → c", "- c → a"]
    feedback = design_feedback_markdown(score, prompt.model_answer)
    assert "## Model outline" in feedback
    assert "✗" in feedback


def test_a_data_grade_covers_checkpoints_and_the_conclusion(catalog):
    challenge = catalog.data["DC-1"]
    item = WrittenItem("DC-1", "data")
    first = challenge.checkpoints[0]
    from interview.grading.data_challenge import reference_value
    right = str(reference_value(first, challenge.dataset))
    score = record_data_grade(item, grade_data(challenge, {first.id: right}, ""))
    assert item.checkpoints[first.id]["correct"] is True
    assert item.checkpoints[challenge.checkpoints[1].id]["feedback"] == "not answered"
    assert score["checkpoints_correct"] == 1
    assert score["fraction"] == pytest.approx(0.6 / len(challenge.checkpoints), abs=1e-3)
    assert score["conclusion"]["score"] == 0


def test_data_draft_round_trips():
    draft = DataDraft("select 1", {"a": "2"}, "because")
    assert DataDraft.from_json(draft.to_json()) == draft
    assert DataDraft.from_json("old text").conclusion == "old text"
