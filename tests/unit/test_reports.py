"""Session reports built from sessions played through the real engine, in every format."""

from __future__ import annotations

import json
import random
import sqlite3
from html.parser import HTMLParser

import played_sessions as sessions
import pytest

from interview.cli import main
from interview.engine.plan import ask
from interview.engine.session import grade_answer
from interview.engine.state import (
    CodingItem,
    QuestionItem,
    RoundState,
    SessionState,
    WrittenItem,
)
from interview.locations import database_path
from interview.reports import (
    RENDERERS,
    SCHEMA_VERSION,
    build_report,
    render_html,
    render_json,
    render_markdown,
    render_text,
    report_to_dict,
)
from interview.reports.levels import band_of, level_of
from interview.reports.model import Signal
from interview.reports.skills import miss
from interview.reports.written import design_item_report
from interview.storage import open_store

ESCAPED_SCRIPT = "&lt;script&gt;"


@pytest.fixture(scope="module")
def played(catalog, sandbox_runner, tmp_path_factory):
    """A finished session and an abandoned one, in one store."""
    store = open_store(tmp_path_factory.mktemp("reports") / "interview.sqlite").store
    full = sessions.full_session(store, catalog, sandbox_runner)
    abandoned = sessions.abandoned_session(store, catalog, sandbox_runner)
    yield store, full, abandoned
    store.close()


@pytest.fixture(scope="module")
def full_report(played, catalog):
    store, full, _ = played
    return build_report(store.session(full.id), catalog, store.attempts())


@pytest.fixture(scope="module")
def abandoned_report(played, catalog):
    store, _, abandoned = played
    return build_report(store.session(abandoned.id), catalog, store.attempts())


# -- building -------------------------------------------------------------------------------

def test_the_coding_round_counts_hidden_tests_effort_and_complexity(full_report, catalog):
    coding = full_report.rounds[0].coding[0]
    hidden = sum(test.hidden for test in catalog.coding["dsa-two-sum"].all_tests)
    assert (coding.hidden_passed, coding.hidden_total) == (hidden, hidden)
    assert (coding.runs, coding.submits, coding.hints, coding.hints_available) == (2, 2, 1, 3)
    assert coding.verdicts == {"passed": coding.examples_total + hidden}
    assert coding.score == pytest.approx(0.9)  # one hint in interview mode
    assert coding.complexity == "looks O(n^2), expected O(n)"
    assert full_report.rounds[0].used_seconds > full_report.rounds[0].budget_seconds


def test_the_coding_timeline_says_where_the_time_went(full_report):
    coding = full_report.rounds[0].coding[0]
    kinds = [entry.kind for entry in coding.timeline]
    assert kinds == ["snapshot", "snapshot", "run", "hint", "run", "submit", "submit"]
    assert "3 lines" in coding.timeline[0].text and "8 lines" in coding.timeline[1].text
    assert "examples all passed for the first time" in coding.timeline[4].text
    assert "examples all passed" not in coding.timeline[2].text
    first, final = coding.timeline[5].text, coding.timeline[6].text
    assert first.startswith("submitted: ") and not first.endswith(f"{coding.hidden_total + 4}/"
                                                                  f"{coding.hidden_total + 4} passed")
    assert final == f"submitted: {coding.hidden_total + 4}/{coding.hidden_total + 4} passed"
    assert coding.time_notes[0] == "12 min before the first run"
    assert coding.time_notes[1] == "examples all passed at 15:00"


def test_the_skills_round_scores_topics_and_explains_each_miss(full_report, played, catalog):
    skills = full_report.rounds[1].skills
    assert (skills.correct, skills.total, skills.answered) == (3, 6, 6)
    assert [(t.topic, t.correct, t.total) for t in skills.topics] == [("statistics", 3, 6)]
    assert len(skills.misses) == 3
    _, full, _ = played
    wrong_items = full.state.rounds[1].items[1::2]
    for missed, item in zip(skills.misses, wrong_items, strict=True):
        question = catalog.questions[item.item_id]
        assert missed.item_id == item.item_id
        assert missed.explanation and missed.explanation.split()[0] in question.explanation
        assert missed.expected


def test_a_template_miss_shows_the_numbers_that_were_asked(catalog, sandbox_runner):
    question = next(q for q in catalog.questions.values() if q.is_template)
    item = ask(question, 60.0, random.Random(1), sandbox_runner)
    item.response = "-1"
    item.grade = {**vars(grade_answer(question, item, "-1")), "feedback": "incorrect"}
    shown = miss(item, catalog)
    assert "{" not in shown.question and "{" not in shown.explanation
    for value in item.values.values():
        assert str(value) in shown.question
    assert shown.response == "-1"
    assert shown.expected.replace(",", "").startswith(f"{item.expected:g}".split(".")[0])


def test_the_design_round_has_the_rubric_table_and_calibration(full_report, played):
    _, full, _ = played
    stored = full.state.rounds[2].items[0].score
    design = full_report.rounds[2].design[0]
    assert design.scored and design.fraction == pytest.approx(stored["percent"] / 100, abs=1e-3)
    assert full_report.rounds[2].score == pytest.approx(design.fraction)
    assert [row.dimension_id for row in design.dimensions] == [d["id"] for d in
                                                               stored["dimensions"]]
    assert [row.score for row in design.dimensions] == [d["score"] for d in stored["dimensions"]]
    low = [row for row in design.dimensions if row.score <= 1]
    assert design.calibration == [f"you rated yourself 3, scored {row.score} on {row.title}"
                                  for row in low]
    assert any(row.red_flags for row in design.dimensions)
    assert design.questions_asked == 1
    assert design.diagram_edges == ["events → feature store", "feature store → ranker (scores)"]
    assert design.transcript[0] == "You asked: How many users? — About 100M daily."
    assert design.transcript[1].startswith("Follow-up: How do you handle cold start? — ")
    markdown = render_markdown(full_report)
    assert "- feature store → ranker (scores)" in markdown
    assert "**Interviewer transcript:**" in markdown


def test_a_design_score_with_missing_keys_shows_what_is_there(catalog):
    item = WrittenItem("SD-01", "design", score={"fraction": 0.5, "dimensions": [
        {"dimension_id": "data", "score": 1, "red_flags": [{"flag": "leaks", "sentence": "s"}]},
        {"dimension_id": "model"}]}, self_rating={"data": 3, "serving": 2})
    design = design_item_report(item, catalog)
    rows = {row.dimension_id: row for row in design.dimensions}
    assert design.fraction == 0.5
    assert rows["data"].title == "Data and labels" and rows["data"].red_flags == ['leaks ("s")']
    assert rows["model"].score is None and rows["serving"].score is None
    assert rows["serving"].self_rating == 2
    assert design.calibration == ["you rated yourself 3, scored 1 on Data and labels"]
    assert not design_item_report(WrittenItem("SD-01", "design"), catalog).scored
    raw = WrittenItem("SD-01", "design", score={"overall": 1.5, "max": 3, "dimensions": []})
    assert design_item_report(raw, catalog).fraction == 0.5  # DesignScore.as_dict() alone


def test_the_data_round_lists_checkpoints_right_and_wrong(full_report, catalog):
    data = full_report.rounds[3].data[0]
    assert (data.correct, data.total) == (1, len(catalog.data["DC-1"].checkpoints))
    by_id = {row.checkpoint_id: row for row in data.checkpoints}
    assert by_id["overall-change"].correct
    assert by_id["by-city-month"].answered and not by_id["by-city-month"].correct
    assert not by_id["eta-curve"].answered and not by_id["counterfactual"].answered
    assert data.conclusion_fraction == pytest.approx(2 / 3, abs=1e-4)
    assert full_report.rounds[3].score == pytest.approx(0.3)


def test_signals_bands_and_next_steps_of_a_full_session(full_report, catalog):
    signals = {signal.name: signal for signal in full_report.signals}
    assert list(signals) == ["problem solving", "coding", "ML breadth", "ML design",
                             "data analysis", "communication"]
    assert signals["coding"].level == 4  # all hidden tests, one resubmission
    assert signals["problem solving"].score == pytest.approx(0.7)  # 1 - hint - slow
    assert signals["ML breadth"].score == pytest.approx(0.5)
    assert full_report.complete and not full_report.notes
    assert full_report.band == band_of(full_report.signals)[0]
    assert len(full_report.weakest) == 3
    assert len({area.kind for area in full_report.weakest}) == 3  # one design row, not three
    design_step = next(s for s, a in zip(full_report.next_steps, full_report.weakest,
                                         strict=True) if a.kind == "design")
    assert design_step.items and all(ref.item_id in catalog.design for ref in design_step.items)
    assert "SD-01" not in [ref.item_id for ref in design_step.items[:1]]


def test_an_abandoned_session_reports_what_exists(abandoned_report):
    report = abandoned_report
    assert not report.complete and report.status == "abandoned"
    assert "abandoned after 1 of 4 rounds" in report.notes[0]
    assert [r.status for r in report.rounds] == ["done", "active", "pending", "pending"]
    skills = report.rounds[1].skills
    assert (skills.correct, skills.total) == (3, 3)  # unreached questions are not misses
    assert "provisional" in report.rounds[1].notes[0]
    assert report.rounds[2].notes == ["not started"]
    assert {s.name for s in report.signals} == {"problem solving", "coding", "ML breadth"}


def test_empty_rounds_and_no_evidence(catalog):
    state = SessionState("custom", "Custom", "practice", 1, [
        RoundState("skills", 10, status="done", ended_by="submitted"),
        RoundState("break", 5, status="done", ended_by="submitted")], 2, True)
    row = {"id": 9, "created_at": 0.0, "updated_at": 0.0, "loop": "custom",
           "mode": "practice", "status": "finished", "state": state.to_dict()}
    report = build_report(row, catalog)
    assert report.rounds[0].notes[0] == "this round had no items"
    assert (report.band, report.readiness, report.signals) == ("no evidence", "unknown", [])
    assert report.overall_score is None and report.weakest == []
    assert "No round produced evidence" in render_markdown(report)


def test_seen_problems_are_suggested_after_new_ones(catalog):
    state = SessionState("drill", "Drill", "interview", 1, [
        RoundState("coding-dsa", 15, [CodingItem("dsa-two-sum")], status="done",
                   ended_by="time", score=0.0)], 1, True)
    row = {"id": 3, "created_at": 0.0, "updated_at": 0.0, "loop": "drill",
           "mode": "interview", "status": "finished", "state": state.to_dict()}
    hashing = sorted(p.id for p in catalog.coding.values() if "hashing" in p.tags)
    attempts = [{"item_id": hashing[0]}]
    report = build_report(row, catalog, attempts, weak=[("nlp", 0.9)])
    assert [a.area for a in report.weakest] == ["hashing", "nlp"]
    step = report.next_steps[0]
    assert step.items[0].item_id not in (hashing[0], "dsa-two-sum")
    assert all(not ref.seen for ref in step.items)
    assert report.weakest[1].kind == "review"


# -- levels ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("score", "level"), [
    (1.0, 4), (0.85, 4), (0.849, 3), (0.65, 3), (0.649, 2), (0.4, 2), (0.399, 1), (0.0, 1)])
def test_levels_follow_the_documented_thresholds(score, level):
    assert level_of(score)[0] == level


@pytest.mark.parametrize(("levels", "band"), [
    ([4, 4, 3], "strong hire"), ([4, 4, 2], "hire"), ([3, 3, 3], "hire"),
    ([3, 3, 1], "lean no hire"), ([2, 2], "lean no hire"), ([2, 1, 1], "no hire"),
    ([], "no evidence")])
def test_bands_follow_the_documented_table(levels, band):
    signals = [Signal(f"s{i}", level, "", 0.0, "") for i, level in enumerate(levels)]
    assert band_of(signals)[0] == band


# -- rendering ------------------------------------------------------------------------------

def test_markdown_has_the_expected_tables(full_report):
    text = render_markdown(full_report)
    coding = full_report.rounds[0].coding[0]
    total = coding.examples_total + coding.hidden_total
    assert "| Hidden tests | Examples | Runs | Submits | Hints | Score |" in text
    assert f"| {coding.hidden_total}/{coding.hidden_total} | 4/4 | 2 | 2 | 1/3 | 90% |" in text
    assert f"| 17:30 | submitted: {total}/{total} passed |" in text
    assert "| statistics | 3/6 | 50% |" in text
    assert "| coding | 4/4 strong | 90% | 1 coding problem(s) |" in text
    assert "| overall-change | right | 24.8 | right |" in text
    assert "### 3. ML system design" in text
    assert "<script>" not in text and ESCAPED_SCRIPT in text


class TagChecker(HTMLParser):
    """Records tags left open or closed out of order."""

    VOID = {"meta", "br", "hr", "img", "input", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def test_html_is_well_formed_self_contained_and_escapes_user_text(full_report,
                                                                  abandoned_report):
    for report in (full_report, abandoned_report):
        page = render_html(report)
        checker = TagChecker()
        checker.feed(page)
        checker.close()
        assert checker.errors == [] and checker.stack == []
        assert "script" not in checker.tags
        assert not any(marker in page for marker in ("http://", "https://", "src=", "<link"))
    page = render_html(full_report)
    assert ESCAPED_SCRIPT in page and "<style>" in page
    assert "<td>24.8</td>" in page


def test_json_round_trips_with_the_documented_keys(full_report):
    text = render_json(full_report)
    data = json.loads(text)
    assert data == json.loads(json.dumps(report_to_dict(full_report)))
    assert render_json(full_report) == text  # stable
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data) == ["schema_version", "session_id", "loop_id", "loop_title", "mode",
                          "status", "created_at", "updated_at", "complete", "overall_score",
                          "band", "readiness", "signals", "rounds", "weakest", "next_steps",
                          "notes"]
    coding = data["rounds"][0]["coding"][0]
    assert {"hidden_passed", "hidden_total", "verdicts", "timeline", "complexity"} <= set(coding)
    assert set(data["rounds"][2]["design"][0]["dimensions"][0]) == {
        "dimension_id", "title", "score", "self_rating", "covered", "missed", "red_flags"}


def test_text_fits_the_width(full_report):
    text = render_text(full_report, 70)
    assert "Hidden tests" in text and "you rated yourself 3" in text
    assert max(len(line) for line in text.splitlines()) <= 70


# -- the command ----------------------------------------------------------------------------

@pytest.fixture
def home(tmp_path, monkeypatch, played):
    """INTERVIEW_HOME holding a copy of the played sessions (1 finished, 2 abandoned)."""
    monkeypatch.setenv("INTERVIEW_HOME", str(tmp_path))
    copy = sqlite3.connect(database_path())
    played[0].connection.backup(copy)
    copy.close()
    return tmp_path


def test_report_command_prints_markdown_by_default(home, capsys):
    assert main(["report", "1"]) == 0
    assert capsys.readouterr().out.startswith("# Session report: Report test loop (#1)")


def test_report_command_writes_each_format_for_latest(home, capsys):
    for name in RENDERERS:
        output = home / f"report.{name}"
        assert main(["report", "latest", "--format", name, "--output", str(output)]) == 0
        assert output.stat().st_size > 1000
    assert json.loads((home / "report.json").read_text())["session_id"] == 2
    assert (home / "report.html").read_text().startswith("<!DOCTYPE html>")
    assert "report written to" in capsys.readouterr().err


@pytest.mark.parametrize("wanted", ["42", "abc"])
def test_an_unknown_session_is_a_clear_error(home, capsys, wanted):
    assert main(["report", wanted]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "interview history" in captured.err


def test_latest_without_sessions_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INTERVIEW_HOME", str(tmp_path))
    assert main(["report", "latest"]) == 2
    assert "no sessions yet" in capsys.readouterr().err


def test_a_question_item_without_a_bank_question_still_reports(catalog):
    item = QuestionItem("GONE-1", "short", 60.0, response="x",
                        grade={"score": 0.0, "feedback": "incorrect"})
    shown = miss(item, catalog)
    assert shown.topic == "unknown" and "no longer in the bank" in shown.question


def test_bank_markup_is_dropped_not_shown_as_literal_asterisks():
    from interview.reports.skills import plain

    assert plain("κ is **1** for `[[9, 0], [0, 9]]`, *always*") == \
        "κ is 1 for [[9, 0], [0, 9]], always"
    assert plain("2 * 3 * 4 and x*y") == "2 * 3 * 4 and x*y"
