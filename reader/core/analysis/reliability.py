"""Reliability coefficients for nominal codings: percent agreement, Cohen's kappa,
Krippendorff's alpha.

Written here rather than taken from ``krippendorff`` or scikit-learn: both pull in
numpy (tens of MB in the packaged binary) for a few lines of arithmetic. Tests check
them against published worked examples (Krippendorff 2011; the 50-proposal kappa
example) and against properties every coefficient must have.

Reliability data is a collection of *units*; a unit is a sequence with one value per
coder, in the same coder order for every unit, ``None`` where that coder gave no
value (missing). Any hashable value is a category. It can be passed as an iterable
of units or, when many units look alike (thousands of clauses nobody tagged), as a
mapping from a unit pattern (a tuple) to how many units have it; both give the same
result, the second in time proportional to the number of distinct patterns.

Every coefficient returns ``None`` when it is undefined (no pairable values, or no
variation at all so that chance agreement is perfect) instead of dividing by zero.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence

Unit = Sequence[Hashable | None]
Units = Iterable[Unit] | Mapping[tuple, int]


def unit_patterns(units: Units) -> Mapping[tuple, int]:
    """``units`` as a mapping from unit pattern to count (passed through if it is one)."""
    if isinstance(units, Mapping):
        return units
    return Counter(tuple(u) for u in units)


def _values(pattern: tuple) -> list[Hashable]:
    return [v for v in pattern if v is not None]


def percent_agreement(units: Units) -> float | None:
    """The share of agreeing pairs among all pairs of values coded for the same unit.

    For two coders this is the plain share of units they coded alike; for more it is
    pooled pairwise agreement. Units with fewer than two values are not pairable and
    are left out. ``None`` when no unit is pairable.
    """
    agreeing = pairs = 0
    for pattern, count in unit_patterns(units).items():
        values = _values(pattern)
        m = len(values)
        if m < 2:
            continue
        same = sum(n * (n - 1) for n in Counter(values).values()) // 2
        agreeing += same * count
        pairs += m * (m - 1) // 2 * count
    return agreeing / pairs if pairs else None


def cohen_kappa(units: Units) -> float | None:
    """Cohen's kappa for exactly two coders: ``(p_o - p_e) / (1 - p_e)``.

    Units where either coder has no value are left out. ``None`` when no unit is
    left, or when ``p_e == 1`` (both coders used one and the same category
    throughout, so agreement by chance is certain).

    :raises ValueError: a unit does not have exactly two values slots.
    """
    n = agree = 0
    first: Counter[Hashable] = Counter()
    second: Counter[Hashable] = Counter()
    for pattern, count in unit_patterns(units).items():
        if len(pattern) != 2:
            raise ValueError(f"Cohen's kappa needs exactly two coders, got {len(pattern)}")
        a, b = pattern
        if a is None or b is None:
            continue
        n += count
        agree += count if a == b else 0
        first[a] += count
        second[b] += count
    if n == 0:
        return None
    p_o = agree / n
    p_e = sum(first[c] * second[c] for c in first) / (n * n)
    if p_e == 1:
        return None
    return (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(units: Units) -> float | None:
    """Krippendorff's alpha for nominal data, any number of coders, missing values allowed.

    ``alpha = 1 - D_o / D_e`` computed from the coincidences of pairable values
    (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section A):
    with ``n`` pairable values in all, ``n_c`` of them category ``c``, and ``m_u``
    values in unit ``u`` (``n_uc`` of category ``c``)::

        alpha = 1 - (n - 1) * sum_u (m_u^2 - sum_c n_uc^2) / (m_u - 1)
                            / (n^2 - sum_c n_c^2)

    ``None`` when fewer than two values are pairable or every pairable value is the
    same category (no variation: ``D_e = 0``).
    """
    n = 0
    by_category: Counter[Hashable] = Counter()
    observed = 0.0  # sum over units of (m_u^2 - sum_c n_uc^2) / (m_u - 1)
    for pattern, count in unit_patterns(units).items():
        values = _values(pattern)
        m = len(values)
        if m < 2:
            continue
        in_unit = Counter(values)
        n += m * count
        for category, k in in_unit.items():
            by_category[category] += k * count
        observed += count * (m * m - sum(k * k for k in in_unit.values())) / (m - 1)
    expected = n * n - sum(k * k for k in by_category.values())
    if n < 2 or expected == 0:
        return None
    return 1 - (n - 1) * observed / expected
