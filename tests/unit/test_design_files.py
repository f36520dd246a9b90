"""Design prompts, the shared rubric and data challenges: what makes each file valid."""

import contextlib
import sqlite3

import yaml

from interview.design import (
    build_data_challenge,
    build_design_prompt,
    build_rubric,
    check_checkpoint_answers,
    check_file,
    load_data_challenge,
    load_design_prompt,
)
from interview.models import DESIGN_DIMENSIONS

POINTS = [{"point": "says something", "cues": ["something"]},
          {"point": "says more", "cues": ["more"]}]


def part():
    return {"key_points": POINTS, "red_flags": [{"flag": "no numbers", "cues": ["qps"],
                                                 "when": "absent"}],
            "follow_ups": ["Why?"]}


def prompt(**changes):
    data = {
        "id": "SD-99", "title": "A prompt", "difficulty": "medium", "minutes": 40,
        "prompt": "Design it.", "model_answer": "An outline.",
        "clarifications": [{"asks": f"thing {i}", "cues": [f"cue {i}"], "answer": "yes"}
                           for i in range(5)],
        "phases": {dimension: 4 for dimension in DESIGN_DIMENSIONS},
        "rubric": {dimension: part() for dimension in DESIGN_DIMENSIONS},
    }
    data.update(changes)
    return data


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_a_complete_prompt_loads(tmp_path):
    loaded = load_design_prompt(write(tmp_path, "SD-99.yaml", prompt()))
    assert loaded.rubric["serving"].red_flags[0].when == "absent"
    assert sum(loaded.phases.values()) == loaded.minutes


def test_a_prompt_must_cover_every_dimension_and_budget_its_minutes(tmp_path):
    rubric = {d: part() for d in DESIGN_DIMENSIONS[:-1]}
    issues = check_file(write(tmp_path, "SD-99.yaml", prompt(rubric=rubric, minutes=45)),
                        build_design_prompt)
    messages = " ".join(str(i) for i in issues)
    assert "section for each of the ten dimensions" in messages
    assert "add up to 40, not the prompt's 45" in messages


def test_the_rubric_weights_add_up_to_100(tmp_path):
    dimensions = [{"id": d, "code": f"D{i}", "title": d, "weight": 10, **part()}
                  for i, d in enumerate(DESIGN_DIMENSIONS, 1)]
    assert check_file(write(tmp_path, "rubric.yaml", {"dimensions": dimensions}),
                      build_rubric) == []
    dimensions[0]["weight"] = 11
    issues = check_file(write(tmp_path, "rubric.yaml", {"dimensions": dimensions}),
                        build_rubric)
    assert any("add up to 100" in str(i) for i in issues)


def challenge(tmp_path, checkpoints):
    with sqlite3.connect(tmp_path / "DC-9.sqlite") as db:
        db.execute("CREATE TABLE rides (city TEXT, cancelled INTEGER)")
        db.executemany("INSERT INTO rides VALUES (?, ?)", [("a", 1), ("a", 0), ("b", 0)])
    return write(tmp_path, "DC-9.yaml", {
        "id": "DC-9", "title": "Rides", "brief": "Look.", "dataset": "DC-9.sqlite",
        "model_answer": "Done.", "tables": {"rides": "one row per ride"},
        "checkpoints": checkpoints,
        "conclusion": {"prompt": "Conclude.", "key_points": POINTS}})


def test_data_challenge_reference_queries_run_on_the_dataset(tmp_path):
    checkpoints = [
        {"id": "rate", "question": "Rate?", "type": "number",
         "sql": "SELECT AVG(cancelled) FROM rides"},
        {"id": "cities", "question": "Cities?", "type": "query",
         "sql": "SELECT city, COUNT(*) FROM rides GROUP BY city"},
        {"id": "broken", "question": "?", "type": "query", "sql": "SELECT nope FROM rides"},
        {"id": "shape", "question": "?", "type": "number", "sql": "SELECT city FROM rides"},
    ]
    path = challenge(tmp_path, checkpoints)
    assert check_file(path, build_data_challenge) == []
    issues = check_checkpoint_answers(load_data_challenge(path))
    assert len(issues) == 2
    assert "checkpoint broken: the reference query fails" in issues[0]
    assert "checkpoint shape: a number checkpoint's query must return one number" in issues[1]


def test_the_dataset_is_opened_read_only(tmp_path):
    from interview.design import open_read_only

    path = challenge(tmp_path, [])
    with contextlib.closing(open_read_only(tmp_path / "DC-9.sqlite")) as db:
        try:
            db.execute("DELETE FROM rides")
            raise AssertionError("the dataset accepted a write")
        except sqlite3.OperationalError as error:
            assert "readonly" in str(error)
    assert path.exists()
