"""A keyboard-first list of numbered answer options: one choice, or several ("select all")."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.widgets import OptionList

MARKS = {(True, False): "( )", (True, True): "(•)", (False, False): "[ ]", (False, True): "[x]"}
"""The mark before an option, by (single choice, picked)."""


class ChoiceList(OptionList):
    """Options numbered 1..n that wrap to the width; space or a digit picks, enter submits.

    With `single` set, picking an option drops the previous pick (radio behaviour), and enter
    picks the highlighted option before submitting.
    """

    DEFAULT_CSS = """
    ChoiceList { height: auto; }
    """
    BINDINGS = [
        Binding("space", "pick", "Pick option", show=False),
        Binding("enter", "submit", "Submit answer", show=False),
    ]

    @dataclass
    class Submitted(Message):
        """The candidate confirmed the options now picked (positions as shown)."""

        choice_list: ChoiceList
        chosen: set[int]

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(self, single: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.single = single
        self.texts: list[str] = []
        self.chosen: set[int] = set()
        """Positions (0-based, as shown) of the options picked."""

    def show_options(self, texts: list[str], chosen: set[int] | None = None) -> None:
        """Replace the options with `texts`, numbered from 1, with `chosen` already picked."""
        self.texts = list(texts)
        self.chosen = set(chosen or ())
        self.clear_options()
        self.add_options([self._prompt(index) for index in range(len(texts))])
        self.highlighted = 0 if texts else None

    def _prompt(self, index: int) -> Content:
        mark = MARKS[(self.single, index in self.chosen)]
        return Content(f"{mark} {index + 1}. {self.texts[index]}")

    def pick(self, index: int) -> None:
        """Pick option `index` (0-based): toggles it, or makes it the only pick when single."""
        if not 0 <= index < len(self.texts):
            return
        self.highlighted = index
        before = set(self.chosen)
        if self.single:
            self.chosen = {index}
        else:
            self.chosen ^= {index}
        for changed in before ^ self.chosen:
            self.replace_option_prompt_at_index(changed, self._prompt(changed))

    def action_pick(self) -> None:
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_submit(self) -> None:
        if self.single and self.highlighted is not None:
            self.pick(self.highlighted)
        self.post_message(self.Submitted(self, set(self.chosen)))

    def on_key(self, event: Key) -> None:
        """Digits 1-9 pick that option."""
        if event.character is not None and event.character in set("123456789"):
            event.stop()
            event.prevent_default()
            self.pick(int(event.character) - 1)

    @on(OptionList.OptionSelected)
    def pick_clicked(self, event: OptionList.OptionSelected) -> None:
        """A click picks the option (enter is bound to submit instead)."""
        event.stop()
        self.pick(event.option_index)
