"""The Textual app: global bindings, the session's ticker and which screen shows which round.

Everything interview-related is decided by the session engine; this module only wires the
engine to screens. Grading and session start-up run in worker threads.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from interview.catalog import Catalog, load_catalog
from interview.engine.plan import SessionPlan
from interview.engine.session import Session, SessionError
from interview.engine.timer import Clock
from interview.grading.coding import Grader
from interview.storage import Store
from interview.tui.messages import ComplexityReady, RoundEnded, TimeExpired
from sandbox import Sandbox

SAVE_EVERY_SECONDS = 2.0
"""Timer state is written at least this often, so a killed app loses at most this much."""


class InterviewApp(App[None]):
    """Home, drills and mock loops; one session at a time."""

    TITLE = "Interview"
    SUB_TITLE = "mock interviews for ML engineers"
    CSS_PATH = "app.tcss"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True)]

    def __init__(self, catalog: Catalog | None = None, store: Store | None = None,
                 sandbox: Sandbox | None = None, clock: Clock = time.monotonic,
                 notice: str = "") -> None:
        super().__init__()
        self.catalog = catalog if catalog is not None else load_catalog()
        self.store = store if store is not None else _default_store()
        self.sandbox = sandbox if sandbox is not None else Sandbox(keep_warm=True)
        self.grader = Grader(self.sandbox)
        self.clock = clock
        self.notice = notice
        self.session: Session | None = None
        self._last_save = 0.0

    def on_mount(self) -> None:
        from interview.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        if self.notice:
            self.notify(self.notice, title="Database", severity="warning", timeout=15)
        self.set_interval(0.5, self.tick)
        self.prewarm_sandbox()

    @work(thread=True, exit_on_error=False, group="prewarm")
    def prewarm_sandbox(self) -> None:
        self.sandbox.prewarm()

    def on_unmount(self) -> None:
        if self.session is not None and not self.session.finished:
            self.session.save()
        self.sandbox.close()

    # -- sessions ----------------------------------------------------------------------------

    def start_session(self, plan: SessionPlan) -> None:
        """Pick the items off the UI thread (template questions run in the sandbox)."""
        self.notify("Preparing the interview…", timeout=2)
        self._start_worker(plan)

    @work(thread=True, exclusive=True, group="session", exit_on_error=False)
    def _start_worker(self, plan: SessionPlan) -> Session:
        return Session.start(self.store, self.catalog, plan, self.sandbox, self.clock)

    def resume_session(self, session_id: int) -> None:
        try:
            session = Session.resume(self.store, self.catalog, session_id, self.clock)
        except (SessionError, KeyError, TypeError) as error:
            self.notify(f"That session cannot be resumed: {error}", severity="error")
            return
        self.open_session(session)

    def open_session(self, session: Session) -> None:
        self.session = session
        self.show_round()

    @on(Worker.StateChanged)
    def report_worker(self, event: Worker.StateChanged) -> None:
        """Session start-up finishing opens the session; any failed worker is reported."""
        worker = event.worker
        if worker.state is WorkerState.SUCCESS and worker.group == "session":
            self.open_session(worker.result)
        elif worker.state is WorkerState.ERROR:
            self.notify(f"{worker.name or worker.group} failed: {worker.error}",
                        title="Something went wrong", severity="error", timeout=20)

    def show_round(self) -> None:
        """Switch to the screen of the session's current round, or to the summary at the end."""
        session = self.session
        if session is None:
            return
        missing = session.drop_missing_items()
        while missing:
            self.notify(f"No longer in the bank, left out: {', '.join(missing)}. Run "
                        "`interview validate` to see why.", severity="warning", timeout=12)
            missing = session.drop_missing_items()
        screen = round_screen(session)
        if session.round is not None and session.round.kind != "debrief":
            session.begin()
        if shows_round(self.screen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def close_session(self) -> None:
        """Back to the home screen (the session stays in history)."""
        self.session = None
        while shows_round(self.screen):
            self.pop_screen()
        refresh = getattr(self.screen, "refresh_home", None)
        if refresh is not None:
            refresh()

    @on(RoundEnded)
    def show_next_round(self, event: RoundEnded) -> None:
        self.show_round()

    def check_complexity(self, item_id: str, source: str) -> None:
        """Time an accepted solution at growing sizes, if its problem declares how."""
        problem = self.catalog.coding.get(item_id)
        if problem is not None and problem.scaling is not None and source:
            self._complexity_worker(item_id, source)

    @work(thread=True, group="complexity", exit_on_error=False)
    def _complexity_worker(self, item_id: str, source: str) -> None:
        from dataclasses import asdict

        from interview.grading.complexity import check_complexity

        check = check_complexity(self.catalog.coding[item_id], source, self.sandbox)
        self.post_message(ComplexityReady(item_id, asdict(check)))

    @on(ComplexityReady)
    def keep_complexity(self, message: ComplexityReady) -> None:
        if self.session is not None:
            self.session.record_complexity(message.item_id, message.check)
            if message.check.get("verdict") != "inconclusive":
                self.notify(message.check.get("message", ""), title="Complexity", timeout=8)

    def tick(self) -> None:
        """Ask the engine what ran out, tell the screen, and save the clocks now and then."""
        session = self.session
        if session is None or session.finished:
            return
        for what in session.tick():
            self.screen.post_message(TimeExpired(what))
        now = time.monotonic()
        if now - self._last_save >= SAVE_EVERY_SECONDS:
            self._last_save = now
            session.save()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        home = getattr(self.screen, "palette_commands", None)
        if home is not None:
            yield from home()


def shows_round(screen: Screen) -> bool:
    """Round screens hold the session; the app switches between them instead of stacking."""
    return getattr(screen, "session", None) is not None


def round_screen(session: Session) -> Screen:
    """The screen for the session's current round."""
    from interview.tui.screens.coding import CodingScreen
    from interview.tui.screens.data import DataScreen
    from interview.tui.screens.design import DesignScreen
    from interview.tui.screens.interlude import BreakScreen, SummaryScreen
    from interview.tui.screens.skills import SkillsScreen
    from interview.tui.screens.written import WrittenScreen

    current = session.round
    if current is None or current.kind == "debrief":
        return SummaryScreen(session)
    if current.kind.startswith("coding"):
        return CodingScreen(session)
    if current.kind == "skills":
        return SkillsScreen(session)
    if current.kind == "design" and session.item is not None and \
            session.item.item_id in session.catalog.design:
        return DesignScreen(session)
    if current.kind == "data" and session.item is not None and \
            session.item.item_id in session.catalog.data:
        return DataScreen(session)
    if current.kind in ("design", "data"):
        return WrittenScreen(session)
    return BreakScreen(session)


def _default_store() -> Store:
    from interview.locations import database_path
    from interview.storage import open_store

    return open_store(database_path()).store
