"""Report -> one self-contained HTML page: inline CSS, no scripts, no external assets.

Every piece of text goes through `html.escape`, because candidate code and answers are
untrusted and may well contain `<script>`.
"""

from __future__ import annotations

from html import escape

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

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #1f2328; background: #fff; }
h1, h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
h3 { margin-top: 2rem; } h4 { margin-bottom: .4rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left;
         vertical-align: top; }
th { background: #f6f8fa; }
.note { border-left: 4px solid #bf8700; background: #fff8c5; padding: .5rem .8rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; }
  th { background: #161b22; } th, td, h1, h2 { border-color: #30363d; }
  .note { background: #3b2e00; }
}
"""


def render_html(report: Report) -> str:
    """A complete HTML document for the report."""
    title = escape(f"Session report #{report.session_id}: {report.loop_title}")
    body = "\n".join(html_block(block) for block in report_blocks(report))
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
            f"</body>\n</html>\n")


def text(value: str) -> str:
    """Untrusted text made safe for HTML (quotes included, for attributes)."""
    return escape(printable(value, 4000), quote=True)


def html_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{text(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        lead = f"<strong>{text(block.lead)}</strong> " if block.lead else ""
        return f"<p>{lead}{text(block.text)}</p>"
    if isinstance(block, Table):
        return html_table(block)
    if isinstance(block, BulletList):
        items = "".join(f"<li>{text(item)}</li>" for item in block.items)
        return f"<ul>{items}</ul>"
    return f'<p class="note">{text(block.text)}</p>'


def html_table(table: Table) -> str:
    head = "".join(f"<th>{text(h)}</th>" for h in table.headers)
    rows = "".join("<tr>" + "".join(f"<td>{text(cell)}</td>" for cell in row) + "</tr>"
                   for row in table.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
