"""The bank has what the syllabus promises, and every item carries its required parts."""

from collections import Counter

from interview.bank import bank_root, load_bank
from interview.models import SKILL_TOPICS
from interview.skills import load_skills


def test_sixty_coding_problems_half_ml_half_classic_with_stateful_classes():
    problems = load_bank().coding.values()
    kinds = Counter(p.id.split("-")[0] for p in problems)
    assert kinds == {"ml": 30, "dsa": 30}
    assert sum(p.is_class_problem for p in problems) >= 14


def test_every_coding_problem_has_the_parts_an_interview_needs():
    for problem in load_bank().coding.values():
        assert len(problem.examples) >= 3, problem.id
        assert len(problem.tests) >= 15, problem.id
        assert any(t.generate for t in problem.tests), f"{problem.id}: no performance test"
        assert problem.wrong, problem.id
        assert 2 <= len(problem.hints) <= 3, problem.id
        assert 1 <= len(problem.follow_ups) <= 3, problem.id
        assert {"time", "space"} <= set(problem.complexity), problem.id


def test_three_hundred_skill_questions_over_fourteen_topics():
    questions, errors = load_skills(bank_root())
    assert not errors
    assert len(questions) >= 300
    assert {q.topic for q in questions} == set(SKILL_TOPICS)
    assert sum(q.is_template for q in questions) >= 60
    assert {q.type for q in questions} == {"mcq", "numeric", "short"}
    assert all(q.explanation.strip() for q in questions)


def test_twenty_design_prompts_each_covering_every_rubric_dimension():
    from interview.design import load_design_prompt, load_rubric
    from interview.models import DESIGN_DIMENSIONS

    rubric = load_rubric(bank_root() / "design" / "rubric.yaml")
    assert [d.id for d in rubric] == list(DESIGN_DIMENSIONS)
    assert sum(d.weight for d in rubric) == 100
    prompts = [load_design_prompt(path) for path in sorted((bank_root() / "design").glob("SD-*.yaml"))]
    assert [p.id for p in prompts] == [f"SD-{n:02d}" for n in range(1, 21)]
    for prompt in prompts:
        assert set(prompt.rubric) == set(DESIGN_DIMENSIONS), prompt.id
        assert sum(prompt.phases.values()) == prompt.minutes, prompt.id
        assert len(prompt.clarifications) >= 5, prompt.id
