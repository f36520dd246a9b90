"""The only module that speaks SQLite: sessions, drafts, attempts, review cards, migrations.

The database runs in WAL mode so that frequent draft saves stay cheap and a killed app loses
nothing that was committed. A database that cannot be opened or fails its integrity check is
moved aside (never deleted) and a fresh one is created; the caller is told where the old one went.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIGRATIONS: list[str] = [
    # 1: sessions, their rounds' saved state, and every graded attempt
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        loop TEXT NOT NULL,
        mode TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active',
        state TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE drafts (
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        round_index INTEGER NOT NULL,
        item_id TEXT NOT NULL,
        content TEXT NOT NULL,
        saved_at REAL NOT NULL,
        PRIMARY KEY (session_id, round_index, item_id)
    );
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        session_id INTEGER REFERENCES sessions(id),
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at REAL NOT NULL,
        result TEXT NOT NULL
    );
    CREATE INDEX attempts_by_item ON attempts(item_id);
    """,
    # 2: one spaced-repetition card per bank item, and when it is next due
    """
    CREATE TABLE review_cards (
        item_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        topic TEXT NOT NULL,
        card TEXT NOT NULL,
        due REAL NOT NULL,
        last_rating INTEGER NOT NULL,
        reviews INTEGER NOT NULL DEFAULT 0,
        updated_at REAL NOT NULL
    );
    CREATE INDEX review_cards_by_due ON review_cards(due);
    """,
]


@dataclass(frozen=True)
class OpenedStore:
    """A store, and where a damaged database was moved if one had to be."""

    store: Store
    moved_aside: Path | None = None
    reason: str = ""


class Store:
    """Sessions, drafts, attempts and review cards on one SQLite connection."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def close(self) -> None:
        self.connection.close()

    # -- sessions ---------------------------------------------------------------------------

    def create_session(self, loop: str, mode: str, state: dict[str, Any]) -> int:
        now = time.time()
        with self.connection:
            cursor = self.connection.execute(
                "INSERT INTO sessions (created_at, updated_at, loop, mode, state) "
                "VALUES (?, ?, ?, ?, ?)", (now, now, loop, mode, json.dumps(state)))
        return int(cursor.lastrowid)

    def save_session_state(self, session_id: int, state: dict[str, Any],
                           status: str = "active") -> None:
        with self.connection:
            self.connection.execute(
                "UPDATE sessions SET state = ?, status = ?, updated_at = ? WHERE id = ?",
                (json.dumps(state), status, time.time(), session_id))

    def session(self, session_id: int) -> dict[str, Any] | None:
        row = self.connection.execute(
            "SELECT id, created_at, updated_at, loop, mode, status, state FROM sessions "
            "WHERE id = ?", (session_id,)).fetchone()
        return _session_row(row) if row else None

    def unfinished_session(self) -> dict[str, Any] | None:
        """The most recent session that was neither finished nor abandoned."""
        row = self.connection.execute(
            "SELECT id, created_at, updated_at, loop, mode, status, state FROM sessions "
            "WHERE status = 'active' ORDER BY updated_at DESC LIMIT 1").fetchone()
        return _session_row(row) if row else None

    def sessions(self) -> list[dict[str, Any]]:
        rows = self.connection.execute(
            "SELECT id, created_at, updated_at, loop, mode, status, state FROM sessions "
            "ORDER BY created_at DESC").fetchall()
        return [_session_row(row) for row in rows]

    # -- drafts -----------------------------------------------------------------------------

    def save_draft(self, session_id: int, round_index: int, item_id: str, content: str) -> None:
        with self.connection:
            self.connection.execute(
                "INSERT INTO drafts (session_id, round_index, item_id, content, saved_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(session_id, round_index, item_id) "
                "DO UPDATE SET content = excluded.content, saved_at = excluded.saved_at",
                (session_id, round_index, item_id, content, time.time()))

    def draft(self, session_id: int, round_index: int, item_id: str) -> str | None:
        row = self.connection.execute(
            "SELECT content FROM drafts WHERE session_id = ? AND round_index = ? AND item_id = ?",
            (session_id, round_index, item_id)).fetchone()
        return row[0] if row else None

    # -- attempts ---------------------------------------------------------------------------

    def record_attempt(self, session_id: int | None, item_id: str, kind: str,
                       result: dict[str, Any]) -> int:
        with self.connection:
            cursor = self.connection.execute(
                "INSERT INTO attempts (session_id, item_id, kind, created_at, result) "
                "VALUES (?, ?, ?, ?, ?)",
                (session_id, item_id, kind, time.time(), json.dumps(result)))
        return int(cursor.lastrowid)

    def attempts(self, item_id: str | None = None) -> list[dict[str, Any]]:
        query = "SELECT id, session_id, item_id, kind, created_at, result FROM attempts"
        rows = self.connection.execute(
            query + (" WHERE item_id = ?" if item_id else "") + " ORDER BY created_at",
            (item_id,) if item_id else ()).fetchall()
        return [{"id": r[0], "session_id": r[1], "item_id": r[2], "kind": r[3],
                 "created_at": r[4], "result": json.loads(r[5])} for r in rows]

    # -- review cards -----------------------------------------------------------------------

    def save_card(self, item_id: str, kind: str, topic: str, card: dict[str, Any], due: float,
                  last_rating: int, reviews: int, updated_at: float) -> None:
        """Insert or replace an item's review card; `card` is the scheduler's own JSON."""
        with self.connection:
            self.connection.execute(
                "INSERT OR REPLACE INTO review_cards (item_id, kind, topic, card, due, "
                "last_rating, reviews, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (item_id, kind, topic, json.dumps(card), due, last_rating, reviews, updated_at))

    def card(self, item_id: str) -> dict[str, Any] | None:
        row = self.connection.execute(
            _CARD_COLUMNS + " WHERE item_id = ?", (item_id,)).fetchone()
        return _card_row(row) if row else None

    def due_cards(self, now: float, limit: int) -> list[dict[str, Any]]:
        """Cards due at or before `now`, the longest overdue first."""
        rows = self.connection.execute(
            _CARD_COLUMNS + " WHERE due <= ? ORDER BY due, item_id LIMIT ?",
            (now, limit)).fetchall()
        return [_card_row(row) for row in rows]

    def cards(self) -> list[dict[str, Any]]:
        rows = self.connection.execute(_CARD_COLUMNS + " ORDER BY item_id").fetchall()
        return [_card_row(row) for row in rows]


_CARD_COLUMNS = ("SELECT item_id, kind, topic, card, due, last_rating, reviews, updated_at "
                 "FROM review_cards")


def _card_row(row: tuple) -> dict[str, Any]:
    keys = ("item_id", "kind", "topic", "card", "due", "last_rating", "reviews", "updated_at")
    return {**dict(zip(keys, row, strict=True)), "card": json.loads(row[3])}


def _session_row(row: tuple) -> dict[str, Any]:
    keys = ("id", "created_at", "updated_at", "loop", "mode", "status")
    return {**dict(zip(keys, row[:6], strict=True)), "state": json.loads(row[6])}


def schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection) -> None:
    """Apply the migrations this database has not seen yet, each in its own transaction."""
    version = schema_version(connection)
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError(
            f"the database was written by a newer version (schema {version})")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")


def open_store(path: Path) -> OpenedStore:
    """Open (creating or migrating) the database; move a damaged one aside and start afresh."""
    try:
        return OpenedStore(Store(_connect(path)))
    except sqlite3.DatabaseError as error:
        aside = _move_aside(path)
        return OpenedStore(Store(_connect(path)), aside, str(error))


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("the integrity check failed")
        migrate(connection)
    except sqlite3.DatabaseError:
        connection.close()
        raise
    connection.isolation_level = ""  # `with connection:` commits each write
    return connection


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        companion = Path(str(path) + suffix)
        if companion.exists():
            companion.rename(Path(str(aside) + suffix))
    return aside
