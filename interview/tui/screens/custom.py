"""Build a custom loop: which rounds, how many items, difficulty, topics and minutes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from interview.engine.loops import Loop, RoundPlan

ROUND_CHOICES = [("coding-dsa", "Coding: data structures & algorithms", 1, 45),
                 ("coding-ml", "Coding: ML from scratch", 1, 45),
                 ("skills", "Specialized skills quiz", 10, 20),
                 ("design", "ML system design", 1, 45),
                 ("data", "Data challenge (SQL)", 1, 40)]
LEVELS = [("any level", ""), ("easy", "easy"), ("medium", "medium"), ("hard", "hard")]


class CustomLoopScreen(ModalScreen[Loop | None]):
    """A form; dismisses with the loop, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "start", "Start")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="custom-form"):
            yield Label("[b]Custom loop[/b]: tick rounds, set items and minutes for each")
            with Horizontal(classes="custom-row custom-header"):
                yield Label("round", classes="custom-round")
                yield Label("items", classes="custom-number")
                yield Label("minutes", classes="custom-number")
            for kind, title, count, minutes in ROUND_CHOICES:
                with Horizontal(classes="custom-row"):
                    yield Checkbox(title, kind.startswith("coding-dsa"), id=f"use-{kind}")
                    yield Input(str(count), type="integer", id=f"count-{kind}",
                                tooltip="items")
                    yield Input(str(minutes), type="integer", id=f"minutes-{kind}",
                                tooltip="minutes")
            yield Select(LEVELS, value="", allow_blank=False, id="custom-level")
            yield Input(placeholder="topics or tags, comma-separated (optional): statistics, "
                                    "graphs", id="custom-topics")
            with Horizontal(classes="custom-row"):
                yield Button("Start", variant="primary", id="custom-start")
                yield Button("Cancel", id="custom-cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "custom-start":
            self.action_start()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_start(self) -> None:
        loop = self.build_loop()
        if loop is None:
            self.notify("Tick at least one round with one item and one minute.",
                        severity="warning")
            return
        self.dismiss(loop)

    def build_loop(self) -> Loop | None:
        level = self.query_one("#custom-level", Select).value
        topics = tuple(t.strip() for t in self.query_one("#custom-topics", Input).value
                       .split(",") if t.strip())
        rounds = []
        for kind, _, _, _ in ROUND_CHOICES:
            if not self.query_one(f"#use-{kind}", Checkbox).value:
                continue
            count = _number(self.query_one(f"#count-{kind}", Input).value)
            minutes = _number(self.query_one(f"#minutes-{kind}", Input).value)
            if count and minutes:
                rounds.append(RoundPlan(kind, minutes, count,
                                        (level,) if level else (), topics=topics))
        if not rounds:
            return None
        return Loop("custom", "Custom loop", f"{len(rounds)} rounds of your choosing.",
                    tuple(rounds))


def _number(text: str) -> int:
    return int(text) if text.strip().isdigit() else 0
