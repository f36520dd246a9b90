"""Making untrusted text (printed by submissions, read from files) safe to show in a terminal."""

from __future__ import annotations

import unicodedata

_KEEP = {"\n", "\t"}


def printable(text: str, limit: int = 2000) -> str:
    """Escape control characters (ANSI sequences included) and cut to `limit` characters."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(
        char if char in _KEEP or unicodedata.category(char)[0] != "C" else _escape(char)
        for char in text
    )


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def tag_bare_fences(markdown: str, language: str = "text") -> str:
    """Give untagged code fences a language, so Markdown viewers do not guess one (slowly)."""
    lines, inside = [], False
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith("```"):
            if not inside and stripped == "```":
                line = line + language
            inside = not inside
        lines.append(line)
    return "\n".join(lines)
