"""A coding round: the statement beside a Python editor, runs and submissions graded off the UI
thread, verdicts below, and a countdown that submits for you when time is up."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Markdown, Static, TextArea

from interview.engine.session import ROUND_EXPIRED, Session
from interview.engine.state import CodingItem
from interview.grading.coding import grade_from_dict
from interview.grading.custom_input import CustomInputError, run_custom
from interview.models import GradeResult, Verdict
from interview.text import tag_bare_fences
from interview.tui.debounce import Debounce
from interview.tui.messages import CustomRunReady, GradeReady, RoundEnded, TimeExpired
from interview.tui.widgets.code_editor import CodeEditor
from interview.tui.widgets.countdown import CountdownView
from interview.tui.widgets.results import ResultsView

DRAFT_DEBOUNCE_SECONDS = 1.0
NARROW_COLUMNS = 110


class CodingScreen(Screen[None]):
    """One coding round; several problems are taken one after another."""

    BINDINGS = [
        Binding("ctrl+r", "run_examples", "Run"),
        Binding("ctrl+s", "submit", "Submit"),
        Binding("ctrl+t", "custom_input", "Custom"),
        Binding("ctrl+g", "hint", "Hint"),
        Binding("ctrl+n", "next", "Next"),
        Binding("f2", "toggle_statement", "Statement"),
        Binding("ctrl+o", "external_editor", "$EDITOR"),
        Binding("ctrl+l", "solution", "Solution"),
        Binding("f3", "pause", "Pause"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._drafts = Debounce(self, DRAFT_DEBOUNCE_SECONDS, self.save_draft)
        self._busy = False
        self._ending = False
        self._warned = False
        self._text: str | None = None
        """The editor's text as of its last change (the widget is gone by unmount)."""

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        practice = self.session.practice
        with Horizontal(id="coding-top"):
            yield Static(id="coding-title")
            yield CountdownView(lambda: self.session.round_clock,
                                "used" if practice else "left", count_up=practice)
        with Horizontal(id="coding-body"):
            with VerticalScroll(id="statement-pane"):
                yield Markdown(id="statement")
            with Vertical(id="editor-pane"):
                yield CodeEditor.code_editor("", language="python", id="editor",
                                             theme="monokai", soft_wrap=False)
                yield Input(placeholder="custom input, e.g. [2, 7, 11, 15], 9  (enter runs)",
                            id="custom-input", classes="-hidden")
                yield ResultsView(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.on_resize()
        self.show_item()
        self.query_one("#editor", TextArea).focus()
        if self.has_class("-narrow"):  # read the problem first; F2 goes to the editor
            self.action_toggle_statement()

    def on_resize(self) -> None:
        self.set_class(self.app.size.width < NARROW_COLUMNS, "-narrow")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do nothing here are left out of the footer: practice-only ones in
        interview mode, the statement toggle on wide terminals."""
        if action in ("solution", "pause"):
            return self.session.practice
        if action == "toggle_statement":  # both panes show on wide terminals
            return self.has_class("-narrow")
        return True

    def show_item(self) -> None:
        session = self.session
        item = self._item()
        problem = session.problem(item)
        position = f"{session.round.position + 1}/{len(session.round.items)}"
        mode = "practice" if session.practice else "interview"
        self.query_one("#coding-title", Static).update(
            f"[b]{problem.title}[/b]  ·  {problem.difficulty}  ·  problem {position}  ·  {mode}")
        self.query_one("#statement", Markdown).update(statement_markdown(problem,
                                                                         session.hints_shown()))
        editor = self.query_one("#editor", TextArea)
        self._text = session.code(item)
        editor.load_text(self._text)
        self.resolve_in_background(item.item_id)
        results = self.query_one(ResultsView)
        results.show_message("Ctrl+R runs the examples, Ctrl+S submits against the hidden tests"
                             + (", F2 swaps statement and editor." if self.has_class("-narrow")
                                else "."))
        if item.submission:
            results.show_grade(grade_from_dict(item.submission), "last submission")
        elif item.last_run:
            results.show_grade(grade_from_dict(item.last_run), "last run")

    def _item(self) -> CodingItem:
        item = self.session.item
        assert isinstance(item, CodingItem)
        return item

    # -- drafts ------------------------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def schedule_draft_save(self, event: TextArea.Changed) -> None:
        self._text = event.text_area.text
        self._drafts.poke()

    def save_draft(self) -> None:
        """Write the editor's text now (also called before every run and submit)."""
        self._drafts.cancel()
        editors = self.query("#editor")
        if editors:  # the widget is current; after unmount the last Changed text stands in
            self._text = editors.first(TextArea).text
        if self._text is not None and isinstance(self.session.item, CodingItem):
            self.session.save_draft(self._text)

    def on_unmount(self) -> None:
        if self._drafts.pending:
            self.save_draft()

    # -- running -----------------------------------------------------------------------------

    def action_run_examples(self) -> None:
        self._grade("run")

    def action_submit(self) -> None:
        self._grade("submit")

    def _grade(self, kind: str, auto: bool = False) -> None:
        if self._busy and not auto:
            self.notify("Still grading the last run…", timeout=2)
            return
        self.save_draft()
        self._busy = True
        label = "Submitting" if kind == "submit" else "Running the examples"
        self.query_one(ResultsView).show_progress(f"{label}…")
        item = self._item()
        self.grade_in_background(kind, item.item_id, self.query_one("#editor", TextArea).text,
                                 auto)

    @work(thread=True, group="resolve", exit_on_error=False)
    def resolve_in_background(self, item_id: str) -> None:
        """Compute the expected values of generated tests while the candidate reads, so the
        first submission does not wait for the reference solution."""
        self.app.grader.resolve(self.session.catalog.coding[item_id])

    @work(thread=True, exclusive=True, group="grading", exit_on_error=False)
    def grade_in_background(self, kind: str, item_id: str, source: str, auto: bool) -> None:
        problem = self.session.catalog.coding[item_id]
        result = self.app.grader.grade(problem, source, examples_only=kind == "run")
        self.post_message(GradeReady(kind, item_id, result, auto, source))

    @on(GradeReady)
    def show_grade(self, message: GradeReady) -> None:
        self._busy = False
        item = next((i for i in self.session.round.items
                     if isinstance(i, CodingItem) and i.item_id == message.item_id), None) \
            if self.session.round else None
        if item is None:
            return
        self.session.record_grade(message.kind, message.result, item=item, auto=message.auto)
        if item is self.session.item:
            title = "submission" if message.kind == "submit" else "examples"
            self.query_one(ResultsView).show_grade(message.result, title)
            self._jump_to_error(message.result)
            if message.kind == "submit" and message.result.passed:
                self.notify("All tests pass. Ctrl+N moves on.", title="Accepted", timeout=5)
                self.app.check_complexity(message.item_id, message.source)
        if self._ending and not self._busy:
            self._finish_round("time")

    def _jump_to_error(self, result: GradeResult) -> None:
        """A runtime error or rejected construct puts the cursor on its line."""
        for test in result.tests:
            if test.verdict in (Verdict.RUNTIME_ERROR, Verdict.REJECTED) and test.line:
                editor = self.query_one("#editor", TextArea)
                row = min(max(test.line - 1, 0), editor.document.line_count - 1)
                editor.move_cursor((row, 0))
                editor.scroll_cursor_visible()
                return

    def action_custom_input(self) -> None:
        field = self.query_one("#custom-input", Input)
        field.remove_class("-hidden")
        if self.session.problem().is_class_problem:
            field.placeholder = 'calls, e.g. [["LRUCache", 2], ["put", 1, 1], ["get", 1]]'
        field.focus()

    @on(Input.Submitted, "#custom-input")
    def run_custom_input(self, event: Input.Submitted) -> None:
        if self._busy:
            return
        self.save_draft()
        self._busy = True
        self.query_one(ResultsView).show_progress("Running your input and the reference…")
        self.custom_in_background(self._item().item_id,
                                  self.query_one("#editor", TextArea).text, event.value)

    @work(thread=True, exclusive=True, group="grading", exit_on_error=False)
    def custom_in_background(self, item_id: str, source: str, text: str) -> None:
        problem = self.session.catalog.coding[item_id]
        try:
            run = run_custom(self.app.grader, problem, source, text)
        except CustomInputError as error:
            self.post_message(CustomRunReady(item_id, error=str(error)))
            return
        self.post_message(CustomRunReady(item_id, run))

    @on(CustomRunReady)
    def show_custom_run(self, message: CustomRunReady) -> None:
        self._busy = False
        results = self.query_one(ResultsView)
        if message.run is None:
            results.show_message(f"[b]Custom input[/b]: {message.error}", markup=True)
            return
        self.session.record_grade("custom", detail={"verdict": message.run.verdict.verdict.value})
        results.show_custom(message.run)
        self._jump_to_error(GradeResult(message.item_id, [message.run.verdict]))

    # -- help --------------------------------------------------------------------------------

    def action_hint(self) -> None:
        hint = self.session.take_hint()
        if hint is None:
            self.notify("No more hints for this problem.")
            return
        cost = "" if self.session.practice else " (costs 10% of this problem's score)"
        self.notify(hint, title=f"Hint {self._item().hints}{cost}", timeout=20)
        self.query_one("#statement", Markdown).update(
            statement_markdown(self.session.problem(), self.session.hints_shown()))

    def action_solution(self) -> None:
        if not self.session.can_view_solution():
            self.notify("The reference solution opens in practice mode after your first run.")
            return
        reference = self.session.view_solution()
        self.query_one("#statement", Markdown).update(
            statement_markdown(self.session.problem(), self.session.hints_shown())
            + f"\n\n## Reference solution\n\n```python\n{reference}\n```")

    def action_toggle_statement(self) -> None:
        """Narrow terminals show one pane at a time; wide ones keep both and F2 is harmless."""
        self.toggle_class("-show-statement")
        if self.has_class("-narrow") and self.has_class("-show-statement"):
            self.query_one("#statement-pane").focus()
        else:
            self.query_one("#editor", TextArea).focus()

    def action_pause(self) -> None:
        if not self.session.practice:
            self.notify("The clock cannot be paused in interview mode.")
            return
        if self.session.paused:
            self.session.begin()
        else:
            self.session.pause()

    def action_external_editor(self) -> None:
        """Suspend the app, edit the code in $EDITOR, and load what was saved."""
        editor_command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        editor = self.query_one("#editor", TextArea)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "solution.py"
            path.write_text(editor.text, encoding="utf-8")
            try:
                with self.app.suspend():
                    subprocess.run([*shlex.split(editor_command), str(path)], check=False)
            except (OSError, NotImplementedError) as error:
                self.notify(f"Could not open {editor_command}: {error}", severity="error")
                return
            self._text = path.read_text(encoding="utf-8", errors="replace")
            editor.load_text(self._text)
        self.save_draft()

    # -- moving on ---------------------------------------------------------------------------

    def action_next(self) -> None:
        self.save_draft()
        if self.session.next_item():
            self.show_item()
            return
        if self.session.unsubmitted() and not self._warned:
            self._warned = True
            self.notify("Nothing submitted yet: the round would end with this problem unsolved. "
                        "Press Ctrl+N again to end it anyway.", timeout=6)
            return
        self._finish_round("submitted")

    @on(TimeExpired)
    def submit_on_time(self, message: TimeExpired) -> None:
        """Time is up: submit every unsubmitted problem as it stands, then end the round."""
        if message.what != ROUND_EXPIRED or self._ending:
            return
        self._ending = True
        self.save_draft()
        pending = self.session.unsubmitted()
        self.notify("Time is up: submitting what you have.", severity="warning")
        if not pending:
            self._finish_round("time")
            return
        self._busy = True
        self.query_one(ResultsView).show_progress("Time is up: submitting…")
        self.auto_submit_in_background([(item.item_id, code) for item, _, code in pending])

    @work(thread=True, exclusive=True, group="grading", exit_on_error=False)
    def auto_submit_in_background(self, pending: list[tuple[str, str]]) -> None:
        for item_id, code in pending:
            problem = self.session.catalog.coding[item_id]
            self.post_message(GradeReady("submit", item_id, self.app.grader.grade(problem, code),
                                         auto=True))

    def _finish_round(self, ended_by: str) -> None:
        if self.session.round is None or self.session.round.status == "done":
            return
        pending = [i for i, _, _ in self.session.unsubmitted()]
        if ended_by == "time" and pending:
            return  # the last auto-submission's GradeReady finishes the round
        self.session.end_round(ended_by)
        self.app.post_message(RoundEnded(ended_by))


def statement_markdown(problem, hints: list[str]) -> str:
    tags = ", ".join(problem.tags)
    text = (f"# {problem.title}\n\n*{problem.difficulty} · {problem.minutes} min · {tags}*\n\n"
            f"{tag_bare_fences(problem.statement)}")
    for number, hint in enumerate(hints, start=1):
        text += f"\n\n> **Hint {number}.** {hint}"
    return text
