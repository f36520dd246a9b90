"""The Python editor: Textual's code TextArea plus the auto-indent candidates expect."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

INDENT = "    "
DEDENT_AFTER = ("return", "pass", "break", "continue", "raise")


class CodeEditor(TextArea):
    """Enter keeps the line's indentation, adds a level after `:`, drops one after `return`."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self.read_only:
            event.stop()
            event.prevent_default()
            self.insert("\n" + next_indent(self.document.get_line(self.cursor_location[0])
                                           [:self.cursor_location[1]]))
            return
        await super()._on_key(event)


def next_indent(line_before_cursor: str) -> str:
    """The indentation for a new line typed after this text."""
    indent = line_before_cursor[:len(line_before_cursor) - len(line_before_cursor.lstrip())]
    code = line_before_cursor.split("#", 1)[0].rstrip()
    if code.endswith(":"):
        return indent + INDENT
    if code.strip().split(" ", 1)[0] in DEDENT_AFTER and indent:
        return indent[:-len(INDENT)] if indent.endswith(INDENT) else ""
    return indent
