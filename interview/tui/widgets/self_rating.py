"""Before the score: the candidate rates each rubric dimension 0-3, to compare with the grade."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from interview.models import Dimension

MAX_RATING = 3


class SelfRatingModal(ModalScreen[dict[str, int] | None]):
    """One row per dimension; up/down picks a row, 0-3 or left/right sets it, enter submits."""

    DEFAULT_CSS = """
    SelfRatingModal { align: center middle; }
    SelfRatingModal #rating-box { width: 72; max-width: 100%; height: auto; max-height: 100%;
                                  border: thick $primary; background: $surface; padding: 0 1; }
    SelfRatingModal .rating-row { height: 1; }
    SelfRatingModal .rating-row.-current { background: $accent 40%; text-style: bold; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False), Binding("down", "move(1)", "Down",
                                                             show=False),
        Binding("left", "nudge(-1)", "−"), Binding("right", "nudge(1)", "+"),
        *[Binding(str(n), f"set_rating({n})", str(n), show=False) for n in range(MAX_RATING + 1)],
        Binding("enter", "submit", "See my score"),
        Binding("escape", "cancel", "Back"),
    ]
    cursor = reactive(0)

    def __init__(self, dimensions: list[Dimension], can_cancel: bool = True) -> None:
        super().__init__()
        self.dimensions = dimensions
        self.can_cancel = can_cancel
        self.ratings = {dimension.id: 0 for dimension in dimensions}

    def compose(self) -> ComposeResult:
        with Vertical(id="rating-box"):
            yield Static("[b]Rate yourself before you see the score[/b] (0 none … 3 strong)")
            for index, _ in enumerate(self.dimensions):
                yield Static(self._row(index), classes="rating-row", id=f"rate-{index}")
        yield Footer(compact=True)

    def _row(self, index: int) -> str:
        dimension = self.dimensions[index]
        rating = self.ratings[dimension.id]
        dots = " ".join(f"[reverse]{n}[/]" if n == rating else str(n)
                        for n in range(MAX_RATING + 1))
        return f"{dimension.code:<4} {dimension.title[:44]:<44} {dots}"

    def watch_cursor(self, cursor: int) -> None:
        for index, row in enumerate(self.query(".rating-row")):
            row.set_class(index == cursor, "-current")

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.dimensions)

    def action_nudge(self, step: int) -> None:
        dimension_id = self.dimensions[self.cursor].id
        self.action_set_rating(min(MAX_RATING, max(0, self.ratings[dimension_id] + step)))

    def action_set_rating(self, rating: int) -> None:
        self.ratings[self.dimensions[self.cursor].id] = rating
        self.query_one(f"#rate-{self.cursor}", Static).update(self._row(self.cursor))
        if self.cursor < len(self.dimensions) - 1:
            self.cursor += 1

    def action_submit(self) -> None:
        self.dismiss(dict(self.ratings))

    def action_cancel(self) -> None:
        if self.can_cancel:
            self.dismiss(None)
