from __future__ import annotations

import pytest

from sandbox import Sandbox


@pytest.fixture(scope="session")
def sandbox_runner():
    """One runner for the session, keeping a warm child so each run skips interpreter start-up."""
    runner = Sandbox(keep_warm=True)
    yield runner
    runner.close()
