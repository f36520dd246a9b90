"""Trends over sessions played through the real engine, and the sparkline and bar renderers."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import played_sessions as sessions
import pytest

from interview.engine.plan import topic_loop
from interview.engine.state import CodingItem, Event
from interview.reports import build_report
from interview.reports.export import export_report
from interview.storage import open_store
from interview.trends import (
    accepted_minutes,
    bar,
    build_trends,
    sparkline,
    strength_of,
    trends_of,
)


@pytest.fixture(scope="module")
def played(catalog, sandbox_runner, tmp_path_factory):
    """Oldest first: a full loop, an abandoned loop, a probability drill (all right)."""
    store = open_store(tmp_path_factory.mktemp("trends") / "interview.sqlite").store
    full = sessions.full_session(store, catalog, sandbox_runner)
    abandoned = sessions.abandoned_session(store, catalog, sandbox_runner)
    clock = sessions.FakeClock()
    drill = sessions.start(store, catalog, sandbox_runner, clock, topic_loop("probability", 2))
    drill.begin()
    while True:
        drill.answer(sessions.right_answer(drill, drill.item))
        if not drill.next_item():
            break
    drill.end_round()
    yield store, [full, abandoned, drill]
    store.close()


@pytest.fixture(scope="module")
def trends(played, catalog):
    store, _ = played
    return build_trends(store, catalog)


@pytest.fixture(scope="module")
def reports(played, catalog):
    store, played_sessions = played
    return [build_report(store.session(s.id), catalog) for s in played_sessions]


# -- renderers -------------------------------------------------------------------------------

def test_a_sparkline_scales_between_the_lowest_and_highest_value():
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8) == "▁▂▃▄▅▆▇█"
    assert sparkline([1, 4, 2], 10, low=1, high=4) == "▁█▃"
    assert sparkline([0.5], 5, low=0.0, high=1.0) == "▅"


def test_a_sparkline_keeps_the_latest_values_and_shows_gaps():
    assert sparkline([9, 0, 10], 2) == "▁█"
    assert sparkline([1, None, 3], 3) == "▁ █"
    assert sparkline([None, None], 4) == "  "
    assert sparkline([], 4) == "" and sparkline([1, 2], 0) == ""


def test_a_flat_sparkline_sits_at_mid_height_and_out_of_range_values_are_clamped():
    assert sparkline([3, 3, 3], 3) == "▄▄▄"
    assert sparkline([-1, 2], 2, low=0, high=1) == "▁█"


def test_a_bar_is_exactly_as_wide_as_asked_and_fills_in_eighths():
    assert bar(1.0, 10) == "█" * 10
    assert bar(0.0, 4) == "░░░░"
    assert bar(0.5, 4) == "██░░"
    assert bar(0.0625, 2) == "▏░"
    assert bar(0.55, 10) == "█████▌░░░░"
    assert bar(2.0, 3) == "███" and bar(None, 3) == "░░░" and bar(0.5, 0) == ""
    assert all(len(bar(v / 37, 13)) == 13 for v in range(38))


def test_strength_labels_follow_the_report_levels():
    assert [strength_of(v) for v in (None, 0.0, 0.64, 0.65, 0.849, 0.85, 1.0)] == \
        ["unseen", "weak", "weak", "ok", "ok", "strong", "strong"]


# -- series ----------------------------------------------------------------------------------

def test_signal_levels_per_session_are_the_reports_levels_oldest_first(trends, reports):
    assert trends.sessions == 3
    assert trends.overall == [r.overall_score for r in reports]
    by_name = {series.name: series for series in trends.signals}
    for series in trends.signals:
        expected = [(r.session_id, s.level) for r in reports for s in r.signals
                    if s.name == series.name]
        assert [(p.session_id, p.level) for p in series.points] == expected
    assert [p.session_id for p in by_name["ML design"].points] == [reports[0].session_id]
    assert len(by_name["ML breadth"].points) == 3
    assert trends.signals[0].name == "problem solving"


def test_skill_accuracy_by_topic_follows_each_session(trends, reports):
    by_topic = {series.topic: series for series in trends.topics}
    assert sorted(by_topic) == ["probability", "statistics"]
    statistics = by_topic["statistics"]
    first = next(t for r in reports[0].rounds if r.skills for t in r.skills.topics)
    assert (statistics.points[0].correct, statistics.points[0].total) == \
        (first.correct, first.total)
    assert [p.session_id for p in statistics.points] == [r.session_id for r in reports[:2]]
    assert by_topic["probability"].points[0].accuracy == 1.0
    weighted = sum(p.accuracy * p.total for p in statistics.points) / \
        sum(p.total for p in statistics.points)
    assert statistics.accuracy == pytest.approx(weighted)


def test_solve_times_are_round_minutes_to_the_first_accepted_submission(trends, reports):
    # play_coding: 12 min typing, runs, a hint, a wrong submit at 16 min, the right one at 17.5.
    assert [(t.problem_id, t.session_id, t.minutes) for t in trends.solve_times] == \
        [("dsa-two-sum", reports[0].session_id, 17.5), ("dsa-two-sum", reports[1].session_id, 17.5)]
    assert trends.solve_times[0].title == "Two Sum"


def test_an_item_never_accepted_has_no_solve_time():
    item = CodingItem("x", events=[Event(60, "submit", {"passed": 1, "total": 3}),
                                   Event(90, "run", {"passed": 3, "total": 3}),
                                   Event(120, "auto-submit", {"passed": 0, "total": 0})])
    assert accepted_minutes(item) is None
    item.events.append(Event(300, "submit", {"passed": 3, "total": 3}))
    assert accepted_minutes(item) == 5.0


def test_the_topic_map_labels_every_topic_and_tag_weakest_first(trends, catalog):
    rows = {(row.kind, row.topic): row for row in trends.topic_map}
    assert (rows[("coding", "arrays")].attempts, rows[("coding", "arrays")].strength) == \
        (2, "strong")
    statistics = rows[("skill", "statistics")]
    assert statistics.attempts == 9 and statistics.strength == strength_of(statistics.accuracy)
    assert statistics.strength != "strong"
    assert rows[("skill", "probability")].strength == "strong"
    assert rows[("skill", "big-data")].strength == "unseen"
    assert rows[("skill", "big-data")].attempts == 0
    assert len({q.topic for q in catalog.questions.values()}) == \
        sum(kind == "skill" for kind, _ in rows)
    assert ("coding", "information-retrieval") in rows and \
        ("coding", "information retrieval") not in rows
    seen = [row.accuracy for row in trends.topic_map if row.accuracy is not None]
    assert seen == sorted(seen) and trends.topic_map[-1].strength == "unseen"
    assert [row.strength for row in trends.topic_map][:len(seen)].count("unseen") == 0


def test_rows_in_any_order_give_the_same_trends_and_unreadable_ones_are_skipped(
        played, catalog, trends):
    store, _ = played
    rows = store.sessions()  # newest first
    broken = {**copy.deepcopy(rows[0]), "id": 99, "state": {"rounds": "nonsense"}}
    again = trends_of([rows[1], broken, rows[2], rows[0]], catalog)
    assert again.sessions == 3
    assert again.overall == trends.overall
    assert [t.session_id for t in again.solve_times] == [t.session_id for t in trends.solve_times]


def test_no_sessions_give_empty_trends_and_an_all_unseen_map(catalog, tmp_path):
    store = open_store(tmp_path / "empty.sqlite").store
    empty = build_trends(store, catalog)
    store.close()
    assert (empty.sessions, empty.signals, empty.topics, empty.solve_times) == (0, [], [], [])
    assert empty.topic_map and {row.strength for row in empty.topic_map} == {"unseen"}


# -- export and hygiene ----------------------------------------------------------------------

def test_export_writes_markdown_html_and_json_named_after_the_session(reports, tmp_path):
    report = reports[0]
    paths = export_report(report, tmp_path / "reports")
    assert [p.name for p in paths] == [f"session-{report.session_id}.{s}"
                                       for s in ("md", "html", "json")]
    assert paths[0].read_text().startswith("# Session report:")
    assert "<html" in paths[1].read_text().lower()
    assert json.loads(paths[2].read_text())["session_id"] == report.session_id


def test_trends_and_export_do_not_import_textual():
    code = ("import interview.trends, interview.reports.export, sys, json; "
            "print(json.dumps(sorted(sys.modules)))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert not any(name.split(".")[0] == "textual" for name in json.loads(output))
