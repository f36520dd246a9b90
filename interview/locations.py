"""Where the app keeps its data: the platform's user data directory, or INTERVIEW_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "interview"


def data_dir() -> Path:
    """The folder for the database and exports; INTERVIEW_HOME overrides the platform default."""
    override = os.environ.get("INTERVIEW_HOME")
    folder = Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_path() -> Path:
    return data_dir() / "interview.sqlite3"
