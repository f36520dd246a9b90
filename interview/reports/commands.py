"""`interview report` and `interview history`: the store and the bank in, text out.

Exit status 0 on success and 2 for input the user can fix (an unknown session id, a file that
cannot be written), with one line on stderr saying what to do, never a traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from interview.catalog import load_catalog
from interview.engine.review import weak_topics
from interview.history import filter_entries, history_entries, history_json, render_history
from interview.locations import database_path
from interview.reports import RENDERERS, ReportError, build_report, render_text
from interview.storage import Store, open_store

EXIT_OK, EXIT_BAD_INPUT = 0, 2


class CommandError(Exception):
    """A problem the user can fix; the message says how."""


def open_data_store() -> Store:
    """The user's store; a damaged database is reported with where it was moved."""
    opened = open_store(database_path())
    if opened.moved_aside is not None:
        print(f"interview: the database could not be read ({opened.reason}); it was moved to "
              f"{opened.moved_aside} and a new one was started", file=sys.stderr)
    return opened.store


def report_command(args: argparse.Namespace) -> int:
    """Render one session's report to stdout or to --output."""
    store = open_data_store()
    try:
        row = find_session(store, args.session)
        report = build_report(row, load_catalog(), store.attempts(), weak_topics(store))
        rendered = render_text(report, shutil.get_terminal_size().columns) \
            if args.format == "text" else RENDERERS[args.format](report)
        write_output(rendered, args.output)
    except (CommandError, ReportError) as error:
        print(f"interview: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        store.close()
    return EXIT_OK


def find_session(store: Store, wanted: str) -> dict:
    """The session numbered `wanted`, or the newest one for 'latest'."""
    if wanted == "latest":
        sessions = store.sessions()
        if not sessions:
            raise CommandError("there are no sessions yet: run `interview` to start one")
        return sessions[0]
    if not wanted.isdigit():
        raise CommandError(f"{wanted!r} is not a session number: use a number from "
                           "`interview history`, or 'latest'")
    row = store.session(int(wanted))
    if row is None:
        raise CommandError(f"there is no session {wanted}: see `interview history` for the "
                           "sessions there are")
    return row


def write_output(rendered: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(rendered)
        return
    try:
        Path(output).write_text(rendered, encoding="utf-8")
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from None
    print(f"report written to {output}", file=sys.stderr)


def history_command(args: argparse.Namespace) -> int:
    """List past sessions, newest first, optionally only some kinds or topics."""
    store = open_data_store()
    try:
        everything = history_entries(store, load_catalog())
    finally:
        store.close()
    entries = filter_entries(everything, args.kind, args.topic)
    if args.json:
        print(history_json(entries))
    elif entries:
        print(render_history(entries))
    else:
        print(empty_message(len(everything), args.kind, args.topic))
    return EXIT_OK


def empty_message(total: int, kind: str | None, topic: str | None) -> str:
    if not total:
        return ("No sessions yet. Run `interview` to start a mock interview; finished and "
                "interrupted sessions are listed here.")
    filters = " ".join(f"--{name} {value}" for name, value in (("kind", kind), ("topic", topic))
                       if value)
    return f"No sessions match {filters} ({total} session(s) in all: run `interview history`)."
