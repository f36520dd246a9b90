"""Past sessions listed with their scores, filtered, and shown by `interview history`."""

from __future__ import annotations

import json

import played_sessions as sessions
import pytest

from interview.cli import main
from interview.engine.plan import topic_loop
from interview.history import (
    filter_entries,
    history_entries,
    history_entry,
    render_history,
)
from interview.locations import database_path
from interview.reports import build_report
from interview.reports.advice import matches
from interview.storage import open_store


def play_history(store, catalog, sandbox):
    """Session 1: coding ran out of time, skills played, the rest skipped.
    Session 2: a probability topic drill, one answer, then abandoned."""
    clock = sessions.FakeClock()
    first = sessions.start(store, catalog, sandbox, clock)
    first.begin()
    clock.advance(900)
    first.end_round("time")
    sessions.play_skills(first, clock)
    first.finish()
    second = sessions.start(store, catalog, sandbox, clock, topic_loop("probability", 3),
                            mode="practice")
    second.begin()
    second.answer(sessions.right_answer(second, second.item))
    second.abandon()
    return first, second


@pytest.fixture
def home(tmp_path, monkeypatch, catalog, sandbox_runner):
    monkeypatch.setenv("INTERVIEW_HOME", str(tmp_path))
    store = open_store(database_path()).store
    play_history(store, catalog, sandbox_runner)
    yield store
    store.close()


def test_entries_are_newest_first_with_the_report_score(home, catalog):
    entries = history_entries(home, catalog)
    assert [e.session_id for e in entries] == [2, 1]
    drill, loop = entries
    assert (drill.mode, drill.status, drill.kinds, drill.topics) == (
        "practice", "abandoned", ["skills"], ["probability"])
    assert loop.status == "finished" and loop.kinds == ["coding", "data", "design", "skills"]
    assert {"statistics", "hashing"} <= set(loop.topics)
    for entry in entries:
        report = build_report(home.session(entry.session_id), catalog)
        assert entry.overall_score == report.overall_score
    assert drill.overall_score == 1.0  # interrupted: the mean of what was answered


def test_filters_by_kind_and_topic(home, catalog):
    entries = history_entries(home, catalog)
    assert [e.session_id for e in filter_entries(entries, kind="design")] == [1]
    assert [e.session_id for e in filter_entries(entries, kind="skills")] == [2, 1]
    assert [e.session_id for e in filter_entries(entries, topic="Probability")] == [2]
    assert [e.session_id for e in filter_entries(entries, "coding", "probability")] == []


def test_topics_match_across_spellings():
    assert matches("linear-algebra", ["numpy", "linear algebra"])
    assert matches("NLP", ["nlp"]) and not matches("nlp", ["tokenization"])


def test_an_unreadable_session_is_listed_without_details(catalog):
    row = {"id": 5, "created_at": 0.0, "loop": "onsite", "mode": "interview",
           "status": "active", "state": {"rounds": "garbage"}}
    entry = history_entry(row, catalog)
    assert (entry.loop_title, entry.overall_score, entry.kinds) == ("onsite", None, [])
    assert "onsite" in render_history([entry])


def test_history_command_prints_a_table(home, capsys):
    assert main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "Date", "Mode", "Status", "Score", "Loop"]
    assert lines[1].split()[0] == "2" and "abandoned" in lines[1] and "100%" in lines[1]
    assert lines[2].split()[0] == "1" and "Report test loop" in lines[2]


def test_history_command_json_and_filters(home, capsys):
    assert main(["history", "--json", "--kind", "coding"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["session_id"] for e in listed] == [1]
    assert {"created_at", "loop_title", "mode", "status", "overall_score"} <= set(listed[0])
    assert main(["history", "--topic", "nlp"]) == 0
    assert "No sessions match --topic nlp (2 session(s)" in capsys.readouterr().out


def test_empty_history_is_explained(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INTERVIEW_HOME", str(tmp_path))
    assert main(["history"]) == 0
    assert capsys.readouterr().out.startswith("No sessions yet. Run `interview`")


def test_a_damaged_database_is_moved_aside_and_reported(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("INTERVIEW_HOME", str(tmp_path))
    database_path().write_bytes(b"this is not a database" * 100)
    assert main(["history"]) == 0
    captured = capsys.readouterr()
    moved = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(moved) == 1 and str(moved[0]) in captured.err
    assert "No sessions yet" in captured.out
