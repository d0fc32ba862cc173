"""Factuality cues (status of reported events) on phrases written for these tests."""

from __future__ import annotations

import pytest

from syriakg.loaders.extract.factuality import Factuality, compatible, merge, status_of


@pytest.mark.parametrize("scope,expected", [
    ("Tổng thống Ai Cập đã hội đàm với Quốc vương Jordan", "occurred"),
    ("hai ngoại trưởng vừa điện đàm", "occurred"),
    ("hai bộ trưởng sẽ gặp nhau", "planned"),
    ("cuộc họp dự kiến diễn ra", "planned"),
    ("Iran lên kế hoạch tổ chức hội nghị", "planned"),
    ("Thủ tướng Ấn Độ có thể đến thăm", "possible"),
    ("ông Modi có thể sẽ gặp ông Rouhani", "possible"),
    ("khả năng cuộc gặp diễn ra vẫn còn bỏ ngỏ", "possible"),
    ("Pháp đề xuất tổ chức một hội nghị quốc tế", "proposed"),
    ("các bên chưa đạt được sự đồng thuận về cuộc gặp", "proposed"),
    ("cuộc gặp đã bị hủy", "cancelled"),
    ("cuộc gặp bị hoãn", "cancelled"),
    ("cuộc gặp bị hoãn sang tuần sau", "planned"),
    ("các cuộc hòa đàm vốn bị đình hoãn có thể diễn ra vào tháng sau", "possible"),
    ("Văn phòng Tổng thống phủ nhận có cuộc gặp", "denied"),
    ("hai bên gặp nhau tại Amman", "occurred"),  # narrative default
])
def test_status_from_scope(scope: str, expected: str) -> None:
    assert status_of(scope).status == expected


def test_default_is_not_explicit():
    f = status_of("hai bên gặp nhau tại Amman")
    assert f.status == "occurred" and not f.explicit


def test_frame_unconfirmed_makes_possible():
    f = status_of("Tổng thống Iran tới Iraq vào ngày 5/3", frame="Hiện Baghdad chưa xác nhận thông tin ")
    assert f.status == "possible"


def test_presupposing_phrase_is_occurred_unless_future():
    assert status_of("Phát biểu sau cuộc gặp", before_trigger="Phát biểu sau cuộc ").status == "occurred"
    assert status_of("sau cuộc gặp tới đây", before_trigger="sau cuộc ", after_trigger=" tới đây").status == "planned"


def test_future_date_relative_to_article():
    assert status_of("hai bên gặp nhau tại Amman", date_relation=1).status == "planned"
    assert status_of("hai bên gặp nhau tại Amman", date_relation=-1).status == "occurred"


def test_plan_noun_is_not_a_planned_cue():
    assert status_of("Kế hoạch ngừng bắn đã được công bố tại hội nghị").status == "occurred"


def test_merge_keeps_corrections_and_firm_reports():
    planned = Factuality("planned", "sẽ", True)
    possible = Factuality("possible", "chưa xác nhận", True)
    denied = Factuality("denied", "phủ nhận", True)
    occurred = Factuality("occurred", "đã", True)
    default = Factuality("occurred", "", False)
    assert merge(planned, possible).status == "possible"
    assert merge(possible, denied).status == "denied"
    assert merge(planned, default).status == "planned"
    assert merge(default, planned).status == "planned"
    assert merge(planned, occurred).status == "occurred"
    assert merge(denied, possible).status == "denied"


def test_compatibility_of_reports():
    planned = Factuality("planned", "sẽ", True)
    occurred = Factuality("occurred", "đã", True)
    possible = Factuality("possible", "có thể", True)
    assert compatible(planned, possible)  # a later doubt corrects the earlier report
    assert not compatible(planned, occurred)  # a planned round and rounds already held are two events
    assert not compatible(possible, occurred)
    assert compatible(Factuality("occurred", "", False), planned)


@pytest.mark.parametrize("scope,expected", [
    ("Ngoại trưởng Ai Cập cho rằng cần tiến hành một vòng đàm phán mới", "proposed"),
    ("các bên cần sớm tổ chức cuộc họp", "proposed"),
    ("Liên đoàn Ả-rập kêu gọi nối lại các cuộc hòa đàm", "proposed"),
    ("hội nghị sẽ được tổ chức tại Vienna", "planned"),
    ("cuộc đối thoại dự kiến khởi động vào tuần sau", "planned"),
    ("Ấn Độ có kế hoạch cử phái đoàn tới Cairo", "planned"),
    # a plan carried out: the past marker after the future cue wins
    ("hội nghị dự kiến kéo dài ba ngày đã khai mạc hôm qua", "occurred"),
    ("cuộc gặp được lên kế hoạch từ lâu vừa diễn ra", "occurred"),
    # ... but not a past decision about a future event
    ("hai bên đã nhất trí sẽ gặp nhau", "planned"),
    ("Cairo đã chuẩn bị cho hội nghị", "planned"),
])
def test_status_future_modal_and_done(scope: str, expected: str) -> None:
    assert status_of(scope).status == expected


def test_future_date_is_planned_unless_reported_as_done():
    assert status_of("hai ngoại trưởng gặp nhau ngày 20/6", date_relation=1).status == "planned"
    assert status_of("hai ngoại trưởng đã gặp nhau ngày 20/6", date_relation=1).status == "occurred"
    assert status_of("hai ngoại trưởng đã đồng ý gặp nhau ngày 20/6", date_relation=1).status == "planned"
    assert status_of("hai ngoại trưởng gặp nhau hôm qua", date_relation=-1).status == "occurred"


@pytest.mark.parametrize("scope,expected", [
    ("Tổng thống Ai Cập muốn có cuộc gặp với Quốc vương Jordan", "proposed"),
    ("Thủ tướng Ấn Độ mong muốn sớm thăm Tehran", "proposed"),
    ("hai bên đã gặp nhau và muốn tăng cường hợp tác", "occurred"),
])
def test_wish_is_a_proposal(scope: str, expected: str) -> None:
    assert status_of(scope).status == expected


def test_convened_is_held_and_to_convene_is_planned():
    from syriakg.loaders.extract.factuality import status_of as st
    assert st("ông Moon đã triệu tập một cuộc họp khẩn cấp").status == "occurred"
    assert st("Ai Cập sẽ triệu tập một cuộc họp khẩn cấp").status == "planned"
    assert st("Liên đoàn Arab triệu tập cuộc họp").status == "planned"


def test_anticipated_is_no_plan_and_a_planned_meeting_cancelled_is_cancelled():
    from syriakg.loaders.extract.factuality import status_of as st
    assert st("cuộc gặp đầu tiên và rất được chờ đợi giữa hai tổng thống diễn ra").status == "occurred"
    assert st("Nga đã bất ngờ hủy cuộc gặp được lên kế hoạch gần đây nhất giữa hai ông").status == "cancelled"
    assert st("cuộc họp vốn bị hoãn có thể diễn ra vào tháng tới").status == "possible"
    assert st("hai bên đang chờ đợi cuộc gặp").status == "planned"
