"""Session reports: a stored session -> `Report` -> Markdown, HTML, JSON or plain text."""

from interview.reports.build import ReportError, build_report
from interview.reports.model import Report
from interview.reports.render import render_markdown, render_text
from interview.reports.render_html import render_html
from interview.reports.render_json import SCHEMA_VERSION, render_json, report_to_dict

RENDERERS = {"md": render_markdown, "html": render_html, "json": render_json,
             "text": render_text}
"""Format name (as the CLI takes it) -> renderer."""

__all__ = ["RENDERERS", "SCHEMA_VERSION", "Report", "ReportError", "build_report",
           "render_html", "render_json", "render_markdown", "render_text", "report_to_dict"]
