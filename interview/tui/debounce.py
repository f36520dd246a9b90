"""Waiting for typing to rest before doing something slow (saving a draft, filtering a list)."""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer


class Debounce:
    """Runs `action` once `poke` has not been called for `delay` seconds."""

    def __init__(self, owner: MessagePump, delay: float, action: Callable[[], object]) -> None:
        self.owner = owner
        self.delay = delay
        self.action = action
        self._timer: Timer | None = None

    @property
    def pending(self) -> bool:
        return self._timer is not None

    def poke(self) -> None:
        """Something changed: (re)start the wait."""
        self.cancel()
        self._timer = self.owner.set_timer(self.delay, self._fire)

    def cancel(self) -> None:
        """Forget a pending run (the caller is about to do the work itself)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _fire(self) -> None:
        self._timer = None
        self.action()
