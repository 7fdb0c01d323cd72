"""The coefficients against published worked examples and the properties they must have."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis.reliability import (
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
    unit_patterns,
)

_ = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers (rows) by 12 units (columns), nominal values, "." (here None) missing.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]


def by_unit(rows: list[list]) -> list[tuple]:
    """Coders-by-units rows as units (one value per coder)."""
    return list(zip(*rows, strict=True))


def test_alpha_matches_krippendorff_2011_nominal_example():
    assert round(krippendorff_alpha(by_unit(KRIPPENDORFF_2011)), 3) == 0.743


def test_alpha_of_the_example_from_its_coincidence_matrix():
    # By hand from the table: n = 40 pairable values (unit 12 has one, so none),
    # n_c = 9, 13, 10, 5, 3 for values 1..5; disagreeing coincidences: unit 2
    # (2,2,3,2) gives 6/3, unit 6 (1,2,3,4) 12/3, unit 8 (1,1,2,1) 6/3: 8 in all.
    expected = 1 - 39 * 8 / (40 * 40 - (81 + 169 + 100 + 25 + 9))
    assert expected == pytest.approx(0.7434, abs=1e-4)
    assert krippendorff_alpha(by_unit(KRIPPENDORFF_2011)) == pytest.approx(expected)


def test_kappa_matches_the_fifty_proposals_example():
    # Two readers say yes/no to 50 grant proposals: both yes 20, A yes B no 5,
    # A no B yes 10, both no 15. p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4.
    units = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(units) == pytest.approx(0.4)
    assert percent_agreement(units) == pytest.approx(0.7)


def test_patterns_with_counts_give_the_same_results_as_units():
    units = by_unit(KRIPPENDORFF_2011) * 3
    patterns = Counter(units)
    assert krippendorff_alpha(patterns) == pytest.approx(krippendorff_alpha(units))
    assert percent_agreement(patterns) == pytest.approx(percent_agreement(units))
    assert unit_patterns(patterns) is patterns


def test_percent_agreement_pools_pairs_and_skips_unpairable_units():
    # (1, 1, 2): one agreeing pair of three; (1, 1, None): one of one; (3, None, None): none.
    assert percent_agreement([(1, 1, 2), (1, 1, None), (3, None, None)]) == pytest.approx(2 / 4)
    assert percent_agreement([(1, None)]) is None


def test_undefined_coefficients_are_none_not_a_division_by_zero():
    same = [(0, 0)] * 10
    assert percent_agreement(same) == 1.0
    assert cohen_kappa(same) is None  # chance agreement is certain
    assert krippendorff_alpha(same) is None  # no variation
    assert krippendorff_alpha([(1, None), (None, 2)]) is None  # nothing pairable
    assert cohen_kappa([(1, None)]) is None


def test_kappa_refuses_other_than_two_coders():
    with pytest.raises(ValueError, match="two coders"):
        cohen_kappa([(1, 1, 1)])


def test_perfect_and_systematic_disagreement():
    assert cohen_kappa([(0, 1), (1, 0)] * 5) == pytest.approx(-1.0)
    assert krippendorff_alpha([(0, 0), (1, 1)] * 5) == pytest.approx(1.0)


def reference_alpha(units: list[tuple]) -> float | None:
    """Alpha the long way: the full coincidence matrix, D_o and D_e by its definition."""
    o: Counter = Counter()
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, j in ((i, j) for i in range(m) for j in range(m) if i != j):
            o[values[i], values[j]] += 1 / (m - 1)
    n_c: Counter = Counter()
    for (c, _k), v in o.items():
        n_c[c] += v
    n = sum(n_c.values())
    d_o = sum(v for (c, k), v in o.items() if c != k)
    d_e = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k) / (n - 1) if n > 1 else 0
    if n < 2 or d_e == 0:
        return None
    return 1 - d_o / d_e


units_strategy = st.integers(2, 4).flatmap(
    lambda k: st.lists(
        st.tuples(*[st.one_of(st.none(), st.integers(0, 2))] * k), min_size=1, max_size=30
    )
)


@given(units_strategy)
def test_alpha_equals_the_coincidence_matrix_definition(units):
    got, want = krippendorff_alpha(units), reference_alpha(units)
    assert (got is None) == (want is None)
    if got is not None:
        assert got == pytest.approx(want)


@given(units_strategy, st.randoms(use_true_random=False))
def test_coefficients_do_not_depend_on_the_order_of_units_or_coders(units, rnd):
    k = len(units[0])
    order = list(range(k))
    rnd.shuffle(order)
    shuffled = [tuple(u[i] for i in order) for u in units]
    rnd.shuffle(shuffled)
    for coefficient in (krippendorff_alpha, percent_agreement):
        a, b = coefficient(units), coefficient(shuffled)
        assert (a is None) == (b is None)
        assert a is None or a == pytest.approx(b)


@given(st.lists(st.integers(0, 3), min_size=2, max_size=40), st.integers(2, 4))
def test_identical_coders_agree_perfectly(values, k):
    units = [(v,) * k for v in values]
    assert percent_agreement(units) == 1.0
    alpha = krippendorff_alpha(units)
    if len(set(values)) > 1:
        assert alpha == pytest.approx(1.0)
        if k == 2:
            assert cohen_kappa(units) == pytest.approx(1.0)
    else:
        assert alpha is None


@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=40))
def test_kappa_is_symmetric_in_its_two_coders(units):
    a, b = cohen_kappa(units), cohen_kappa([(y, x) for x, y in units])
    assert (a is None) == (b is None)
    assert a is None or a == pytest.approx(b)


def test_alpha_and_kappa_converge_for_many_units_with_equal_marginals():
    # With equal marginals kappa equals Scott's pi, and alpha = pi + (1 - pi) / (2N).
    rnd = random.Random(4)
    units = []
    for _ in range(5000):
        a = rnd.random() < 0.3
        b = a if rnd.random() < 0.8 else (not a)
        units.append((a, b))
    units += [(b, a) for a, b in units]  # mirror: both coders have the same marginals
    kappa, alpha = cohen_kappa(units), krippendorff_alpha(units)
    assert alpha == pytest.approx(kappa + (1 - kappa) / (2 * len(units)))


def test_pairs_counted_once_per_unordered_pair():
    unit = (1, 1, 1, 2)
    agreeing = sum(a == b for a, b in combinations(unit, 2))
    assert percent_agreement([unit]) == pytest.approx(agreeing / 6)
