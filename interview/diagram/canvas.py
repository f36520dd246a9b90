"""A character grid measured in terminal cells, so wide (CJK) names never overflow a line."""

from __future__ import annotations

import unicodedata

UP, DOWN, LEFT, RIGHT = 1, 2, 4, 8
"""Which neighbours a line cell connects to; their sum picks the box-drawing character."""

LINE_CHARS = {
    UP: "│", DOWN: "│", UP | DOWN: "│", LEFT: "─", RIGHT: "─", LEFT | RIGHT: "─",
    DOWN | RIGHT: "┌", DOWN | LEFT: "┐", UP | RIGHT: "└", UP | LEFT: "┘",
    UP | DOWN | RIGHT: "├", UP | DOWN | LEFT: "┤", DOWN | LEFT | RIGHT: "┬",
    UP | LEFT | RIGHT: "┴", UP | DOWN | LEFT | RIGHT: "┼",
}


def cells(text: str) -> list[str]:
    """Split text into terminal cells: a wide character takes two (the second is empty)."""
    result: list[str] = []
    for char in text:
        if unicodedata.combining(char) and result:
            result[-1 if result[-1] else -2] += char
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            result += [char, ""]
        else:
            result.append(char)
    return result


def cell_width(text: str) -> int:
    """How many terminal columns the text occupies."""
    return len(cells(text))


def truncate(text: str, width: int) -> str:
    """Cut text to `width` cells, marking the cut with an ellipsis."""
    pieces = cells(text)
    if len(pieces) <= width:
        return text
    kept = pieces[:max(width - 1, 0)]
    if kept and pieces[len(kept)] == "":
        kept = kept[:-1]  # do not split a wide character
    return "".join(kept) + ("…" if width > 0 else "")


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap into at most `max_lines` lines of `width` cells; the last is truncated."""
    lines: list[str] = []
    for word in text.split():
        if lines and cell_width(lines[-1]) + 1 + cell_width(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [" ".join(lines[max_lines - 1:])]
    return [truncate(line, width) for line in lines] or [""]


class Canvas:
    """Cells to draw into, with line connections merged and taken cells tracked for labels."""

    def __init__(self, rows: int, columns: int) -> None:
        self.rows, self.columns = rows, columns
        self.grid = [[" "] * columns for _ in range(rows)]
        self.links = [[0] * columns for _ in range(rows)]
        self.taken = [[False] * columns for _ in range(rows)]

    def put(self, row: int, column: int, char: str) -> None:
        """Write one cell (ignored outside the canvas, so a bug clips instead of crashing)."""
        if 0 <= row < self.rows and 0 <= column < self.columns:
            self.grid[row][column] = char
            self.taken[row][column] = True

    def link(self, row: int, column: int, directions: int) -> None:
        """Add line connections to a cell and redraw it as the matching box character."""
        if 0 <= row < self.rows and 0 <= column < self.columns:
            self.links[row][column] |= directions
            self.put(row, column, LINE_CHARS[self.links[row][column]])

    def write(self, row: int, column: int, text: str) -> None:
        for offset, piece in enumerate(cells(text)):
            self.put(row, column + offset, piece)

    def is_free(self, row: int, start: int, width: int) -> bool:
        """Whether `width` cells plus one blank on each side are unused and inside the canvas."""
        if not (0 <= row < self.rows and start >= 0 and start + width <= self.columns):
            return False
        return not any(self.taken[row][max(start - 1, 0):start + width + 1])

    def box(self, top: int, left: int, size: tuple[int, int], lines: list[str],
            tag: str = "") -> None:
        """Draw a box of (height, width) with centred text and an optional tag in its top border."""
        height, width = size
        self.write(top, left, "┌" + "─" * (width - 2) + "┐")
        if tag:
            self.write(top, left + 2, tag)
        for row in range(top + 1, top + height - 1):
            self.write(row, left, "│" + " " * (width - 2) + "│")
        first = top + 1 + (height - 2 - len(lines)) // 2
        for number, line in enumerate(lines):
            self.write(first + number, left + (width - cell_width(line)) // 2, line)
        self.write(top + height - 1, left, "└" + "─" * (width - 2) + "┘")

    def lines(self) -> list[str]:
        """The drawing as text, right-trimmed, without trailing blank lines."""
        text = ["".join(row).rstrip() for row in self.grid]
        while text and not text[-1]:
            text.pop()
        return text
