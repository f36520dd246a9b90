"""Deadline arithmetic for timed rounds; the UI only displays what this computes.

A countdown is plain numbers (budget, time used before the current run, and when the current
run started). The session saves only the time used, and after a restart (even `kill -9`)
builds a paused countdown from it, so the remaining time is what it was at the last save.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]
WARNING_SECONDS = 5 * 60
CRITICAL_SECONDS = 60


@dataclass
class Countdown:
    """A budget of seconds that runs while started and stands still while paused."""

    budget_seconds: float
    clock: Clock = field(default=time.monotonic, repr=False)
    used_before: float = 0.0
    """Seconds used in earlier runs (before the last pause or restart)."""
    running_since: float | None = None

    def start(self) -> None:
        if self.running_since is None:
            self.running_since = self.clock()

    def pause(self) -> None:
        if self.running_since is not None:
            self.used_before += self.clock() - self.running_since
            self.running_since = None

    @property
    def used(self) -> float:
        running = self.clock() - self.running_since if self.running_since is not None else 0.0
        return self.used_before + running

    @property
    def remaining(self) -> float:
        return max(0.0, self.budget_seconds - self.used)

    @property
    def overtime(self) -> float:
        return max(0.0, self.used - self.budget_seconds)

    @property
    def expired(self) -> bool:
        return self.used >= self.budget_seconds

    @property
    def level(self) -> str:
        """How urgent the time is: `normal`, `warning` (5 min left), `critical` (1 min left)
        or `expired`; the UI maps these to colours."""
        if self.expired:
            return "expired"
        if self.remaining <= CRITICAL_SECONDS:
            return "critical"
        if self.remaining <= WARNING_SECONDS:
            return "warning"
        return "normal"


def format_clock(seconds: float) -> str:
    """`12:05` for the countdown display (minutes can exceed 59)."""
    whole = int(seconds + 0.999)
    return f"{whole // 60:02d}:{whole % 60:02d}"


@dataclass
class ManualClock:
    """A clock that moves only when told: tests, and replaying a session's timeline."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
