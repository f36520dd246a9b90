"""A keyboard-first list of numbered answer options: one choice, or several ("select all")."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.events import Key
from textual.message import Message
from textual.widgets import SelectionList


class ChoiceList(SelectionList[int]):
    """Options numbered 1..n; space or a digit picks, enter submits.

    With `single` set, picking an option drops the previous pick (radio behaviour), and enter
    picks the highlighted option before submitting.
    """

    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 100%; }
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

    def show_options(self, texts: list[str], chosen: set[int] | None = None) -> None:
        """Replace the options with `texts`, numbered from 1, with `chosen` already picked."""
        chosen = chosen or set()
        self.clear_options()
        self.add_options([(f"{number}. {text}", number - 1, number - 1 in chosen)
                          for number, text in enumerate(texts, 1)])
        self.highlighted = 0 if texts else None

    @property
    def chosen(self) -> set[int]:
        return set(self.selected)

    def pick(self, index: int) -> None:
        """Pick option `index` (0-based): toggles it, or makes it the only pick when single."""
        if not 0 <= index < self.option_count:
            return
        self.highlighted = index
        if self.single:
            self.deselect_all()
            self.select(index)
        else:
            self.toggle(index)

    def action_pick(self) -> None:
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_submit(self) -> None:
        if self.single and self.highlighted is not None:
            self.deselect_all()
            self.select(self.highlighted)
        self.post_message(self.Submitted(self, self.chosen))

    def on_key(self, event: Key) -> None:
        """Digits 1-9 pick that option."""
        if event.character and event.character in "123456789" and len(event.character) == 1:
            event.stop()
            event.prevent_default()
            self.pick(int(event.character) - 1)

    @on(SelectionList.SelectionToggled)
    def keep_one_pick(self, event: SelectionList.SelectionToggled) -> None:
        """A mouse click toggles; in single mode it must still leave one pick."""
        value = event.selection.value
        if self.single and value in self.selected:
            for other in [v for v in self.selected if v != value]:
                self.deselect(other)
