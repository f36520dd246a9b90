"""The main flows as a user drives them: home, drills, a coding round, time running out, resume."""

from __future__ import annotations

from textual.widgets import DataTable, Markdown, OptionList, TextArea

from interview.catalog import Catalog
from interview.engine.plan import SessionPlan, drill_loop
from interview.engine.session import Session
from interview.engine.state import CodingItem
from interview.tui.messages import GradeReady, RoundEnded
from interview.tui.screens.bank import BankScreen
from interview.tui.screens.coding import CodingScreen
from interview.tui.screens.home import HomeScreen
from interview.tui.screens.interlude import SummaryScreen
from interview.tui.widgets.results import ResultsView

WRONG_TWO_SUM = "def two_sum(nums, target):\n    return [0, 1]\n"


def menu_labels(app) -> list[str]:
    menu = app.screen.query_one("#menu", OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


async def start_drill(app, pilot, problem_id: str, mode: str = "interview") -> Session:
    session = Session.start(app.store, app.catalog,
                            SessionPlan(drill_loop(problem_id, app.catalog), mode),
                            app.sandbox, app.clock)
    app.open_session(session)
    await pilot.pause()
    return session


async def set_code(app, pilot, text: str) -> None:
    app.screen.query_one("#editor", TextArea).load_text(text)
    await pilot.pause()


async def wait_for_grading(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_home_offers_the_loops_and_explains_an_empty_bank(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)):
        assert isinstance(app.screen, HomeScreen)
        labels = menu_labels(app)
        assert any("ML engineer onsite" in label for label in labels)
        assert any("Drill one problem" in label for label in labels)
    empty = make_app(catalog=Catalog())
    async with empty.run_test(size=(80, 24)):
        assert "bank is empty" in empty.screen.query_one("#details-text", Markdown).source


async def test_the_bank_filters_as_you_type_and_starts_a_drill(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BankScreen)
        await pilot.press("slash", *"dsa-two-sum")
        await pilot.pause(0.3)  # the list refills once typing rests
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        table.focus()
        await pilot.press("enter")
        await wait_for_grading(app, pilot)
        assert isinstance(app.screen, CodingScreen)
        assert app.session.item.item_id == "dsa-two-sum"


async def test_solve_a_problem_run_submit_and_see_verdicts(make_app):
    seen = []
    app = make_app()
    async with app.run_test(size=(140, 40), message_hook=seen.append) as pilot:
        session = await start_drill(app, pilot, "dsa-two-sum")
        editor = app.screen.query_one("#editor", TextArea)
        assert editor.has_focus
        assert "def two_sum" in editor.text
        await set_code(app, pilot, WRONG_TWO_SUM)
        await pilot.press("ctrl+r")
        await wait_for_grading(app, pilot)
        results = str(app.screen.query_one("#results-text").render())
        assert "examples:" in results and "wrong answer" in results
        await set_code(app, pilot, session.problem().reference)
        await pilot.press("ctrl+s")
        await wait_for_grading(app, pilot)
        grades = [m for m in seen if isinstance(m, GradeReady)]
        assert [g.kind for g in grades] == ["run", "submit"]
        assert grades[-1].result.passed
        assert app.screen.query_one(ResultsView).has_class("-passed")
        item = session.state.rounds[0].items[0]
        assert isinstance(item, CodingItem) and item.score == 1.0
        await wait_for_grading(app, pilot)  # an accepted solution is timed at growing sizes
        assert item.complexity is not None and item.complexity["expected"] == "O(n)"
        assert app.store.draft(session.id, 0, "dsa-two-sum") == session.problem().reference
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert session.finished
        assert "100%" in app.screen.query_one("#summary", Markdown).source


async def test_a_runtime_error_moves_the_cursor_to_its_line(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await start_drill(app, pilot, "dsa-two-sum")
        await set_code(app, pilot, "def two_sum(nums, target):\n    x = 1\n    return 1 // 0\n")
        await pilot.press("ctrl+r")
        await wait_for_grading(app, pilot)
        assert app.screen.query_one("#editor", TextArea).cursor_location == (2, 0)
        assert "runtime error" in str(app.screen.query_one("#results-text").render())


async def test_time_running_out_submits_and_ends_the_round(make_app, clock):
    seen = []
    app = make_app()
    async with app.run_test(size=(140, 40), message_hook=seen.append) as pilot:
        session = await start_drill(app, pilot, "dsa-two-sum")
        await set_code(app, pilot, WRONG_TWO_SUM)
        clock.advance(session.problem().minutes * 60 + 1)
        app.tick()
        await pilot.pause()
        await wait_for_grading(app, pilot)
        auto = [m for m in seen if isinstance(m, GradeReady) and m.auto]
        assert len(auto) == 1 and not auto[0].result.passed
        assert any(isinstance(m, RoundEnded) for m in seen)
        first = session.state.rounds[0]
        assert first.ended_by == "time"
        assert first.items[0].submission is not None
        assert [e.kind for e in first.items[0].events][-1] == "auto-submit"
        assert isinstance(app.screen, SummaryScreen)


async def test_a_killed_app_resumes_with_the_draft_and_the_time_left(make_app, clock):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        session = await start_drill(app, pilot, "dsa-two-sum")
        clock.advance(120)
        await set_code(app, pilot, WRONG_TWO_SUM)
        app.screen.save_draft()  # what the 1 s debounce does while the user pauses typing
        session_id = session.id
    # The first app is gone (as after kill -9: nothing ran at exit that the store relies on).
    clock.advance(3600)
    again = make_app()
    async with again.run_test(size=(140, 40)) as pilot:
        labels = menu_labels(again)
        assert labels[0].startswith("▶ Resume")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, CodingScreen)
        assert again.session.id == session_id
        assert again.screen.query_one("#editor", TextArea).text == WRONG_TWO_SUM
        budget = again.session.problem().minutes * 60
        assert budget - 125 <= again.session.round_clock.remaining <= budget - 119


async def test_the_coding_screen_fits_small_and_large_terminals(make_app):
    for size in ((80, 24), (200, 50)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await start_drill(app, pilot, "dsa-lru-cache")
            editor = app.screen.query_one("#editor", TextArea)
            results = app.screen.query_one(ResultsView)
            statement = app.screen.query_one("#statement-pane")
            assert statement.region.width > 40
            if size[0] < 110:  # one pane at a time: the statement first, F2 swaps in the editor
                assert editor.region.width == 0
                await pilot.press("f2")
                await pilot.pause()
                assert statement.region.width == 0 and editor.has_focus
            for widget in (editor, results):
                region = widget.region
                assert region.width > 20 and region.height >= 3
                assert region.right <= size[0] and region.bottom <= size[1]


async def test_a_preset_loop_starts_from_the_home_screen(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down", "enter")  # the second preset: the phone screen
        await wait_for_grading(app, pilot)
        assert isinstance(app.screen, CodingScreen)
        assert app.session.state.loop_id == "phone-screen"
        assert [r.kind for r in app.session.state.rounds] == ["coding-dsa", "skills", "debrief"]


async def test_the_command_palette_lists_the_main_actions(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Start: ML engineer onsite" in titles
        assert {"Custom loop", "Drill from the bank", "History"} <= set(titles)


async def test_edit_in_external_editor_reloads_what_was_saved(make_app, monkeypatch, tmp_path):
    import contextlib
    import sys

    script = tmp_path / "fake_editor.py"
    script.write_text("import sys\nopen(sys.argv[1], 'w').write('def two_sum(a, b):\\n"
                      "    return [0, 1]\\n')\n")
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        session = await start_drill(app, pilot, "dsa-two-sum")
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen.query_one("#editor", TextArea).text.startswith("def two_sum(a, b):")
        assert session.draft().startswith("def two_sum(a, b):")


async def test_a_moved_aside_database_is_announced(make_app):
    seen = []
    app = make_app(notice="The database could not be read; it was moved to x.damaged")
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await pilot.pause()
        assert any("moved to x.damaged" in str(n.message) for n in app._notifications)


async def test_the_app_stays_responsive_while_a_submission_loops_forever(make_app):
    from interview.models import Verdict

    seen = []
    app = make_app()
    async with app.run_test(size=(140, 40), message_hook=seen.append) as pilot:
        await start_drill(app, pilot, "dsa-two-sum")
        await set_code(app, pilot, "def two_sum(nums, target):\n    while True:\n        pass\n")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "Running the examples" in str(app.screen.query_one("#results-text").render())
        await pilot.press("end", "enter", *"# still typing")  # the editor answers meanwhile
        await pilot.pause()
        assert "# still typing" in app.screen.query_one("#editor", TextArea).text
        await wait_for_grading(app, pilot)
        (graded,) = [m for m in seen if isinstance(m, GradeReady)]
        assert {t.verdict for t in graded.result.tests} <= {Verdict.TIME_LIMIT, Verdict.NOT_RUN}
        assert graded.result.tests[0].verdict is Verdict.TIME_LIMIT


async def test_custom_input_runs_against_the_reference(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await start_drill(app, pilot, "dsa-two-sum")
        await set_code(app, pilot, WRONG_TWO_SUM)
        await pilot.press("ctrl+t", *"[3, 5, 4], 9", "enter")
        await wait_for_grading(app, pilot)
        shown = str(app.screen.query_one("#results-text").render())
        assert "wrong answer" in shown and "[1, 2]" in shown and "[0, 1]" in shown
        await pilot.press("ctrl+u", *"nonsense(", "enter")
        await wait_for_grading(app, pilot)
        assert "not a Python literal" in str(app.screen.query_one("#results-text").render())


async def test_the_countdown_turns_amber_then_red(make_app, clock):
    from interview.tui.widgets.countdown import CountdownView

    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        session = await start_drill(app, pilot, "dsa-two-sum")
        countdown = app.screen.query_one(CountdownView)
        budget = session.problem().minutes * 60
        clock.advance(budget - 4 * 60)
        countdown.refresh_time()
        assert countdown.has_class("-warning") and not countdown.has_class("-critical")
        clock.advance(3.5 * 60)
        countdown.refresh_time()
        assert countdown.has_class("-critical")


async def test_practice_mode_shows_the_solution_after_a_first_run(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        session = await start_drill(app, pilot, "dsa-two-sum", mode="practice")
        await pilot.press("ctrl+l")
        await pilot.pause()
        statement = app.screen.query_one("#statement", Markdown)
        assert "Reference solution" not in statement.source
        await pilot.press("ctrl+r")
        await wait_for_grading(app, pilot)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "Reference solution" in statement.source
        assert session.item.solution_viewed


async def test_a_custom_loop_is_built_from_the_dialog(make_app):
    from textual.widgets import Checkbox, Input

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#use-coding-dsa", Checkbox).value = False
        dialog.query_one("#use-skills", Checkbox).value = True
        dialog.query_one("#count-skills", Input).value = "3"
        dialog.query_one("#custom-topics", Input).value = "statistics"
        await pilot.press("ctrl+s")
        await wait_for_grading(app, pilot)
        rounds = app.session.state.rounds
        assert [r.kind for r in rounds] == ["skills"]
        assert len(rounds[0].items) == 3
        assert {app.catalog.questions[i.item_id].topic for i in rounds[0].items} == {"statistics"}


async def test_due_reviews_are_offered_and_build_a_session(make_app, store):
    from datetime import UTC, datetime, timedelta

    from interview.engine.review import Evidence, record_review

    long_ago = datetime.now(UTC) - timedelta(days=30)
    record_review(store, Evidence("STA-01", "skill", "statistics", 0.0), long_ago)
    record_review(store, Evidence("dsa-two-sum", "coding", "hashing", 0.0), long_ago)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        labels = menu_labels(app)
        review = next(i for i, label in enumerate(labels) if label.startswith("Review due"))
        assert labels[review] == "Review due items (2)"
        app.screen.query_one("#menu", OptionList).highlighted = review
        await pilot.press("enter")
        await wait_for_grading(app, pilot)
        rounds = app.session.state.rounds
        assert [[i.item_id for i in r.items] for r in rounds] == [["dsa-two-sum"], ["STA-01"]]


async def test_resuming_with_a_problem_gone_from_the_bank_explains_and_moves_on(make_app,
                                                                                 catalog):
    from interview.catalog import Catalog

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        session = await start_drill(app, pilot, "dsa-two-sum")
    without = Catalog(coding={k: v for k, v in catalog.coding.items() if k != "dsa-two-sum"},
                      questions=catalog.questions, design=catalog.design, rubric=catalog.rubric)
    again = make_app(catalog=without)
    async with again.run_test(size=(120, 36)) as pilot:
        again.resume_session(session.id)
        await pilot.pause()
        assert isinstance(again.screen, SummaryScreen)
        assert any("dsa-two-sum" in str(n.message) for n in again._notifications)


async def test_an_unfinished_session_can_be_set_aside(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        session = await start_drill(app, pilot, "dsa-two-sum")
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        assert menu_labels(again)[0].startswith("▶ Resume")
        await pilot.press("x")
        await pilot.pause()
        assert not any(label.startswith("▶ Resume") for label in menu_labels(again))
        assert again.store.session(session.id)["status"] == "abandoned"
        await pilot.press("x")  # nothing left to set aside: no error
        await pilot.pause()
