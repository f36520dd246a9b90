from __future__ import annotations

import pytest

from interview.catalog import load_catalog
from interview.engine.timer import ManualClock as FakeClock
from sandbox import Sandbox


@pytest.fixture(autouse=True, scope="session")
def isolated_home(tmp_path_factory):
    """No test (nor any `interview` subprocess it starts) touches the user's data."""
    import os

    home = tmp_path_factory.mktemp("interview-home")
    previous = os.environ.get("INTERVIEW_HOME")
    os.environ["INTERVIEW_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("INTERVIEW_HOME", None)
    else:
        os.environ["INTERVIEW_HOME"] = previous


@pytest.fixture(scope="session")
def sandbox_runner():
    """One runner for the session, keeping a warm child so each run skips interpreter start-up."""
    runner = Sandbox(keep_warm=True)
    yield runner
    runner.close()


# -- apps for Pilot and snapshot tests: the real bank, a temp database, a fake clock ----------



@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def store(tmp_path):
    from interview.storage import open_store

    opened = open_store(tmp_path / "interview.sqlite")
    yield opened.store
    opened.store.close()


class _KeptSandbox:
    """The session's sandbox, not closed when one app exits (later tests reuse it)."""

    def __init__(self, sandbox) -> None:
        self._sandbox = sandbox

    def __getattr__(self, name):
        return getattr(self._sandbox, name)

    def close(self) -> None:
        pass


@pytest.fixture
def make_app(catalog, store, clock, sandbox_runner):
    from interview.tui.app import InterviewApp

    def make(**overrides):
        options = {"catalog": catalog, "store": store, "sandbox": _KeptSandbox(sandbox_runner),
                   "clock": clock}
        return InterviewApp(**{**options, **overrides})

    return make
