"""The countdown in the corner of every timed screen: it only shows what the engine computes."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static

from interview.engine.timer import Countdown, format_clock

LEVELS = ("normal", "warning", "critical", "expired")


class CountdownView(Static):
    """Remaining time (or time used, in practice mode), coloured by urgency."""

    DEFAULT_CSS = """
    CountdownView { width: auto; min-width: 16; padding: 0 1; text-style: bold; }
    CountdownView.-warning { background: $warning 40%; }
    CountdownView.-critical { background: $error; color: $text; }
    CountdownView.-expired { background: $error 60%; }
    CountdownView.-paused { color: $text-muted; }
    """

    def __init__(self, countdown: Callable[[], Countdown], label: str = "time left",
                 count_up: bool = False, urgent: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.countdown = countdown
        self.label = label
        self.count_up = count_up
        self.urgent = urgent
        """Colour the last minutes (not for a break, which is only ever 5 minutes long)."""

    def on_mount(self) -> None:
        self.refresh_time()
        self.set_interval(0.5, self.refresh_time)

    def refresh_time(self) -> None:
        countdown = self.countdown()
        paused = countdown.running_since is None
        if self.count_up:
            text = f"{self.label} {format_clock(countdown.used)}"
        else:
            text = f"{self.label} {format_clock(countdown.remaining)}"
        self.update(text + (" ⏸" if paused else ""))
        level = countdown.level if self.urgent and not self.count_up else "normal"
        for name in LEVELS:
            self.set_class(name == level and name != "normal", f"-{name}")
        self.set_class(paused, "-paused")
