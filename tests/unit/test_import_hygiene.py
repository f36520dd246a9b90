"""The sandbox stands alone and the core never pulls in the terminal UI."""

import json
import subprocess
import sys


def imported_modules(statement: str) -> set[str]:
    code = f"{statement}; import sys, json; print(json.dumps(sorted(sys.modules)))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    return set(json.loads(output))


def test_sandbox_imports_nothing_from_interview_or_textual():
    modules = imported_modules("import sandbox, sandbox.child")
    assert not any(name.split(".")[0] in {"interview", "textual"} for name in modules)


def test_core_and_grading_do_not_import_textual():
    modules = imported_modules(
        "import interview.bank, interview.grading.coding, interview.validate, interview.cli, "
        "interview.engine.timer, interview.engine.loops, interview.storage, interview.skills, "
        "interview.design, interview.templates, interview.engine.session, interview.engine.review, "
        "interview.catalog, interview.grading.custom_input, interview.sql_console, "
        "interview.grading.data_challenge")
    assert not any(name.split(".")[0] == "textual" for name in modules)
