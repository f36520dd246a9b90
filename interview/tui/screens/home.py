"""The home screen: resume, start a preset or custom loop, drill from the bank, pick the mode."""

from __future__ import annotations

import time
from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from interview.engine.loops import ITEM_WORDS, LOOPS, ROUND_TITLES, Loop, find_loop
from interview.engine.plan import INTERVIEW, PRACTICE, SessionPlan
from interview.engine.review import due_count
from interview.engine.session import Session

MODE_HELP = {
    INTERVIEW: "**Interview mode**: the timer runs and cannot be paused, time running out "
               "submits for you, hints cost points, solutions stay hidden.",
    PRACTICE: "**Practice mode**: untimed (time used is shown), pausable, hints are free, "
              "and the reference solution opens after your first attempt.",
}
EMPTY_BANK = ("## The problem bank is empty\n\nAdd files under `problems/` (formats in "
              "`problems/README.md`) and check them with `interview validate`.")


class HomeScreen(Screen[None]):
    """Where every session starts."""

    BINDINGS = [
        Binding("enter", "choose", "Start", show=True),
        Binding("m", "toggle_mode", "Mode"),
        Binding("b", "bank", "Bank & drills"),
        Binding("c", "custom", "Custom loop"),
        Binding("h", "history", "History"),
        Binding("x", "set_aside", "Set aside"),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.mode = INTERVIEW

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="mode-line")
        with Horizontal(id="home"):
            yield OptionList(id="menu")
            with VerticalScroll(id="details"):
                yield Markdown(id="details-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_home()
        self.query_one("#menu", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Setting aside is offered only while there is an unfinished session."""
        if action == "set_aside":
            return self.app.store.unfinished_session() is not None
        return True

    def action_set_aside(self) -> None:
        """Stop offering the unfinished session; it stays in history with what it has."""
        unfinished = self.app.store.unfinished_session()
        if unfinished is None:
            return
        Session.resume(self.app.store, self.app.catalog, unfinished["id"]).abandon()
        self.notify(f"Session {unfinished['id']} set aside; its report is in History.")
        self.refresh_home()

    def refresh_home(self) -> None:
        """Rebuild the menu: the unfinished session first, then loops and the other ways in."""
        menu = self.query_one("#menu", OptionList)
        menu.clear_options()
        self.refresh_bindings()
        unfinished = self.app.store.unfinished_session()
        if unfinished is not None:
            menu.add_option(Option(f"▶ Resume {_session_label(unfinished)}",
                                   id=f"resume:{unfinished['id']}"))
            menu.add_option(None)
        for loop in LOOPS:
            menu.add_option(Option(f"{loop.title} · {_duration(loop.minutes)}",
                                   id=f"loop:{loop.id}"))
        menu.add_option(None)
        menu.add_option(Option("Custom loop…", id="custom"))
        menu.add_option(Option("Drill one problem or topic…", id="bank"))
        due = due_count(self.app.store, _utc_now())
        if due:
            menu.add_option(Option(f"Review due items ({due})", id="review"))
        menu.add_option(Option("History and reports", id="history"))
        menu.highlighted = 0
        self._show_mode()

    def _show_mode(self) -> None:
        other = PRACTICE if self.mode == INTERVIEW else INTERVIEW
        self.query_one("#mode-line", Static).update(
            f"Mode: [b]{self.mode}[/b]  (press m for {other})")

    @on(OptionList.OptionHighlighted, "#menu")
    def describe_option(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#details-text", Markdown).update(
            self._description(event.option.id or ""))

    def _description(self, option_id: str) -> str:
        kind, _, value = option_id.partition(":")
        if self.app.catalog.empty and kind in ("loop", "custom", "bank", "review"):
            return EMPTY_BANK
        if kind == "loop":
            return loop_markdown(find_loop(value)) + "\n\n" + MODE_HELP[self.mode]
        if kind == "resume":
            session = self.app.store.session(int(value))
            return resume_markdown(session) if session else ""
        return {
            "custom": "## Custom loop\n\nChoose the round types, how many items, the "
                      "difficulty, topics and minutes.",
            "bank": "## Drill\n\nSearch the bank and practise one problem, design prompt, "
                    "data challenge or skills topic on its own.",
            "review": "## Review\n\nQuestions and problems you met before that are due for "
                      "another go, scheduled by how well you did (FSRS).",
            "history": "## History\n\nEvery past session and its report.",
        }.get(kind, "")

    @on(OptionList.OptionSelected, "#menu")
    def choose_option(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id or "")

    def action_choose(self) -> None:
        menu = self.query_one("#menu", OptionList)
        if menu.highlighted is not None:
            self._choose(menu.get_option_at_index(menu.highlighted).id or "")

    def _choose(self, option_id: str) -> None:
        kind, _, value = option_id.partition(":")
        if kind == "resume":
            self.app.resume_session(int(value))
        elif kind == "loop":
            self.app.start_session(SessionPlan(find_loop(value), self.mode))
        elif kind == "custom":
            self.action_custom()
        elif kind == "bank":
            self.action_bank()
        elif kind == "review":
            self.start_review()
        elif kind == "history":
            self.action_history()

    def action_toggle_mode(self) -> None:
        self.mode = PRACTICE if self.mode == INTERVIEW else INTERVIEW
        self._show_mode()
        menu = self.query_one("#menu", OptionList)
        if menu.highlighted is not None:
            option = menu.get_option_at_index(menu.highlighted)
            self.query_one("#details-text", Markdown).update(self._description(option.id or ""))

    def action_bank(self) -> None:
        from interview.tui.screens.bank import BankScreen

        self.app.push_screen(BankScreen(self.mode))

    def action_custom(self) -> None:
        from interview.tui.screens.custom import CustomLoopScreen

        def start(loop: Loop | None) -> None:
            if loop is not None:
                self.app.start_session(SessionPlan(loop, self.mode))

        self.app.push_screen(CustomLoopScreen(), start)

    def action_history(self) -> None:
        from interview.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def start_review(self) -> None:
        from interview.engine.plan import review_loop
        from interview.engine.review import due_items

        due = [item.item_id for item in due_items(self.app.store, _utc_now(), limit=15)]
        loop = review_loop(due, self.app.catalog)
        if loop is None:
            self.notify("Nothing is due for review right now.")
            return
        self.app.start_session(SessionPlan(loop, self.mode))

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The main actions, for the command palette (ctrl+p)."""
        for loop in LOOPS:
            yield SystemCommand(f"Start: {loop.title}", loop.summary,
                                lambda loop=loop: self.app.start_session(
                                    SessionPlan(loop, self.mode)))
        yield SystemCommand("Custom loop", "Build your own loop", self.action_custom)
        yield SystemCommand("Drill from the bank", "Search problems and topics",
                            self.action_bank)
        yield SystemCommand("History", "Past sessions and reports", self.action_history)
        yield SystemCommand("Toggle practice / interview mode", MODE_HELP[PRACTICE],
                            self.action_toggle_mode)


def loop_markdown(loop: Loop) -> str:
    rows = "\n".join(f"{number}. **{ROUND_TITLES[r.kind]}**{_items(r.kind, r.count)} · "
                     f"{r.minutes} min" for number, r in enumerate(loop.rounds, start=1))
    return (f"## {loop.title}\n\n{loop.summary}\n\n{rows}\n\n"
            f"**Total:** {_duration(loop.minutes)}")


def _items(kind: str, count: int) -> str:
    word = ITEM_WORDS.get(kind)
    return f" · {count} {word}{'s' if count != 1 else ''}" if word else ""


def resume_markdown(session: dict) -> str:
    state = session["state"]
    rounds = state.get("rounds", [])
    index = state.get("round_index", 0)
    current = ROUND_TITLES.get(rounds[index]["kind"], "") if index < len(rounds) else "summary"
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(session["updated_at"]))
    return (f"## Resume session {session['id']}\n\n{state.get('loop_title', session['loop'])}, "
            f"{session['mode']} mode, last saved {when}.\n\nYou were in round {index + 1} of "
            f"{len(rounds)} ({current}). The clock continues from where it stopped.")


def _session_label(session: dict) -> str:
    """The loop's title (the mode and the round are in the details beside the menu)."""
    return str(session["state"].get("loop_title", session["loop"]))


def _duration(minutes: int) -> str:
    return f"{minutes // 60}h{minutes % 60:02d}" if minutes >= 60 else f"{minutes} min"


def _utc_now():
    from datetime import UTC, datetime

    return datetime.now(UTC)
