"""Trends over all sessions: signal levels, topic accuracy, solve times and the topic map."""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from interview.reports.document import percent
from interview.reports.levels import LEVEL_THRESHOLDS
from interview.trends import SolveTime, Trends, bar, build_trends, sparkline

EMPTY_TRENDS = "No sessions yet: start a loop from the home screen. Trends appear here " \
    "after your first session."
SPARK_WIDTH = 20
BAR_WIDTH = 20
NAME_WIDTH = 22
LABELS = {level: label for _, level, label in LEVEL_THRESHOLDS}
STRENGTH_STYLES = {"strong": "green", "ok": "yellow", "weak": "bold red", "unseen": "dim"}


def fit(name: str, width: int = NAME_WIDTH) -> str:
    """A name padded or cut to `width` cells, so columns line up."""
    return (name if len(name) <= width else name[:width - 1] + "…").ljust(width)


def overall_text(trends: Trends) -> str:
    scores = [score for score in trends.overall if score is not None]
    latest = percent(scores[-1]) if scores else "—"
    return (f"{fit('overall score')} {sparkline(trends.overall, SPARK_WIDTH, 0.0, 1.0):<{SPARK_WIDTH}}"
            f"  latest {latest} over {trends.sessions} session(s)")


def signals_text(trends: Trends) -> str:
    """One line per signal: its levels (1-4) per session and the latest level."""
    if not trends.signals:
        return "No signal evidence yet: finish a round to get one."
    return "\n".join(f"{fit(series.name)} {sparkline(series.levels, SPARK_WIDTH, 1, 4):<{SPARK_WIDTH}}"
                     f"  now {series.levels[-1]}/4 {LABELS[series.levels[-1]]}"
                     for series in trends.signals)


def topics_text(trends: Trends) -> str:
    """One line per skill topic: overall accuracy as a bar, then accuracy per session."""
    if not trends.topics:
        return "No skill questions answered yet: a skills round or a topic drill fills this in."
    return "\n".join(f"{fit(series.topic)} {bar(series.accuracy, BAR_WIDTH)} "
                     f"{percent(series.accuracy):>4}  "
                     f"{sparkline([p.accuracy for p in series.points], 12, 0.0, 1.0)}"
                     for series in trends.topics)


def solve_times_text(times: list[SolveTime]) -> str:
    """One line per problem: minutes to acceptance per session, latest and best."""
    if not times:
        return "No coding problems attempted yet."
    by_problem: dict[str, list[SolveTime]] = defaultdict(list)
    for time in times:
        by_problem[time.problem_id].append(time)
    return "\n".join(_solve_line(problem_id, runs) for problem_id, runs in
                     sorted(by_problem.items()))


def _solve_line(problem_id: str, runs: list[SolveTime]) -> str:
    minutes = [run.minutes for run in runs]
    solved = [m for m in minutes if m is not None]
    latest = "unsolved" if minutes[-1] is None else f"{minutes[-1]:g} min"
    best = f", best {min(solved):g}" if solved else ""
    return f"{fit(problem_id)} {sparkline(minutes, 12):<12}  latest {latest}{best} ({len(runs)}×)"


class TrendsScreen(Screen[None]):
    """How the signals and topics moved across sessions, oldest to newest."""

    DEFAULT_CSS = """
    TrendsScreen #trends-scroll { padding: 0 1; }
    TrendsScreen .trends-heading { text-style: bold; color: $accent; margin-top: 1; }
    TrendsScreen #topic-map { height: auto; }
    TrendsScreen #trends-empty { padding: 1 1; }
    """

    BINDINGS = [Binding("escape", "app.pop_screen", "Back"),
                Binding("u", "toggle_unseen", "Hide/show unseen")]

    def __init__(self) -> None:
        super().__init__()
        self.show_unseen = True
        self.trends = Trends(0)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="trends-scroll"):
            yield Static(EMPTY_TRENDS, id="trends-empty", markup=False)
            for key, title in (("signals", "Signals (level 1-4 per session, oldest first)"),
                               ("topics", "Skills accuracy by topic"),
                               ("solve", "Coding: minutes to an accepted submission")):
                yield Static(title, classes="trends-heading", id=f"{key}-heading")
                yield Static("", id=f"trends-{key}", markup=False)
            yield Static("Topic map (weakest first)", classes="trends-heading", id="map-heading")
            yield DataTable(id="topic-map", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.trends = build_trends(self.app.store, self.app.catalog)
        self.query_one("#topic-map", DataTable).add_columns(
            "topic", "kind", "tries", "accuracy", "", "strength")
        has_data = bool(self.trends.sessions)
        for widget in self.query_one("#trends-scroll").children:
            widget.display = has_data != (widget.id == "trends-empty")
        if has_data:
            self.fill()
        self.query_one("#trends-scroll").focus()

    def fill(self) -> None:
        trends = self.trends
        self.query_one("#trends-signals", Static).update(
            overall_text(trends) + "\n" + signals_text(trends))
        self.query_one("#trends-topics", Static).update(topics_text(trends))
        self.query_one("#trends-solve", Static).update(solve_times_text(trends.solve_times))
        self.fill_topic_map()

    def fill_topic_map(self) -> None:
        table = self.query_one("#topic-map", DataTable)
        table.clear()
        for row in self.trends.topic_map:
            if row.strength == "unseen" and not self.show_unseen:
                continue
            table.add_row(row.topic, row.kind, str(row.attempts), percent(row.accuracy),
                          bar(row.accuracy, 8) if row.accuracy is not None else "",
                          Text(row.strength, style=STRENGTH_STYLES[row.strength]))

    def action_toggle_unseen(self) -> None:
        self.show_unseen = not self.show_unseen
        if self.trends.sessions:
            self.fill_topic_map()
