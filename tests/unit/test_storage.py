import sqlite3

from interview.storage import MIGRATIONS, open_store, schema_version


def test_a_new_database_is_migrated_and_in_wal_mode(tmp_path):
    opened = open_store(tmp_path / "db.sqlite3")
    connection = opened.store.connection
    assert schema_version(connection) == len(MIGRATIONS)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert opened.moved_aside is None


def test_sessions_drafts_and_attempts_survive_a_reopen(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = open_store(path).store
    session_id = store.create_session("phone-screen", "practice", {"round": 0})
    store.save_draft(session_id, 0, "dsa-two-sum", "def two_sum(): ...")
    store.save_draft(session_id, 0, "dsa-two-sum", "def two_sum(nums, target): ...")
    store.save_session_state(session_id, {"round": 1, "remaining": 1200.5})
    store.record_attempt(session_id, "dsa-two-sum", "coding", {"passed": 3, "total": 5})
    store.close()

    reopened = open_store(path).store
    assert reopened.draft(session_id, 0, "dsa-two-sum") == "def two_sum(nums, target): ..."
    assert reopened.unfinished_session()["state"] == {"round": 1, "remaining": 1200.5}
    assert reopened.attempts("dsa-two-sum")[0]["result"] == {"passed": 3, "total": 5}


def test_a_finished_session_is_not_offered_for_resuming(tmp_path):
    store = open_store(tmp_path / "db.sqlite3").store
    session_id = store.create_session("onsite", "interview", {})
    store.save_session_state(session_id, {}, status="finished")
    assert store.unfinished_session() is None


def test_a_corrupt_database_is_moved_aside_and_replaced(tmp_path):
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    opened = open_store(path)
    assert opened.moved_aside is not None and opened.moved_aside.exists()
    assert opened.moved_aside.read_bytes().startswith(b"this is not a database")
    assert "not a database" in opened.reason
    assert opened.store.sessions() == []


def test_a_database_from_a_newer_version_is_not_touched(tmp_path):
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    opened = open_store(path)
    assert opened.moved_aside is not None and "newer version" in opened.reason
