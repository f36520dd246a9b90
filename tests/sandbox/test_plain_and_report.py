"""Results cross the boundary as exact-type plain data, and the parent distrusts every frame."""

import pytest

from sandbox.contract import Outcome
from sandbox.plain import NotPlainData, from_plain, to_plain
from sandbox.report import FrameError, parse_result


def roundtrip(value):
    return from_plain(to_plain(value))


def test_plain_values_survive_with_their_types():
    assert roundtrip([1, 2.5, "x", None, True]) == [1, 2.5, "x", None, True]
    assert roundtrip((1, (2, 3))) == [1, [2, 3]]
    assert roundtrip({1: "a", "b": [2]}) == {1: "a", "b": [2]}
    assert roundtrip({3, 1, 2}) == [1, 2, 3]
    assert roundtrip(10 ** 5000) == 10 ** 5000
    assert roundtrip(1 + 2j) == 1 + 2j


def test_numpy_values_become_python_values():
    np = pytest.importorskip("numpy")
    assert roundtrip(np.array([[1, 2], [3, 4]])) == [[1, 2], [3, 4]]
    value = roundtrip(np.float64(0.5))
    assert value == 0.5 and type(value) is float
    assert roundtrip({"k": np.int64(3)}) == {"k": 3}


@pytest.mark.parametrize("make", [
    lambda: type("I", (int,), {})(5),
    lambda: type("L", (list,), {})([1]),
    lambda: type("S", (str,), {"__eq__": lambda s, o: True})("x"),
    lambda: type("A", (), {"__eq__": lambda s, o: True})(),
    lambda: {type("K", (str,), {})("k"): 1},
])
def test_subclasses_and_foreign_objects_are_refused(make):
    with pytest.raises(NotPlainData):
        to_plain(make())


def test_cycles_are_refused():
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises(NotPlainData):
        to_plain(cycle)


@pytest.mark.parametrize("frame", [
    {"outcome": "passed"},
    {"outcome": "time_limit"},
    {"outcome": "rejected"},
    {"outcome": "returned", "value": {"x": 1}},
    {"outcome": "returned", "value": 1, "line": "3"},
    {"outcome": "returned", "value": 1, "time_ms": "fast"},
    {"outcome": "runtime_error", "message": ["not", "text"]},
])
def test_the_parent_refuses_frames_that_break_the_schema(frame):
    with pytest.raises((FrameError, ValueError)):
        parse_result("t", {"time_ms": 1.0, **frame})


def test_a_well_formed_frame_parses():
    result = parse_result("t", {"outcome": "returned", "value": {"d": [[1, 2]]}, "time_ms": 3})
    assert result.outcome is Outcome.RETURNED and result.value == {1: 2}
