"""The whiteboard: diagram notation on the left, its drawing on the right, redrawn as you type."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea

from interview.diagram import render_diagram

RENDER_DEBOUNCE_SECONDS = 0.3
FALLBACK_WIDTH = 60
"""Drawing width before the pane has been laid out."""
PLACEHOLDER = ("Draw with arrows, one statement a line:\n\n  events -> feature store -> ranker\n"
               "  ranker -[top-k]-> api\n  group offline { warehouse -> trainer }")


class DiagramView(Horizontal):
    """Notation in a TextArea beside a Static holding `render_diagram` of it."""

    DEFAULT_CSS = """
    DiagramView { height: 1fr; }
    DiagramView #diagram-text { width: 1fr; min-width: 20; border: none; }
    DiagramView #diagram-scroll { width: 2fr; border-left: solid $primary; padding: 0 1; }
    DiagramView #diagram-drawing { width: auto; }
    """

    @dataclass
    class Edited(Message):
        """The notation changed (posted on every keystroke, before the debounced redraw)."""

        view: DiagramView
        text: str

        @property
        def control(self) -> DiagramView:
            return self.view

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.initial_text = text
        self._render_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield TextArea(self.initial_text, id="diagram-text", soft_wrap=False)
        with VerticalScroll(id="diagram-scroll"):
            yield Static(PLACEHOLDER, id="diagram-drawing", markup=False)

    def on_mount(self) -> None:
        self.call_after_refresh(self.redraw)

    @property
    def text(self) -> str:
        return self.query_one("#diagram-text", TextArea).text

    @on(TextArea.Changed, "#diagram-text")
    def schedule_redraw(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Edited(self, event.text_area.text))
        if self._render_timer is not None:
            self._render_timer.stop()
        self._render_timer = self.set_timer(RENDER_DEBOUNCE_SECONDS, self.redraw)

    def redraw(self) -> None:
        """Draw the notation now, to the pane's width."""
        self._render_timer = None
        text = self.text
        width = self.query_one("#diagram-scroll").scrollable_content_region.width
        drawing = render_diagram(text, width - 1 if width > 10 else FALLBACK_WIDTH) \
            if text.strip() else PLACEHOLDER
        self.query_one("#diagram-drawing", Static).update(drawing)
