from interview.grading.compare import results_match
from interview.models import Comparison

EXACT = Comparison()


def test_tuples_equal_lists_and_ints_equal_floats():
    assert results_match([1, 2], [1, 2], EXACT)
    assert results_match([[1, 2]], [[1.0, 2.0]], EXACT)


def test_bool_is_not_a_number():
    assert not results_match(1, True, EXACT)
    assert not results_match(True, 1, EXACT)
    assert results_match(True, True, EXACT)


def test_none_and_strings_are_strict():
    assert not results_match(None, 0, EXACT)
    assert not results_match("1", 1, EXACT)


def test_float_tolerance_is_absolute_or_relative_and_element_wise():
    tolerant = Comparison(tolerance=1e-6)
    assert results_match([0.1 + 0.2], [0.3], tolerant)
    assert results_match({"a": [1e9]}, {"a": [1e9 + 100]}, tolerant)
    assert not results_match([0.3], [0.31], tolerant)
    assert not results_match(0.1 + 0.2, 0.3, EXACT)


def test_nan_and_infinity():
    tolerant = Comparison(tolerance=1e-6)
    assert results_match(float("nan"), float("nan"), tolerant)
    assert not results_match(1.0, float("nan"), tolerant)
    assert results_match(float("inf"), float("inf"), tolerant)
    assert not results_match(float("inf"), float("-inf"), tolerant)


def test_unordered_compares_the_top_level_as_a_multiset():
    unordered = Comparison(unordered=True)
    assert results_match([[1, 2], [3]], [[3], [1, 2]], unordered)
    assert not results_match([[1, 2], [3]], [[2, 1], [3]], unordered)
    assert not results_match([1, 1, 2], [1, 2, 2], unordered)
    assert results_match([0.1, 0.2], [0.2, 0.1 + 1e-9], Comparison(unordered=True, tolerance=1e-6))


def test_dict_keys_must_match_exactly():
    assert not results_match({"a": 1}, {"a": 1, "b": 2}, EXACT)
    assert results_match({1: "x"}, {1: "x"}, EXACT)
