"""The shipped data-challenge datasets are exactly what the seeded generator builds."""

import contextlib
import importlib.util
import sqlite3

import pytest

from interview.bank import bank_root
from interview.design import load_data_challenge

DATA = bank_root() / "data"


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_datasets",
                                                  DATA / "generate_datasets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dump(path) -> list[str]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return list(connection.iterdump())


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    folder = tmp_path_factory.mktemp("datasets")
    return {path.name: path for path in load_generator().build(folder)}


@pytest.mark.parametrize("challenge", sorted(DATA.glob("DC-*.yaml")), ids=lambda p: p.stem)
def test_dataset_matches_its_generator(challenge, rebuilt):
    dataset = load_data_challenge(challenge).dataset
    assert dataset.name in rebuilt, f"the generator does not build {dataset.name}"
    assert dump(dataset) == dump(rebuilt[dataset.name])


def test_four_data_challenges():
    assert [p.stem for p in sorted(DATA.glob("DC-*.yaml"))] == ["DC-1", "DC-2", "DC-3", "DC-4"]
