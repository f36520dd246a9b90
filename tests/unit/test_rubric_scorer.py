"""The design rubric scorer: substance over vocabulary, red flags with their sentences, the CLI."""

import json
import time
from pathlib import Path

import pytest

from interview.bank import bank_root
from interview.cli import main
from interview.design import load_design_prompt, load_rubric
from interview.grading.rubric import (
    DesignScore,
    coverage_by_dimension,
    score_design,
    score_part,
    split_sentences,
)
from interview.models import DESIGN_DIMENSIONS, KeyPoint, RedFlag, RubricPart

ANSWERS = Path(__file__).parent.parent / "fixtures" / "design_answers"
DESIGN = bank_root() / "design"


@pytest.fixture(scope="module")
def rubric():
    return load_rubric(DESIGN / "rubric.yaml")


@pytest.fixture(scope="module")
def sd01():
    return load_design_prompt(DESIGN / "SD-01.yaml")


def answer(name: str) -> str:
    return (ANSWERS / f"{name}.md").read_text(encoding="utf-8")


def scores(result: DesignScore) -> dict[str, int]:
    return {d.dimension_id: d.score for d in result.dimensions}


def flags(result: DesignScore) -> dict[str, str]:
    return {f.flag: f.sentence for d in result.dimensions for f in d.red_flags}


# -- whole answers to SD-01 -------------------------------------------------------------------


def test_a_strong_answer_scores_2_or_3_on_most_dimensions(rubric, sd01):
    result = score_design(answer("sd01_strong"), sd01, rubric)
    assert list(scores(result)) == list(DESIGN_DIMENSIONS)
    assert sum(score >= 2 for score in scores(result).values()) >= 8
    assert result.overall >= 2.5
    assert not any(f.when == "present" for d in result.dimensions for f in d.red_flags)


def test_a_strong_answer_reports_the_sentence_that_covers_a_point(rubric, sd01):
    result = score_design(answer("sd01_strong"), sd01, rubric)
    data = next(d for d in result.dimensions if d.dimension_id == "data")
    covered = {c.point: c.sentence for c in data.covered}
    assert covered["Corrects for position and presentation bias in the logs"].startswith(
        "Position bias is strong on a grid")


def test_a_vague_answer_scores_low_everywhere(rubric, sd01):
    result = score_design(answer("sd01_weak"), sd01, rubric)
    assert max(scores(result).values()) <= 1
    assert result.overall < 0.5
    assert "Never mentions monitoring or drift" in flags(result)


def test_red_flags_are_reported_with_the_sentence_that_raised_them(rubric, sd01):
    raised = flags(score_design(answer("sd01_red_flags"), sd01, rubric))
    assert raised["Uses a random split on temporal or user-correlated data"].startswith(
        "We randomly split the logs")
    assert raised["Reports accuracy on heavily imbalanced data"].startswith(
        "The model reaches 99% accuracy")
    assert raised["Scores the full catalog with one heavy model per request"].startswith(
        "We score every title")
    assert raised["Trains once and never updates"].startswith("We train once")
    assert raised["Optimizes click-through rate directly as the objective"].startswith(
        "The business goal is to maximize CTR")


def test_each_red_flag_costs_a_point(rubric, sd01):
    strong = answer("sd01_strong")
    clean = scores(score_design(strong, sd01, rubric))["data"]
    flagged = score_design(strong + "\nWe randomly split the impressions into train and test.",
                           sd01, rubric)
    data = next(d for d in flagged.dimensions if d.dimension_id == "data")
    assert [f.flag for f in data.red_flags] == [
        "Uses a random split on temporal or user-correlated data"]
    assert data.score == clean - 1


def test_a_keyword_stuffed_answer_scores_at_most_1_per_dimension(rubric, sd01):
    result = score_design(answer("sd01_keyword_stuffed"), sd01, rubric)
    assert max(scores(result).values()) <= 1
    assert sum(d.vocabulary_only for d in result.dimensions) >= 8
    assert all(not d.covered for d in result.dimensions)


def rubric_paste(rubric, prompt) -> str:
    """Every key point, its cues and every red flag, copied as an answer."""
    lines = []
    for dimension in rubric:
        lines.append(f"## {dimension.title}")
        for point in dimension.generic.key_points + prompt.rubric[dimension.id].key_points:
            lines += [f"- {point.point}", ", ".join(point.cues)]
        lines += [flag.flag + "." for flag in dimension.generic.red_flags]
    return "\n".join(lines)


def test_pasting_the_rubric_scores_at_most_1_per_dimension(rubric, sd01):
    result = score_design(rubric_paste(rubric, sd01), sd01, rubric)
    assert max(scores(result).values()) <= 1
    assert not any(f.when == "present" for d in result.dimensions for f in d.red_flags)


def test_pasting_key_points_as_prose_scores_at_most_1(rubric, sd01):
    prose = ". ".join(p.point for d in rubric
                      for p in d.generic.key_points + sd01.rubric[d.id].key_points)
    assert max(scores(score_design(prose, sd01, rubric)).values()) <= 1


def test_the_model_answer_scores_well(rubric, sd01):
    assert score_design(sd01.model_answer, sd01, rubric).overall >= 2


# -- red flags and negation -------------------------------------------------------------------

RANDOM_SPLIT = RedFlag("Uses a random split", ["random split", "randomly split"])


@pytest.mark.parametrize("sentence", [
    "We would not use a random split because the logs are ordered in time.",
    "Avoid a random split here: it leaks tomorrow into training.",
    "Instead of a random split we train on four weeks and test on the next one.",
    "We don't randomly split the data, since users repeat across days.",
    "A random split would leak future popularity, so we split by time.",
    "Never use a random split on time-ordered logs.",
])
def test_a_negated_red_flag_sentence_does_not_trigger(sentence):
    assert score_part(sentence, RubricPart(red_flags=[RANDOM_SPLIT])).red_flags == []


@pytest.mark.parametrize("sentence", [
    "We use a random split instead of a time split because it is simpler.",
    "We never look at the test set twice, but we do use a random split.",
    "Then we randomly split the users into train and test.",
])
def test_an_affirmed_red_flag_triggers_with_its_sentence(sentence):
    raised = score_part(sentence, RubricPart(red_flags=[RANDOM_SPLIT])).red_flags
    assert [(f.flag, f.sentence) for f in raised] == [("Uses a random split", sentence)]


def test_a_heading_names_a_flag_without_raising_it():
    part = RubricPart(red_flags=[RANDOM_SPLIT])
    assert score_part("## Random split or time split?\nWe split by time.", part).red_flags == []


def test_an_absent_flag_triggers_only_when_no_sentence_mentions_a_cue():
    part = RubricPart(red_flags=[RedFlag("Never mentions drift", ["drift", "monitoring"],
                                         "absent")])
    assert [f.when for f in score_part("We ship it.", part).red_flags] == ["absent"]
    assert score_part("Drift.", part).red_flags == []


# -- cue matching -----------------------------------------------------------------------------

CALIBRATION = RubricPart(key_points=[KeyPoint("Recalibrates", ["calibration", "isotonic"])])


def covers(text: str, part: RubricPart) -> bool:
    return bool(score_part(text, part).covered)


def test_a_typo_in_a_cue_still_covers():
    assert covers("We fix the calibraton after downsampling because probabilities shift.",
                  CALIBRATION)


def test_a_different_word_one_letter_away_does_not_cover():
    sharding = RubricPart(key_points=[KeyPoint("Shards", ["sharding"])])
    assert not covers("We take the hard constraint into account because of privacy.", sharding)


@pytest.mark.parametrize("cue, text", [
    ("ANN", "We retrieve with approximate nearest neighbour search because it is fast."),
    ("trade off", "There is a tradeoff: the deep model is slower than GBDT."),
    ("tradeoff", "The trade-off is latency against accuracy."),
    ("milliseconds", "Ranking gets 60 ms of the budget."),
    ("randomize by user", "We randomise traffic by user so sessions do not mix."),
    ("negative sampling", "Negatives are sampled from impressions, so sampling shifts the rate."),
    ("embeddings", "Each title gets an embedding trained on co-watch data."),
    ("two tower", "We use a two-tower model for retrieval."),
])
def test_synonyms_stemming_and_compounds_cover(cue, text):
    assert covers(text, RubricPart(key_points=[KeyPoint("the point", [cue])]))


def test_multi_word_cue_words_must_be_close_together():
    part = RubricPart(key_points=[KeyPoint("Splits randomly", ["random split"])])
    assert not covers("We split by time, which matters because random users come back.", part)


# -- substance versus vocabulary --------------------------------------------------------------

FEATURES = RubricPart(key_points=[
    KeyPoint("Context features", ["device", "time of day"]),
    KeyPoint("Feature store", ["feature store"]),
    KeyPoint("Embeddings", ["embeddings"]),
    KeyPoint("Cold start", ["cold start"]),
])


@pytest.mark.parametrize("text", [
    "embeddings, two-tower, AUC, A/B test, drift, feature store, cold start",
    "We use embeddings, feature store, cold start, device, AUC.",
    "Feature store",
    "embeddings feature store cold start device",
    "## Feature store and embeddings",
])
def test_naming_terms_covers_nothing_but_counts_as_mentioned(text):
    result = score_part(text, FEATURES)
    assert result.covered == [] and result.mentioned
    assert result.score <= 1


@pytest.mark.parametrize("text", [
    "A feature store serves the same features online and offline, so there is no skew.",
    "We keep a feature store because online and offline code drift apart.",
    "The feature store holds 200 features per title.",
    "We would put the features in a feature store.",
    "A feature store rather than ad hoc SQL.",
])
def test_a_sentence_that_says_something_covers(text):
    assert [c.point for c in score_part(text, FEATURES).covered] == ["Feature store"]


def test_a_list_item_with_its_own_comparison_or_number_counts():
    result = score_part("Context: device (TV vs phone), genre, language, country.", FEATURES)
    assert [c.point for c in result.covered] == ["Context features"]


def test_score_thresholds_follow_the_fraction_covered():
    part = RubricPart(key_points=[KeyPoint(f"point {i}", [cue]) for i, cue in
                                  enumerate(["calibration", "dashboard", "retrain", "quantize",
                                             "fallback"])])
    sentences = ["We check calibration because it drifts.", "A dashboard shows 5 charts.",
                 "We retrain daily since titles change."]
    got = [score_part(" ".join(sentences[:n]), part).score for n in range(4)]
    assert got == [0, 1, 2, 3]  # 0/5, 1/5, 2/5, 3/5 covered


def test_a_vocabulary_only_part_scores_1_when_a_quarter_is_named():
    assert score_part("Feature store, embeddings, device, cold start.", FEATURES).score == 1
    assert score_part("Drift.", FEATURES).score == 0


# -- sentences --------------------------------------------------------------------------------


def test_bullets_lines_and_wrapped_lines_make_sentences():
    text = ("# Data\n- Impression logs, e.g. plays; thumbs and\n  Wrapped tail.\n"
            "Second line. Third one,\n  lowercase continues it\n**Model.** Two towers.\n"
            "1. First step\nNew line")
    assert split_sentences(text) == [
        "Data", "Impression logs, eg plays", "thumbs and Wrapped tail.", "Second line.",
        "Third one, lowercase continues it", "Model.", "Two towers.", "First step",
        "New line"]


# -- coverage while typing, speed and output --------------------------------------------------


def test_coverage_by_dimension_tracks_what_the_answer_covers(rubric, sd01):
    strong = coverage_by_dimension(answer("sd01_strong"), sd01, rubric)
    weak = coverage_by_dimension(answer("sd01_weak"), sd01, rubric)
    assert list(strong) == list(DESIGN_DIMENSIONS)
    assert all(0 <= share <= 1 for share in strong.values())
    assert all(strong[d] > weak[d] for d in DESIGN_DIMENSIONS)
    full = score_design(answer("sd01_strong"), sd01, rubric)
    assert strong == {d.dimension_id: d.coverage for d in full.dimensions}


def test_monitoring_only_answer_is_least_covered_elsewhere(rubric, sd01):
    text = ("We monitor the prediction distribution with PSI because inputs drift.\n"
            "A feedback loop forms, so we keep 2% exploration traffic.")
    coverage = coverage_by_dimension(text, sd01, rubric)
    assert max(coverage, key=coverage.get) == "monitoring"
    assert coverage["serving"] == 0


def test_scoring_a_2000_word_answer_takes_well_under_50_ms(rubric, sd01):
    words = answer("sd01_strong").split()
    long_answer = " ".join((words * 3)[:2000]).replace(". ", ".\n")
    score_design(long_answer, sd01, rubric)  # compiles the rubric once
    best = min(_timed(lambda: score_design(long_answer, sd01, rubric)) for _ in range(3))
    assert best < 0.05


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def test_json_is_stable_and_complete(rubric, sd01):
    result = score_design(answer("sd01_red_flags"), sd01, rubric)
    data = json.loads(result.to_json())
    assert data == result.as_dict() == score_design(answer("sd01_red_flags"), sd01,
                                                    rubric).as_dict()
    assert [d["id"] for d in data["dimensions"]] == list(DESIGN_DIMENSIONS)
    weights = {d.id: d.weight for d in rubric}
    expected = sum(d["score"] * weights[d["id"]] for d in data["dimensions"]) / 100
    assert data["overall"] == round(expected, 2)
    assert set(data["dimensions"][2]) >= {"score", "covered", "missed", "red_flags"}


# -- the command ------------------------------------------------------------------------------


def test_design_score_prints_a_table_with_covering_sentences(capsys):
    assert main(["design-score", str(ANSWERS / "sd01_strong.md"), "--prompt", "SD-01"]) == 0
    out = capsys.readouterr().out
    assert "D3 Data and labels" in out and "/3" in out
    assert "✓ Corrects for position and presentation bias in the logs" in out
    assert "Position bias is strong on a grid" in out


def test_design_score_json_lists_red_flags(capsys):
    assert main(["design-score", str(ANSWERS / "sd01_red_flags.md"), "-p", "SD-01",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["prompt"] == "SD-01"
    raised = [f["sentence"] for d in data["dimensions"] for f in d["red_flags"]]
    assert any(s.startswith("We randomly split") for s in raised)


def test_design_score_unknown_prompt_lists_known_ids(capsys):
    assert main(["design-score", str(ANSWERS / "sd01_weak.md"), "--prompt", "SD-99"]) == 2
    err = capsys.readouterr().err
    assert "SD-99" in err and "SD-01" in err and "Traceback" not in err


def test_design_score_rejects_a_non_utf8_answer_in_one_line(tmp_path, capsys):
    bad = tmp_path / "answer.md"
    bad.write_bytes(b"We use a caf\xe9 model.\n")
    assert main(["design-score", str(bad), "--prompt", "SD-01"]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "UTF-8" in err and err.count("\n") == 1
