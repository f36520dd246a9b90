"""Write a report as Markdown, HTML and JSON files next to each other, for sharing or archiving."""

from __future__ import annotations

from pathlib import Path

from interview.reports.model import Report
from interview.reports.render import render_markdown
from interview.reports.render_html import render_html
from interview.reports.render_json import render_json

EXPORT_FORMATS = {"md": render_markdown, "html": render_html, "json": render_json}
"""File suffix -> renderer, in the order the files are written."""


def export_paths(folder: Path, session_id: int) -> list[Path]:
    """Where `export_report` writes: folder/session-<id>.{md,html,json}."""
    return [folder / f"session-{session_id}.{suffix}" for suffix in EXPORT_FORMATS]


def export_report(report: Report, folder: Path) -> list[Path]:
    """Write the three files (creating `folder`) and return their paths; raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = export_paths(folder, report.session_id)
    for path, render in zip(paths, EXPORT_FORMATS.values(), strict=True):
        path.write_text(render(report), encoding="utf-8")
    return paths
