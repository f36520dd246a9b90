import random
from collections import Counter

from interview.bank import bank_root, load_bank
from interview.engine.loops import RoundPlan, find_loop
from interview.engine.picker import TOPIC_GROUPS, coding_candidates, pick_items, pick_questions
from interview.skills import load_skills


def test_coding_rounds_pick_fitting_unseen_problems_reproducibly():
    problems = coding_candidates(load_bank().coding.values(), "coding-ml")
    plan = RoundPlan("coding-ml", 45, 2, ("medium",))
    first = pick_items(problems, plan, random.Random(3))
    assert first == pick_items(problems, plan, random.Random(3))
    assert all(p.id.startswith("ml-") and p.difficulty == "medium" for p in first)
    seen = [p.id for p in problems if p.difficulty == "medium"][:-2]
    fresh = pick_items(problems, plan, random.Random(3), seen=seen)
    assert not {p.id for p in fresh} & set(seen)


def test_preferred_picks_come_first():
    from interview.design import load_design_prompt

    prompts = [load_design_prompt(p) for p in sorted((bank_root() / "design").glob("SD-*.yaml"))]
    plan = next(r for r in find_loop("cv").rounds if r.kind == "design")
    (chosen,) = pick_items(prompts, plan, random.Random(0))
    assert chosen.id in ("SD-10", "SD-18")


def test_the_onsite_quiz_follows_the_syllabus_mix():
    questions, _ = load_skills(bank_root())
    plan = next(r for r in find_loop("onsite").rounds if r.kind == "skills")
    chosen = pick_questions(questions, plan, random.Random(7))
    assert len(chosen) == plan.count == 15 and len({q.id for q in chosen}) == 15
    types = Counter(q.type for q in chosen)
    assert types["mcq"] >= 6 and types["numeric"] >= 3 and types["short"] >= 3
    core = sum(q.topic in TOPIC_GROUPS["core"] for q in chosen)
    assert core >= 4


def test_weak_topics_are_picked_more_often():
    questions, _ = load_skills(bank_root())
    plan = RoundPlan("skills", 20, 10)
    counts = Counter()
    for seed in range(40):
        picked = pick_questions(questions, plan, random.Random(seed), weights={"nlp": 3.0})
        counts.update(q.topic for q in picked)
    share = counts["nlp"] / sum(counts.values())
    baseline = sum(q.topic == "nlp" for q in questions) / len(questions)
    assert share > 2 * baseline
