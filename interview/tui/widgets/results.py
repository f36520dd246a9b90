"""The verdicts panel under the editor: one line per test, details of what went wrong."""

from __future__ import annotations

from rich.markup import escape
from textual.containers import VerticalScroll
from textual.widgets import Static

from interview.grading.custom_input import CustomRun
from interview.models import GradeResult, TestVerdict, Verdict
from interview.text import printable

MARKS = {Verdict.PASSED: "[green]✓[/]"}
LABELS = {
    Verdict.PASSED: "passed", Verdict.WRONG_ANSWER: "wrong answer",
    Verdict.RUNTIME_ERROR: "runtime error", Verdict.TIME_LIMIT: "time limit",
    Verdict.MEMORY_LIMIT: "memory limit", Verdict.OUTPUT_LIMIT: "output limit",
    Verdict.REJECTED: "rejected", Verdict.NOT_RUN: "not run",
}


class ResultsView(VerticalScroll):
    """Shows the latest run: a summary line, then each test's verdict."""

    DEFAULT_CSS = """
    ResultsView { height: 1fr; min-height: 5; border-top: solid $primary; padding: 0 1; }
    ResultsView.-passed { border-top: solid $success; }
    ResultsView.-failed { border-top: solid $error; }
    ResultsView.-progress { border-top: dashed $accent; }
    """

    def compose(self):
        yield Static(id="results-text")

    def _set(self, text: str, state: str = "") -> None:
        for name in ("-passed", "-failed", "-progress"):
            self.set_class(name == state, name)
        self.query_one("#results-text", Static).update(text)
        self.scroll_home(animate=False)

    def show_message(self, text: str, markup: bool = False) -> None:
        self._set(text if markup else escape(text))

    def show_progress(self, text: str) -> None:
        self._set(f"[b]{escape(text)}[/b]", "-progress")

    def show_grade(self, result: GradeResult, title: str) -> None:
        total = len(result.tests)
        summary = (f"[b]{title}: {result.passed_count}/{total} passed[/b]"
                   + ("  [green]accepted[/]" if result.passed else ""))
        lines = [summary]
        rejected = [t for t in result.tests if t.verdict is Verdict.REJECTED]
        if rejected and len(rejected) == total:  # one compile problem, not one per test
            lines.append(f"[red]✗ rejected[/] — {escape(printable(rejected[0].message, 400))}")
        else:
            lines += [verdict_line(test) for test in result.tests]
        if result.load_stdout:
            lines.append(f"[dim]printed while loading: {escape(printable(result.load_stdout, 200))}[/]")
        self._set("\n".join(lines), "-passed" if result.passed else "-failed")

    def show_custom(self, run: CustomRun) -> None:
        verdict = run.verdict
        lines = [f"[b]custom input: {LABELS[verdict.verdict]}[/b]",
                 f"  expected (reference): {escape(run.expected)}"]
        if run.got:
            lines.append(f"  your output:          {escape(run.got)}")
        if verdict.message and verdict.verdict is not Verdict.WRONG_ANSWER:
            lines.append(f"  {escape(printable(verdict.message, 300))}")
        if verdict.stdout:
            lines.append(f"  [dim]stdout: {escape(printable(verdict.stdout, 300))}[/]")
        self._set("\n".join(lines), "-passed" if verdict.verdict is Verdict.PASSED else "-failed")


def verdict_line(test: TestVerdict) -> str:
    mark = MARKS.get(test.verdict, "[red]✗[/]")
    where = f" line {test.line}:" if test.line and test.verdict is not Verdict.WRONG_ANSWER \
        and f"line {test.line}" not in test.message else ""
    hidden = " [dim](hidden)[/]" if test.hidden else ""
    detail = ""
    if test.verdict is not Verdict.PASSED:
        message = test.message if not test.hidden or test.verdict is not Verdict.WRONG_ANSWER \
            else "output differs from the expected one"
        detail = f" —{where} {escape(printable(message, 240))}"
    text = f"{mark} {escape(test.name)}{hidden}: {LABELS[test.verdict]} ({test.time_ms:.0f} ms){detail}"
    if test.stdout and not test.hidden:
        text += f"\n    [dim]stdout: {escape(printable(test.stdout, 200))}[/]"
    return text
