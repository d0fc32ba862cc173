"""Agreements and violation claims on the seeds (against the gold) and on dev articles read by hand.

Skips without shared/.
"""

from __future__ import annotations

import pytest

from tests.test_dates_dev import dev_doc, seed_doc, sentence_with


def known(doc) -> set[str]:
    return {a.key for a in doc.ex.agreements if a.key}


def accords(doc) -> list[set[str]]:
    return [set(a.parties) for a in doc.ex.agreements if a.key is None]


def test_seeds() -> None:
    doc = seed_doc("000_d5097bc123885f27.txt")
    assert known(doc) == {"sochi_idlib_2018"} and accords(doc) == []
    (v,) = doc.ex.violations
    assert (v.agreement.key, v.claimant, v.accused, v.obstruction) == ("sochi_idlib_2018", "turkey",
                                                                       ["syrian_government_forces"], False)
    doc = seed_doc("001_675986af5fcbd24d.txt")
    assert known(doc) == set() and accords(doc) == [{"russia", "turkey"}]
    (a,) = doc.ex.agreements
    assert a.date is not None and a.date.value in ("2018-12-29", "--12-29") and len(a.evidence) == 2
    doc = seed_doc("002_15387a6abebd138d.txt")
    (v,) = doc.ex.violations  # "nhất trí ủng hộ chấm dứt bạo lực" is not an accord
    assert (v.agreement.key, v.claimant, v.obstruction) == ("aleppo_evacuation_2016", "cavusoglu", True)
    assert accords(doc) == []
    doc = seed_doc("003_78e5f563b1cf5c8a.txt")
    assert known(doc) == {"astana_deescalation"} and doc.ex.violations == []
    doc = seed_doc("004_2cea901bbec2a020.txt")  # "hồi tháng 2" read against the body's own date (2016)
    assert known(doc) == {"cessation_of_hostilities_2016"}
    assert accords(doc) in ([], [{"russia", "usa"}])  # the intelligence-sharing accord is optional in the gold


@pytest.mark.parametrize(
    ("name", "keys", "n_accords"),
    [
        ("001.txt", set(), 1),  # the trilateral monitoring mechanism of January 2017
        ("007.txt", {"syria_ceasefire_dec_2016"}, 1),
        ("008.txt", set(), 2),  # Russia-Syria (Tartus), Iran-Syria
        ("014.txt", set(), 0),  # Trump's "vùng an toàn" is no agreement
        ("024.txt", {"astana_deescalation"}, 0),
        ("028.txt", {"astana_deescalation"}, 0),
        ("036.txt", {"astana_deescalation"}, 0),
        ("053.txt", {"us_russia_air_safety_mou_2015"}, 0),
        ("060.txt", {"astana_deescalation"}, 0),  # "nhất trí về các hoạt động tiếp xúc": no accord
        ("074.txt", {"southwest_syria_ceasefire_2017"}, 0),
        ("076.txt", {"southwest_syria_ceasefire_2017", "astana_deescalation"}, 0),
        ("077.txt", {"southwest_syria_ceasefire_2017"}, 0),
        ("006.txt", set(), 0), ("017.txt", set(), 0), ("052.txt", set(), 0),
    ],
)
def test_dev_agreements(name: str, keys: set[str], n_accords: int) -> None:
    doc = dev_doc(name)
    assert known(doc) == keys
    assert len(accords(doc)) == n_accords


def test_dev_astana_process_is_not_the_memorandum() -> None:
    doc = dev_doc("001.txt")  # "quá trình Astana" and a ceasefire monitored at Astana in February 2017
    assert "astana_deescalation" not in known(doc)


def test_dev_violations() -> None:
    doc = dev_doc("049.txt")
    assert known(doc) == {"astana_deescalation"}
    got = {v.evidence[0] for v in doc.ex.violations}
    assert sentence_with(doc, "thỏa thuận giảm leo thang căng thẳng cũng bị vi phạm") in got
    assert sentence_with(doc, "đã vi phạm trắng trợn thỏa thuận") in got
    assert all(v.agreement.key == "astana_deescalation" for v in doc.ex.violations)
    assert dev_doc("002.txt").ex.violations == []  # "ngăn chặn những vi phạm lệnh ngừng bắn": no claim
    assert dev_doc("077.txt").ex.violations == []  # "chưa xảy ra lần vi phạm ngừng bắn nào"
