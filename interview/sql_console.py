"""The data-challenge SQL console: one read-only, time-limited query at a time on a dataset.

Three layers keep the bundled dataset safe: the file is opened read-only (`mode=ro`), the
connection is `query_only`, and an authorizer refuses everything but reading. Every user fault
(bad SQL, a write, a slow query) comes back as a plain message in `QueryResult.error`.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Clock = Callable[[], float]

COUNT_LIMIT = 10_000
"""Rows past the shown ones are counted up to this many, so a huge result is never held."""
PROGRESS_STEPS = 5_000
"""SQLite virtual-machine steps between two deadline checks."""
MAX_VALUE_BYTES = 10_000_000
"""The longest string or blob a query may build (SQLite's default is 1 GB)."""
QUERY_KEYWORDS = ("select", "with", "values")
OTHER_KEYWORDS = ("insert", "update", "delete", "replace", "drop", "create", "alter", "attach",
                  "detach", "pragma", "begin", "commit", "end", "rollback", "savepoint",
                  "release", "vacuum", "reindex", "analyze", "explain", "upsert")
READ_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_RECURSIVE}
FILE_FUNCTIONS = {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer",
                  "zipfile", "sqlar_compress", "sqlar_uncompress", "lsmode"}
DENIED_WHAT = {
    sqlite3.SQLITE_ATTACH: "ATTACH", sqlite3.SQLITE_DETACH: "DETACH",
    sqlite3.SQLITE_PRAGMA: "PRAGMA", sqlite3.SQLITE_TRANSACTION: "transactions",
    sqlite3.SQLITE_SAVEPOINT: "savepoints",
}
QUOTE_ENDS = {"'": "'", '"': '"', "`": "`", "[": "]", "--": "\n", "/*": "*/"}


@dataclass(frozen=True)
class QueryResult:
    """What one query returned, or why it did not run."""

    columns: list[str]
    """Column names as the query spelled them."""
    rows: list[tuple[Any, ...]]
    """At most `max_rows` rows, in the order the query produced them."""
    truncated: bool = False
    """The query produced more rows than are shown."""
    elapsed_ms: float = 0.0
    error: str = ""
    """A plain message for the candidate; empty when the query ran."""
    total_rows: int = 0
    """Rows the query produced, counted up to `COUNT_LIMIT` past the shown ones."""
    total_is_lower_bound: bool = False
    """Counting stopped early (limit or time), so there are `total_rows` or more."""
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def summary(self) -> str:
        """'3 rows', or 'showing first 500 of 10,000+ rows' for a cut result."""
        if not self.truncated:
            return f"{len(self.rows):,} row{'' if len(self.rows) == 1 else 's'}"
        more = "+" if self.total_is_lower_bound else ""
        return f"showing first {len(self.rows):,} of {self.total_rows:,}{more} rows"


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    type: str
    """The declared type (INTEGER, REAL, TEXT...), empty when none was declared."""


@dataclass(frozen=True)
class TableInfo:
    """One table of a dataset, for the dataset pane."""

    name: str
    columns: list[ColumnInfo] = field(default_factory=list)
    row_count: int = 0


def _failed(message: str, elapsed_ms: float = 0.0, timed_out: bool = False) -> QueryResult:
    return QueryResult([], [], elapsed_ms=elapsed_ms, error=message, timed_out=timed_out)


# -- reading SQL text ------------------------------------------------------------------------

def blank_literals(sql: str) -> str:
    """`sql` with strings, quoted names and comments turned into spaces, same length.

    What remains is the statement's structure, so `;`, parentheses and keywords can be found
    without being fooled by `'a;b'` or `-- ORDER BY`.
    """
    chars, index = list(sql), 0
    while index < len(sql):
        opener = next((o for o in QUOTE_ENDS if sql.startswith(o, index)), None)
        if opener is None:
            index += 1
            continue
        end = sql.find(QUOTE_ENDS[opener], index + len(opener))
        end = len(sql) if end < 0 else end + len(QUOTE_ENDS[opener])
        chars[index:end] = " " * (end - index)
        index = end
    return "".join(chars)


def split_statements(sql: str) -> list[str]:
    """The non-empty statements of `sql`, split at semicolons outside literals and comments."""
    blanked, statements, start = blank_literals(sql), [], 0
    for end in [i for i, char in enumerate(blanked) if char == ";"] + [len(sql)]:
        if blanked[start:end].strip():
            statements.append(sql[start:end].strip())
        start = end + 1
    return statements


def _top_level(sql: str) -> str:
    """The structure of `sql` outside any parentheses (subqueries, CTE bodies, OVER clauses)."""
    depth, kept = 0, []
    for char in blank_literals(sql):
        depth += (char == "(") - (char == ")")
        kept.append(char if depth == 0 and char != ")" else " ")
    return "".join(kept)


def orders_rows(sql: str) -> bool:
    """The query itself ends with ORDER BY, so the order of its rows is part of the answer."""
    return re.search(r"\border\s+by\b", _top_level(sql), re.IGNORECASE) is not None


def _first_keyword(sql: str) -> str:
    match = re.match(r"\s*([a-z]+)", blank_literals(sql), re.IGNORECASE)
    return match.group(1).lower() if match else ""


def _refusal(sql: str) -> tuple[str, str]:
    """The single statement to run and, when it cannot run, why not."""
    statements = split_statements(sql)
    if not statements:
        return "", "type a query first"
    if len(statements) > 1:
        return "", (f"one statement at a time: this text has {len(statements)} statements "
                    "separated by ';'")
    keyword = _first_keyword(statements[0])
    if keyword in OTHER_KEYWORDS:
        return "", "only SELECT/WITH queries can run here"
    if keyword not in QUERY_KEYWORDS:
        return "", f'near "{statements[0].split()[0]}": syntax error'
    return statements[0], ""


# -- the guarded connection ------------------------------------------------------------------

class QueryGuard:
    """The authorizer and progress handler of one query, remembering why it stopped it."""

    def __init__(self, deadline: float, clock: Clock) -> None:
        self.deadline, self.clock = deadline, clock
        self.denied = ""
        self.timed_out = False

    def authorize(self, action: int, first: str | None, second: str | None,
                  database: str | None, source: str | None) -> int:
        """Allow reading and ordinary functions; deny (and name) everything else."""
        if action in READ_ACTIONS:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_FUNCTION and (second or "").lower() not in FILE_FUNCTIONS:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_FUNCTION:
            self.denied = self.denied or f"the function {second}() is not allowed here"
        else:
            what = DENIED_WHAT.get(action, "changing the dataset")
            self.denied = self.denied or f"{what} is not allowed: the dataset is read-only"
        return sqlite3.SQLITE_DENY

    def check_time(self) -> int:
        """Progress handler: a non-zero return makes SQLite stop the query."""
        self.timed_out = self.timed_out or self.clock() > self.deadline
        return int(self.timed_out)


def _connect(dataset: Path) -> sqlite3.Connection:
    """A read-only connection; `as_uri` quotes spaces, `?` and `#` in the path."""
    connection = sqlite3.connect(f"{dataset.resolve().as_uri()}?mode=ro", uri=True)
    connection.execute("PRAGMA query_only = ON")
    connection.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    return connection


@contextlib.contextmanager
def guarded_connection(dataset: Path, guard: QueryGuard) -> Iterator[sqlite3.Connection]:
    """A read-only connection whose every statement passes `guard` (authorizer and deadline)."""
    with contextlib.closing(_connect(dataset)) as connection:
        connection.set_authorizer(guard.authorize)
        connection.set_progress_handler(guard.check_time, PROGRESS_STEPS)
        yield connection


def table_names(dataset: Path) -> list[str]:
    """The dataset's tables in the order they were created."""
    with contextlib.closing(_connect(dataset)) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                  "name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    return [name for (name,) in rows]


# -- running a query -------------------------------------------------------------------------

def run_query(dataset: Path, sql: str, seconds: float = 3.0, max_rows: int = 500,
              clock: Clock = time.monotonic) -> QueryResult:
    """Run one read-only query on `dataset`, stopping it after `seconds`; never raises for bad SQL.

    Shows at most `max_rows` rows and counts the rest up to `COUNT_LIMIT` more, so a query
    returning millions of rows costs neither memory nor unbounded time.
    """
    statement, refusal = _refusal(sql)
    if refusal:
        return _failed(refusal)
    started = clock()
    guard = QueryGuard(started + seconds, clock)
    try:
        with guarded_connection(dataset, guard) as connection:
            return _fetch(connection.execute(statement), guard, max_rows, started)
    except sqlite3.Error as error:
        elapsed_ms = (clock() - started) * 1000
        return _failed(_explain(error, guard, seconds, dataset), elapsed_ms, guard.timed_out)


def _fetch(cursor: sqlite3.Cursor, guard: QueryGuard, max_rows: int, started: float) -> QueryResult:
    columns = [column[0] for column in cursor.description or []]
    rows = cursor.fetchmany(max_rows)
    total, stopped_early = _count_rest(cursor, len(rows)) if len(rows) == max_rows else \
        (len(rows), False)
    return QueryResult(columns, rows, truncated=total > len(rows) or stopped_early,
                       elapsed_ms=(guard.clock() - started) * 1000, total_rows=total,
                       total_is_lower_bound=stopped_early)


def _count_rest(cursor: sqlite3.Cursor, shown: int) -> tuple[int, bool]:
    """Count the rows after the shown ones without keeping them; stop at the limit or time."""
    total = shown
    try:
        while total < shown + COUNT_LIMIT:
            batch = len(cursor.fetchmany(min(1000, shown + COUNT_LIMIT - total)))
            if not batch:
                return total, False
            total += batch
        return total, cursor.fetchone() is not None
    except sqlite3.OperationalError:  # the deadline passed while counting: keep what we have
        return total, True


def _explain(error: sqlite3.Error, guard: QueryGuard, seconds: float, dataset: Path) -> str:
    """A plain message for a failed query, naming what the candidate can do about it."""
    message = str(error)
    if guard.timed_out:
        return f"query stopped after {seconds:g} s: time limit"
    if guard.denied:
        return guard.denied
    if message.startswith("no such table"):
        return f"{message} (tables: {', '.join(table_names(dataset))})"
    if message == "incomplete input":
        return "incomplete query: it ends too early (an unfinished clause, quote or parenthesis)"
    if "readonly" in message or "read-only" in message:
        return "the dataset is read-only"
    if isinstance(error, sqlite3.ProgrammingError):
        return f"this query cannot run here: {message}"
    return message


# -- the dataset pane ------------------------------------------------------------------------

def describe_dataset(dataset: Path) -> list[TableInfo]:
    """Each table with its columns, declared types and row count."""
    with contextlib.closing(_connect(dataset)) as connection:
        return [_describe_table(connection, name) for name in table_names(dataset)]


def _describe_table(connection: sqlite3.Connection, name: str) -> TableInfo:
    quoted = '"' + name.replace('"', '""') + '"'
    columns = [ColumnInfo(row[1], row[2]) for row in
               connection.execute(f"PRAGMA table_info({quoted})")]
    (count,) = connection.execute(f"SELECT COUNT(*) FROM {quoted}").fetchone()
    return TableInfo(name, columns, count)


def preview(dataset: Path, table: str, rows: int = 5) -> QueryResult:
    """The first `rows` rows of one table, as the console would show them."""
    names = table_names(dataset)
    if table not in names:
        return _failed(f"no such table: {table} (tables: {', '.join(names)})")
    quoted = '"' + table.replace('"', '""') + '"'
    return run_query(dataset, f"SELECT * FROM {quoted} LIMIT {int(rows)}", max_rows=rows)


# -- text rendering --------------------------------------------------------------------------

def format_value(value: Any) -> str:
    """How one cell reads: NULL for missing values, floats to 10 significant digits."""
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def format_result(result: QueryResult, width: int = 100) -> str:
    """A plain-text table of the result, no wider than `width`, with a summary line."""
    if result.error:
        return f"error: {result.error}"
    cells = [[format_value(v).replace("\n", " ") for v in row] for row in result.rows]
    widths = _fit([max([len(c)] + [len(row[i]) for row in cells])
                   for i, c in enumerate(result.columns)], width)
    lines = [_line(result.columns, widths), "  ".join("-" * w for w in widths)]
    lines += [_line(row, widths) for row in cells]
    lines.append(f"({result.summary}, {result.elapsed_ms:.0f} ms)")
    return "\n".join(lines)


def _fit(widths: list[int], width: int) -> list[int]:
    """Shrink the widest columns (never below 3 characters) until the table fits."""
    widths = list(widths)
    while widths and sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > 3:
        widths[widths.index(max(widths))] -= 1
    return widths


def _line(values: list[str], widths: list[int]) -> str:
    cut = [v if len(v) <= w else v[: w - 1] + "…" for v, w in zip(values, widths, strict=True)]
    return "  ".join(v.ljust(w) for v, w in zip(cut, widths, strict=True)).rstrip()
