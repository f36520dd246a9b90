"""The `interview` command: the app by default, and grading and bank tools as subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from interview.models import GradeResult
from interview.text import printable
from interview.yamlfile import FileProblem, read_text

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

DESCRIPTION = """\
Mock technical interviews for machine-learning engineers, offline in your terminal.

Run without a command to open the app: mock loops, drills, reviews, reports and history.
The commands below export reports, list history, grade solutions and design answers, and
check problem files, all without opening it. Your data lives in the user data directory,
or in $INTERVIEW_HOME when set."""

EPILOG = """\
examples:
  interview                                       open the app
  interview grade two_sum.py --problem dsa-two-sum
  interview grade sol.py --problem my/problem.yaml --json
  interview validate problems/coding/             check problem files
  interview problems --json                       list the bank
  interview design-score answer.md --prompt SD-01 score a system-design answer
  interview doctor                                check the sandbox on this machine
  interview history                               list past sessions
  interview report latest --format html -o r.html export the last session's report"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interview", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("run", help="open the app (the default)")

    grade = commands.add_parser(
        "grade", help="grade a solution file against a problem",
        description="Run SOLUTION against a problem's examples and hidden tests in the sandbox. "
                    "Exit status: 0 all passed, 1 some test did not pass, 2 bad input.")
    grade.add_argument("solution", metavar="SOLUTION.py", help="the Python file to grade")
    grade.add_argument("--problem", "-p", required=True, metavar="ID_OR_PATH",
                       help="a problem id from the bank, or a path to a problem YAML file")
    grade.add_argument("--json", action="store_true", help="print one JSON object instead")
    grade.add_argument("--examples-only", action="store_true",
                       help="run the visible examples only, like 'run examples' in the app")

    validate = commands.add_parser(
        "validate", help="check problem files (schema, reference, wrong solutions)",
        description="Check problem files: the schema, that the reference passes every test and "
                    "that each wrong solution fails at least one. Exit status 1 if any issue.")
    validate.add_argument("paths", nargs="*", metavar="PATH",
                          help="files or folders (default: the built-in bank)")

    problems = commands.add_parser("problems", help="list the problem bank")
    problems.add_argument("--kind", choices=["coding", "skills", "design", "data"],
                          default="coding")
    problems.add_argument("--json", action="store_true", help="print JSON instead of a table")

    commands.add_parser("doctor", help="check that the sandbox and its layers work here")

    design_score = commands.add_parser(
        "design-score", help="score a system-design answer against the rubric",
        description="Score a Markdown answer to a design prompt on the ten rubric dimensions "
                    "(0-3 each). Exit status 2 on bad input.")
    design_score.add_argument("answer", metavar="ANSWER.md", help="the answer, as UTF-8 text")
    design_score.add_argument("--prompt", "-p", required=True, metavar="ID",
                              help="a design prompt id from the bank, such as SD-01")
    design_score.add_argument("--json", action="store_true", help="print one JSON object")
    add_history_parsers(commands)
    return parser


def add_history_parsers(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report", help="export a past session's report",
        description="Render a session's report. Exit status 2 for an unknown session.")
    report.add_argument("session", metavar="ID", help="a number from `interview history`, "
                                                      "or 'latest'")
    report.add_argument("--format", "-f", choices=["md", "html", "json", "text"], default="md")
    report.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    history = commands.add_parser("history", help="list past sessions with their scores")
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")
    history.add_argument("--kind", choices=["coding", "skills", "design", "data"])
    history.add_argument("--topic", metavar="TOPIC", help="a skill topic or coding tag")


def report_command(args: argparse.Namespace) -> int:
    from interview.reports.commands import report_command as export_report

    return export_report(args)


def history_command(args: argparse.Namespace) -> int:
    from interview.reports.commands import history_command as list_history

    return list_history(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"grade": grade_command, "validate": validate_command,
                "problems": problems_command, "doctor": doctor_command,
                "design-score": design_score_command, "report": report_command,
                "history": history_command}
    try:
        return handlers.get(args.command, run_app)(args)
    except FileProblem as error:
        print(f"interview: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def run_app(args: argparse.Namespace) -> int:
    """Open the store (moving a damaged one aside, and saying so) and run the app."""
    from interview.locations import database_path
    from interview.storage import open_store
    from interview.tui.app import InterviewApp

    path = database_path()
    opened = open_store(path)
    notice = ""
    if opened.moved_aside is not None:
        notice = (f"The database at {path} could not be read ({opened.reason}). It was moved "
                  f"to {opened.moved_aside} and a fresh one was created; nothing was deleted.")
        print(f"interview: {notice}", file=sys.stderr)
    try:
        InterviewApp(store=opened.store, notice=notice).run()
    finally:
        opened.store.close()
    return EXIT_OK


def grade_command(args: argparse.Namespace) -> int:
    from interview.bank import find_problem
    from interview.grading.coding import Grader, ProblemDefectError, grade_to_dict
    from sandbox import Sandbox

    source = read_text(Path(args.solution))
    sandbox = Sandbox(numpy="numpy" in source)
    sandbox.prewarm()  # the child imports while this process reads the problem
    try:
        problem = find_problem(args.problem)
        result = Grader(sandbox).grade(problem, source, examples_only=args.examples_only)
    except ProblemDefectError as error:
        raise FileProblem(args.problem, f"the problem is broken: {error}") from None
    finally:
        sandbox.close()
    if args.json:
        print(json.dumps(grade_to_dict(result), indent=2))
    else:
        print(render_grade(problem.title, result))
    return EXIT_OK if result.passed else EXIT_FAILED


MARKS = {"passed": "✓"}


def render_grade(title: str, result: GradeResult) -> str:
    lines = [f"{result.problem_id} · {title}", ""]
    width = max((len(t.name) for t in result.tests), default=4)
    for test in result.tests:
        mark = MARKS.get(test.verdict.value, "✗")
        message = printable(test.message, 300)
        if test.line and f"line {test.line}" not in message:
            message = f"line {test.line}: {message}"
        lines.append(f"  {mark} {test.verdict.value:<13} {test.name:<{width}}  "
                     f"{test.time_ms:8.1f} ms  {message}".rstrip())
        if test.stdout and not test.hidden:
            for output_line in printable(test.stdout, 400).splitlines()[:5]:
                lines.append(f"      | {output_line}")
    total = len(result.tests)
    lines += ["", f"{result.passed_count}/{total} passed" + ("" if result.passed else
                                                              " — not accepted")]
    if result.isolation and "seccomp" not in result.isolation:
        lines.append("note: the seccomp layer is not active on this machine "
                     "(see `interview doctor`)")
    return "\n".join(lines)


def validate_command(args: argparse.Namespace) -> int:
    from interview.grading.coding import Grader
    from interview.validate import validate_paths
    from sandbox import Sandbox

    sandbox = Sandbox(keep_warm=True)
    try:
        reports = validate_paths(args.paths, Grader(sandbox))
    finally:
        sandbox.close()
    issues = [issue for report in reports for issue in report.issues]
    for issue in issues:
        print(printable(issue, 2000))
    ok = sum(report.ok for report in reports)
    print(f"{ok}/{len(reports)} problem files valid" + (f", {len(issues)} issues" if issues
                                                         else ""))
    return EXIT_FAILED if issues else EXIT_OK


def problems_command(args: argparse.Namespace) -> int:
    if args.kind == "skills":
        return skills_command(args)
    if args.kind in ("design", "data"):
        return whiteboard_command(args)
    from interview.bank import load_bank

    bank = load_bank()
    for error in bank.errors:
        print(f"interview: skipped {error}", file=sys.stderr)
    problems = sorted(bank.coding.values(), key=lambda p: p.id)
    if args.json:
        print(json.dumps([
            {"id": p.id, "kind": p.kind, "title": p.title, "difficulty": p.difficulty,
             "tags": p.tags, "minutes": p.minutes, "examples": len(p.examples),
             "tests": len(p.tests)} for p in problems], indent=2))
        return EXIT_OK
    if not problems:
        print("The bank is empty: add problem files under problems/coding/.")
    for p in problems:
        print(f"{p.id:<28} {p.difficulty:<7} {p.minutes:>3} min  {p.title}")
    return EXIT_OK


def skills_command(args: argparse.Namespace) -> int:
    from interview.bank import bank_root
    from interview.skills import load_skills

    questions, errors = load_skills(bank_root())
    for error in errors:
        print(f"interview: skipped {error}", file=sys.stderr)
    if args.json:
        print(json.dumps([
            {"id": q.id, "kind": "skills", "topic": q.topic, "type": q.type,
             "difficulty": q.difficulty, "template": q.is_template} for q in questions],
            indent=2))
        return EXIT_OK
    if not questions:
        print("There are no skill questions yet: add files under problems/skills/.")
    for q in questions:
        template = " (template)" if q.is_template else ""
        print(f"{q.id:<8} {q.topic:<22} {q.type:<8} {q.difficulty:<7}{template}")
    return EXIT_OK


def whiteboard_command(args: argparse.Namespace) -> int:
    """List design prompts or data challenges; files that do not load are reported, not fatal."""
    from interview.bank import bank_root
    from interview.design import load_data_challenge, load_design_prompt

    folder, load = ((bank_root() / "design", load_design_prompt) if args.kind == "design"
                    else (bank_root() / "data", load_data_challenge))
    items = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        if path.stem == "rubric":
            continue
        try:
            items.append(load(path))
        except FileProblem as error:
            print(f"interview: skipped {error}", file=sys.stderr)
    if args.json:
        print(json.dumps([{"id": i.id, "kind": i.kind, "title": i.title,
                           "difficulty": i.difficulty, "minutes": i.minutes} for i in items],
                         indent=2))
        return EXIT_OK
    if not items:
        print(f"There are no {args.kind} items yet: add files under problems/{folder.name}/.")
    for item in items:
        print(f"{item.id:<8} {item.difficulty:<7} {item.minutes:>3} min  {item.title}")
    return EXIT_OK


def design_score_command(args: argparse.Namespace) -> int:
    """Score an answer file against a bank prompt and the shared rubric."""
    from interview.bank import bank_root
    from interview.design import load_design_prompt, load_rubric
    from interview.grading.rubric import render_design_score, score_design

    answer = read_text(Path(args.answer))
    folder = bank_root() / "design"
    path = folder / f"{args.prompt}.yaml"
    if args.prompt in ("rubric", "") or Path(args.prompt).name != args.prompt or \
            not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.yaml") if p.stem != "rubric")
        more = f" and {len(known) - 5} more" if len(known) > 5 else ""
        raise FileProblem(args.prompt, "no design prompt with this id; known ids: "
                                       f"{', '.join(known[:5]) or 'none'}{more}")
    prompt = load_design_prompt(path)
    score = score_design(answer, prompt, load_rubric(folder / "rubric.yaml"))
    print(score.to_json() if args.json else render_design_score(score, prompt.title))
    return EXIT_OK


def doctor_command(args: argparse.Namespace) -> int:
    from sandbox import Limits, Outcome, Sandbox, TestCase
    from sandbox.hardening import seccomp_available

    print(f"python      {sys.version.split()[0]} ({sys.executable})")
    sandbox = Sandbox(numpy=True)
    try:
        report = sandbox.run("def f():\n    return 1\n", "f", [TestCase("probe", args=[])],
                             Limits(seconds=10))
    finally:
        sandbox.close()
    works = report.results[0].outcome is Outcome.RETURNED and report.results[0].value == 1
    print(f"sandbox     {'works' if works else 'FAILED: ' + report.results[0].message}")
    print(f"layers      {', '.join(report.isolation) or 'none reported'}")
    if "seccomp" not in report.isolation:
        reason = "libseccomp not found" if not seccomp_available() else "the kernel refused it"
        print(f"warning     the seccomp layer is off ({reason}); the Python layers still apply")
    if "nobody-user" not in report.isolation:
        print("note        the child runs as your user (dropping to 'nobody' needs root)")
    return EXIT_OK if works else EXIT_FAILED
