"""Report -> Markdown (for GitHub and files) and plain text (for a terminal of a given width)."""

from __future__ import annotations

import re
import textwrap

from interview.reports.document import (
    Block,
    BulletList,
    Heading,
    Paragraph,
    Table,
    report_blocks,
)
from interview.reports.model import Report
from interview.text import printable

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")
LINE_START_SPECIAL = re.compile(r"^([#>+-])")


def render_markdown(report: Report) -> str:
    """GitHub-flavoured Markdown; candidate text is escaped so it cannot inject markup."""
    return "\n\n".join(markdown_block(block) for block in report_blocks(report)) + "\n"


def md_escape(text: str) -> str:
    """Inline-safe text: one line, Markdown punctuation backslashed, angle brackets as entities."""
    one_line = " ".join(printable(text, 4000).split())
    escaped = LINE_START_SPECIAL.sub(r"\\\1", MARKDOWN_SPECIAL.sub(r"\\\1", one_line))
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {md_escape(block.text)}"
    if isinstance(block, Paragraph):
        lead = f"**{md_escape(block.lead)}** " if block.lead else ""
        return (lead + md_escape(block.text)).rstrip()
    if isinstance(block, Table):
        return markdown_table(block)
    if isinstance(block, BulletList):
        return "\n".join(f"- {md_escape(item)}" for item in block.items)
    return f"> **Note:** {md_escape(block.text)}"


def markdown_table(table: Table) -> str:
    lines = ["| " + " | ".join(md_escape(h) for h in table.headers) + " |",
             "|" + "---|" * len(table.headers)]
    lines += ["| " + " | ".join(md_escape(cell) or " " for cell in row) + " |"
              for row in table.rows]
    return "\n".join(lines)


def render_text(report: Report, width: int = 100) -> str:
    """Plain text wrapped to `width` columns, for a terminal or a Textual Static."""
    width = max(40, width)
    return "\n\n".join(text_block(block, width) for block in report_blocks(report)) + "\n"


def text_block(block: Block, width: int) -> str:
    if isinstance(block, Heading):
        text = printable(block.text, 400)
        underline = "=" if block.level <= 2 else "-"
        return text if block.level == 4 else f"{text}\n{underline * min(width, len(text))}"
    if isinstance(block, Paragraph):
        lead = f"{block.lead} " if block.lead else ""
        return textwrap.fill(printable(lead + block.text, 4000), width) or lead.strip()
    if isinstance(block, Table):
        return text_table(block, width)
    if isinstance(block, BulletList):
        return "\n".join(textwrap.fill(printable(item, 4000), width, initial_indent="  • ",
                                       subsequent_indent="    ") for item in block.items)
    return textwrap.fill("! " + printable(block.text, 4000), width, subsequent_indent="  ")


def text_table(table: Table, width: int) -> str:
    """Columns padded to their widest cell, the last one wrapped to fit `width`; a table too
    wide for that is shown row by row as "header: value" lines instead."""
    rows = [[" ".join(printable(c, 4000).split()) for c in row]
            for row in [table.headers, *table.rows]]
    widths = [max(len(row[i]) for row in rows) for i in range(len(table.headers))]
    lead = sum(widths[:-1]) + 2 * (len(widths) - 1)
    last = width - lead - 2
    if last < 20:
        return stacked_table(table.headers, rows[1:], width)
    lines = []
    for row in rows:
        head = "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1]))
        wrapped = textwrap.wrap(row[-1], last) or [""]
        lines.append(f"{head}  {wrapped[0]}".rstrip() if head else wrapped[0])
        lines += [" " * (lead + 2) + more for more in wrapped[1:]]
    return "\n".join(lines)


def stacked_table(headers: list[str], rows: list[list[str]], width: int) -> str:
    """Each row as its first cell, then one wrapped "header: value" line per other cell."""
    blocks = []
    for row in rows:
        lines = textwrap.wrap(row[0], width) or [""]
        for header, cell in zip(headers[1:], row[1:], strict=False):
            lines += textwrap.wrap(f"{header}: {cell}", width, initial_indent="  ",
                                   subsequent_indent="    ")
        blocks.append("\n".join(lines))
    return "\n".join(blocks)
