"""The data-challenge SQL console: answers read-only queries, refuses the rest, stops slow ones."""

import itertools
import sqlite3
import time

import pytest

from interview.bank import bank_root
from interview.sql_console import (
    QueryGuard,
    QueryResult,
    describe_dataset,
    format_result,
    guarded_connection,
    orders_rows,
    preview,
    run_query,
    split_statements,
)

DATA = bank_root() / "data"
RIDES = DATA / "DC-1.sqlite"
EXPERIMENT = DATA / "DC-4.sqlite"
COUNT_TO_A_BILLION = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                      "WHERE x < 1000000000) SELECT COUNT(*) FROM c")


def fingerprint(path):
    return path.read_bytes(), path.stat().st_mtime_ns


def test_a_good_query_returns_columns_and_rows():
    result = run_query(RIDES, "SELECT city, COUNT(*) AS requests FROM requests "
                              "GROUP BY city ORDER BY city")
    assert result.ok and result.error == ""
    assert result.columns == ["city", "requests"]
    assert [city for city, _ in result.rows] == ["Hillcrest", "Lakeside", "Portmore", "Riverton"]
    assert sum(count for _, count in result.rows) == 10830
    assert not result.truncated and result.summary == "4 rows"


def test_a_trailing_semicolon_and_comment_are_fine():
    result = run_query(RIDES, "SELECT 'a;b' AS text; -- done;\n")
    assert result.rows == [("a;b",)]


def test_a_dataset_path_with_spaces_and_hashes_opens(tmp_path):
    copy = tmp_path / "my data #1?.sqlite"
    copy.write_bytes(EXPERIMENT.read_bytes())
    assert run_query(copy, "SELECT COUNT(*) FROM users").rows == [(5822,)]
    assert run_query(tmp_path / "missing.sqlite", "SELECT 1").error == \
        "unable to open database file"


def test_a_syntax_error_is_a_message_not_an_exception():
    result = run_query(RIDES, "SELECT city FROM requests WHERE WHERE")
    assert not result.ok and result.error == 'near "WHERE": syntax error'
    assert run_query(RIDES, "SELECT city FROM requests WHERE").error.startswith(
        "incomplete query")
    assert run_query(RIDES, "SELEC city FROM requests").error == 'near "SELEC": syntax error'


def test_an_unknown_table_lists_the_tables():
    result = run_query(EXPERIMENT, "SELECT * FROM foo")
    assert result.error == "no such table: foo (tables: users, user_weeks)"


@pytest.mark.parametrize("sql, message", [
    ("INSERT INTO requests (city) VALUES ('x')", "only SELECT/WITH queries can run here"),
    ("DROP TABLE requests", "only SELECT/WITH queries can run here"),
    ("ATTACH DATABASE '/tmp/x' AS other", "only SELECT/WITH queries can run here"),
    ("PRAGMA writable_schema=1", "only SELECT/WITH queries can run here"),
    ("SELECT 1; DROP TABLE requests", "one statement at a time"),
    ("SELECT 1; SELECT 2", "one statement at a time"),
    ("WITH x AS (SELECT 1) INSERT INTO requests (city) SELECT 'x' FROM x", "read-only"),
    ("WITH x AS (SELECT 1) DELETE FROM requests", "read-only"),
    ("SELECT load_extension('/tmp/evil')", "load_extension() is not allowed"),
    ("", "type a query first"),
])
def test_writes_and_tricks_are_refused_and_the_file_is_unchanged(sql, message):
    before = fingerprint(RIDES)
    result = run_query(RIDES, sql)
    assert message in result.error
    assert result.rows == []
    assert fingerprint(RIDES) == before
    assert run_query(RIDES, "SELECT COUNT(*) FROM requests").rows == [(10830,)]


@pytest.mark.parametrize("sql", [
    "ATTACH DATABASE '/tmp/attached.sqlite' AS other",
    "PRAGMA writable_schema = 1",
    "DELETE FROM requests",
    "CREATE TABLE notes (x)",
])
def test_the_authorizer_denies_even_what_the_keyword_check_would_miss(sql):
    """Defence in depth: the guarded connection itself refuses, whatever the statement text."""
    guard = QueryGuard(deadline=float("inf"), clock=time.monotonic)
    before = fingerprint(RIDES)
    with guarded_connection(RIDES, guard) as connection, pytest.raises(sqlite3.DatabaseError) as raised:
        connection.execute(sql)
    assert "not authorized" in str(raised.value) or "readonly" in str(raised.value)
    assert guard.denied
    assert fingerprint(RIDES) == before


def test_a_slow_query_stops_at_the_time_limit_promptly():
    started = time.monotonic()
    result = run_query(RIDES, COUNT_TO_A_BILLION, seconds=0.2)
    assert time.monotonic() - started < 2.0
    assert result.timed_out
    assert result.error == "query stopped after 0.2 s: time limit"


def test_the_deadline_follows_the_injected_clock():
    ticks = itertools.count()
    result = run_query(RIDES, "SELECT COUNT(*) FROM requests a, requests b", seconds=3,
                       clock=lambda: float(next(ticks)))
    assert result.timed_out and result.error == "query stopped after 3 s: time limit"
    assert result.elapsed_ms >= 3000


def test_rows_are_capped_and_the_rest_only_counted():
    result = run_query(RIDES, "SELECT request_id FROM requests ORDER BY request_id",
                       max_rows=100)
    assert len(result.rows) == 100 and result.rows[-1] == (100,)
    assert result.truncated
    assert result.total_rows == 10100 and result.total_is_lower_bound
    assert result.summary == "showing first 100 of 10,100+ rows"


def test_a_result_just_over_the_cap_is_counted_exactly():
    result = run_query(EXPERIMENT, "SELECT user_id FROM users", max_rows=5000)
    assert len(result.rows) == 5000 and result.total_rows == 5822
    assert result.summary == "showing first 5,000 of 5,822 rows"


def test_describe_dataset_lists_tables_columns_and_counts():
    tables = describe_dataset(EXPERIMENT)
    assert [t.name for t in tables] == ["users", "user_weeks"]
    users = tables[0]
    assert users.row_count == 5822
    assert [c.name for c in users.columns][:2] == ["user_id", "variant"]
    assert users.columns[0].type == "INTEGER"
    assert tables[1].row_count == 2 * 5822


def test_preview_shows_the_first_rows_of_a_known_table_only():
    assert len(preview(RIDES, "requests", rows=3).rows) == 3
    assert preview(RIDES, "requests; DROP TABLE requests").error.startswith("no such table")


def test_split_statements_ignores_semicolons_in_literals_and_comments():
    assert split_statements("SELECT ';' /* ; */ -- ;\n; ;") == ["SELECT ';' /* ; */ -- ;"]
    assert len(split_statements("SELECT 1; SELECT [a;b] FROM t")) == 2


@pytest.mark.parametrize("sql, ordered", [
    ("SELECT city FROM requests ORDER BY city", True),
    ("SELECT city, SUM(x) OVER (ORDER BY day) FROM t", False),
    ("WITH top AS (SELECT * FROM t ORDER BY x LIMIT 3) SELECT COUNT(*) FROM top", False),
    ("SELECT 'ORDER BY' AS text -- ORDER BY\n", False),
    ("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1", True),
])
def test_orders_rows_sees_only_a_top_level_order_by(sql, ordered):
    assert orders_rows(sql) is ordered


def test_format_result_fits_the_width_and_summarises():
    result = QueryResult(["city", "note"], [("Riverton", "x" * 80), ("Lakeside", None)],
                         elapsed_ms=12)
    text = format_result(result, width=40)
    lines = text.splitlines()
    assert lines[0].startswith("city") and "note" in lines[0]
    assert all(len(line) <= 40 for line in lines)
    assert "…" in lines[2] and "NULL" in lines[3]
    assert lines[-1] == "(2 rows, 12 ms)"


def test_format_result_shows_the_error():
    assert format_result(run_query(RIDES, "SELECT * FROM nope"), 80) == \
        "error: no such table: nope (tables: requests)"
