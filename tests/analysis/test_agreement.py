"""Agreement tables on a hand-coded paper; every expected figure is worked out by hand.

Three coders, six clauses (see conftest.CODING). For a tag, a clause's unit holds
each coder's present/absent call; with n values in all (n_T present), alpha is
1 - (n - 1) * D / (n^2 - n_T^2 - n_F^2), where a 2-1 split among three coders adds
(9 - 5) / 2 = 2 to D.
"""

from __future__ import annotations

import pytest
from conftest import annotation

from reader.core.analysis.agreement import (
    AgreementError,
    coded_clause_indexes,
    compute_agreement,
)


def rows(report):
    return {r.tag: r for r in report.tags}


def test_three_coders_per_tag_table(doc, coded):
    report = compute_agreement(doc, coded)
    assert report.coders == ["ana", "ben", "cai"]
    assert report.clauses == 6
    table = rows(report)
    assert list(table) == ["customs", "finance", "trade", "trade/quota", "trade/tariff"]
    trade = table["trade"]  # includes its sub-tags: ana {0,1}, ben {0,1}, cai {0,2}
    assert trade.coded == {"ana": 2, "ben": 2, "cai": 2}
    assert trade.percent == pytest.approx(14 / 18)  # 4 pairs of 18 disagree
    assert trade.alpha == pytest.approx(1 - 17 * 4 / (324 - 36 - 144))
    assert trade.kappa is None  # three coders
    finance = table["finance"]
    assert (finance.percent, finance.alpha, finance.note) == (1.0, pytest.approx(1.0), "")
    # One coder alone on one clause: alpha is exactly 0.
    assert table["trade/quota"].alpha == pytest.approx(1 - 17 * 2 / (324 - 1 - 289))
    assert table["trade/quota"].alpha == pytest.approx(0.0)
    assert table["customs"].coded == {"ana": 1, "ben": 1, "cai": 0}
    assert table["customs"].alpha == pytest.approx(1 - 17 * 4 / (324 - 4 - 256))  # -0.0625


def test_overall_pools_the_tags_as_applied(doc, coded):
    overall = compute_agreement(doc, coded).overall
    # 5 applied tags x 6 clauses = 30 decisions, 90 values, 11 of them "present";
    # 7 decisions split 2-1 (trade exactly: clauses 0, 1, 2; quota; tariff; customs x2).
    assert overall.units == 30
    assert overall.percent == pytest.approx(76 / 90)
    assert overall.alpha == pytest.approx(1 - 89 * 14 / (8100 - 121 - 6241))
    assert overall.coded == {"ana": 4, "ben": 4, "cai": 3}


def test_two_coders_get_kappa(doc, coded):
    report = compute_agreement(doc, coded, coders=["ANA", "ben"])
    assert report.coders == ["ana", "ben"]
    table = rows(report)
    assert table["trade"].kappa == pytest.approx(1.0)
    # customs: ana clause 4, ben clause 5: p_o = 4/6, p_e = 1/36 + 25/36.
    assert table["customs"].kappa == pytest.approx((24 / 36 - 26 / 36) / (10 / 36))
    assert table["customs"].alpha == pytest.approx(1 - 11 * 4 / (144 - 4 - 100))
    assert "trade/tariff" not in table  # only cai used it
    assert report.mean_kappa == pytest.approx(
        sum(r.kappa for r in report.tags if r.kappa is not None)
        / sum(r.kappa is not None for r in report.tags)
    )


def test_requested_tags_and_coded_clauses_only(doc, coded):
    report = compute_agreement(doc, coded, tags=["Trade"], coded_only=True)
    assert [r.tag for r in report.tags] == ["trade"]
    assert report.clauses == 3  # clauses 0, 1, 2: the ones anybody coded with trade
    trade = report.tags[0]
    assert trade.percent == pytest.approx(5 / 9)
    assert trade.alpha == pytest.approx(1 - 8 * 4 / (81 - 36 - 9))
    assert report.overall.alpha == pytest.approx(trade.alpha)
    assert [d.clause for d in report.disagreements] == [0, 1, 2]  # customs is out of scope


def test_a_tag_nobody_used_is_undefined_not_an_error(doc, coded):
    row = compute_agreement(doc, coded, coders=["ana", "ben"], tags=["environment"]).tags[0]
    assert row.coded == {"ana": 0, "ben": 0}
    assert row.percent == 1.0
    assert row.kappa is None and row.alpha is None
    assert row.note == "nobody used this tag"


def test_perfect_agreement_everywhere_has_no_variation(doc):
    everything = {c: ["trade"] for c in range(6)}
    anns = [annotation(doc, a, c.start, c.end, ["trade"]) for a in "xy" for c in doc.clauses]
    row = compute_agreement(doc, anns).tags[0]
    assert everything and row.percent == 1.0
    assert row.alpha is None and row.kappa is None
    assert row.note.startswith("no variation")


def test_unused_tags_as_missing_values(doc, coded):
    report = compute_agreement(doc, coded, unused_as_missing=True)
    table = rows(report)
    quota = table["trade/quota"]  # only ana used it: ben and cai are missing, not "absent"
    assert quota.coded == {"ana": 1}
    assert quota.alpha is None and quota.note == "fewer than two coders used this tag"
    customs = table["customs"]  # cai never used customs: two coders remain
    assert customs.coded == {"ana": 1, "ben": 1}
    assert customs.alpha == pytest.approx(1 - 11 * 4 / (144 - 4 - 100))
    assert customs.percent == pytest.approx(4 / 6)


def test_disagreement_list(doc, coded):
    report = compute_agreement(doc, coded)
    assert [d.clause for d in report.disagreements] == [0, 1, 2, 4, 5]  # 3: all "finance"
    first = report.disagreements[0]
    assert first.text == "Tariffs fall by half."
    assert first.section_path == "Part I Aims"
    assert first.tags == {"ana": ["trade"], "ben": ["trade"], "cai": ["trade/tariff"]}
    assert report.disagreements[1].tags == {"ana": ["trade/quota"], "ben": ["trade"], "cai": []}
    assert first.consensus is None


def test_consensus_author_is_not_a_coder_and_shows_beside_disagreements(doc, coded):
    c0 = doc.clauses[0]
    lead = annotation(doc, "lead", c0.start, c0.end, ["trade"])
    report = compute_agreement(doc, [*coded, lead], consensus_author="Lead")
    assert report.coders == ["ana", "ben", "cai"]
    assert report.disagreements[0].consensus == ["trade"]
    assert report.disagreements[1].consensus is None


def test_overlap_rule(doc):
    clauses, starts = doc.clauses, [c.start for c in doc.clauses]
    c0, c1 = clauses[0], clauses[1]
    text = doc.text

    def codes(quote: str) -> list[int]:
        start = text.index(quote)
        return coded_clause_indexes(clauses, starts, start, start + len(quote))

    assert codes("by half") == [0]  # a key phrase codes the clause it sits in
    assert codes("Tariffs fall by half. Quotas") == [0]  # a spill-over does not
    assert codes("Tariffs fall by half. Quotas end ne") == [0, 1]  # over half of clause 1
    assert codes("half. Quotas end next year. Ports") == [1]
    assert coded_clause_indexes(clauses, starts, c0.start, c1.end) == [0, 1]
    assert codes("Part I Aims") == []


def test_untagged_and_outside_annotations(doc, coded):
    heading = doc.text.index("Part II Means")
    extra = [
        annotation(doc, "ana", heading, heading + 7, ["trade"]),  # a heading: no clause
        annotation(doc, "dan", doc.clauses[2].start, doc.clauses[2].end, []),  # untagged
    ]
    report = compute_agreement(doc, [*coded, *extra])
    assert report.outside_clauses == 1
    assert report.coders == ["ana", "ben", "cai"]  # dan tagged nothing: not a coder
    assert rows(report)["trade"].coded["ana"] == 2


def test_coder_errors(doc, coded):
    with pytest.raises(AgreementError, match="at least two coders"):
        compute_agreement(doc, coded, coders=["ana"])
    with pytest.raises(AgreementError, match="no tagged annotations by zoe"):
        compute_agreement(doc, coded, coders=["ana", "zoe"])
    only_ana = [a for a in coded if a.author == "ana"]
    with pytest.raises(AgreementError, match="by ana"):
        compute_agreement(doc, only_ana)


def test_report_is_json_ready(doc, coded):
    import json

    data = json.loads(json.dumps(compute_agreement(doc, coded).to_dict()))
    assert data["overall"]["tag"] == "overall"
    assert data["disagreements"][0]["tags"]["cai"] == ["trade/tariff"]
