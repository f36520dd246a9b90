import random
from pathlib import Path

import pytest

from interview.skills import check_skill_file, load_skill_file, load_skills
from interview.templates import TemplateError, instantiate
from interview.yamlfile import FileProblem

FIXTURES = Path(__file__).parent.parent / "fixtures" / "problems"
STATISTICS = FIXTURES / "skills" / "statistics.yaml"


def test_a_skills_file_loads_every_type():
    questions = {q.id: q for q in load_skill_file(STATISTICS)}
    assert questions["STA-02"].answer == 1.5 and not questions["STA-02"].is_template
    assert [v.name for v in questions["STA-90"].variables] == ["tp", "fp"]
    assert questions["STA-08"].options[0].correct and not questions["STA-08"].multiple
    assert len(questions["STA-07"].points) == 3


def test_schema_issues_name_the_line(tmp_path):
    text = STATISTICS.read_text().replace("    type: mcq", "    type: essay")
    path = tmp_path / "statistics.yaml"
    path.write_text(text)
    issues = check_skill_file(path)
    assert any("type must be one of" in str(i) and ":26:" in str(i) for i in issues), issues


def test_wrong_id_prefix_and_missing_answer_are_reported(tmp_path):
    text = STATISTICS.read_text().replace("id: STA-02", "id: PRB-02").replace(
        "    answer: 1.5\n", "")
    path = tmp_path / "statistics.yaml"
    path.write_text(text)
    messages = " ".join(str(i) for i in check_skill_file(path))
    assert "start with 'STA-'" in messages and "states its 'answer'" in messages


def test_duplicate_ids_across_files_are_errors(tmp_path):
    (tmp_path / "skills").mkdir()
    (tmp_path / "skills" / "a.yaml").write_text(STATISTICS.read_text())
    (tmp_path / "skills" / "b.yaml").write_text(STATISTICS.read_text())
    questions, errors = load_skills(tmp_path)
    assert len(questions) == 4 and any("duplicate question id" in str(e) for e in errors)


def test_templates_give_fresh_numbers_and_compute_answers_in_the_sandbox(sandbox_runner):
    question = next(q for q in load_skill_file(STATISTICS) if q.id == "STA-90")
    rng = random.Random(1)
    attempts = [instantiate(question, rng, sandbox_runner) for _ in range(3)]
    assert len({tuple(a.values.values()) for a in attempts}) > 1
    for attempt in attempts:
        tp, fp = attempt.values["tp"], attempt.values["fp"]
        assert attempt.answer == pytest.approx(tp / (tp + fp))
        assert f"{tp} spam emails" in attempt.text
        assert str(tp) in attempt.explanation


def test_a_broken_compute_is_a_clear_error(sandbox_runner, tmp_path):
    question = next(q for q in load_skill_file(STATISTICS) if q.id == "STA-90")
    broken = type(question)(**{**question.__dict__, "compute": "def answer(tp, fp):\n    return 'x'\n"})
    with pytest.raises(TemplateError, match="STA-90: compute failed"):
        instantiate(broken, random.Random(0), sandbox_runner)


def test_an_unknown_file_is_a_file_problem(tmp_path):
    with pytest.raises(FileProblem, match="no such file"):
        load_skill_file(tmp_path / "nope.yaml")


def test_mcq_options_come_in_a_fresh_order_and_grading_follows_it():
    from interview.grading.quiz import grade_mcq
    from interview.templates import shuffle_options

    question = next(q for q in load_skill_file(STATISTICS) if q.id == "STA-08")
    orders = {shuffle_options(question, random.Random(seed)).order for seed in range(20)}
    assert len(orders) > 1
    for seed in range(20):
        shown = shuffle_options(question, random.Random(seed))
        right = shown.options.index("Chi-square test of independence")
        assert shown.correct == {right}
        assert grade_mcq({right}, shown.correct).correct
