"""The clustering rules of cross-article linking, on plain records (no store)."""

from __future__ import annotations

from syriakg.loaders.link.cluster import (
    casualties_compatible,
    cluster_casualties,
    cluster_events,
    date_fit,
    events_compatible,
)
from syriakg.loaders.link.reports import CasualtyReport, DateInfo, EventReport
from syriakg.loaders.link.write import agreed_date, canonical_kind

E = "https://example.org/entity/"


def day(v: str) -> DateInfo:
    return DateInfo(v, "date")


def md(v: str) -> DateInfo:
    return DateInfo(v, "gMonthDay")


def ev(iri: str, article: str, actors: str, kind: str = "talks", status: str = "Occurred",
       date: DateInfo | None = None, place: str | None = None, published: str | None = None,
       countries: str = "") -> EventReport:
    return EventReport(iri, article, kind, status, frozenset(E + a for a in actors.split()),
                       E + place if place else None, date, published, frozenset(E + c for c in countries.split()))


def test_same_participants_same_day_merge_whatever_the_status():
    a = ev("a#1", "A", "minh lan", status="Occurred", date=day("2021-04-09"), place="hue")
    b = ev("b#1", "B", "lan minh", kind="meeting", status="Planned", date=day("2021-04-09"))
    assert events_compatible(a, b) > 0
    assert [[r.iri for r in c] for c in cluster_events([a, b])] == [["a#1", "b#1"]]


def test_different_days_or_families_do_not_merge():
    a = ev("a#1", "A", "minh lan", date=day("2021-04-09"))
    assert events_compatible(a, ev("b#1", "B", "minh lan", date=day("2021-04-10"))) == 0
    assert events_compatible(a, ev("b#2", "B", "minh lan", kind="phone_call", date=day("2021-04-09"))) == 0
    assert events_compatible(a, ev("b#3", "B", "minh lan", date=day("2022-04-09"))) == 0  # another year


def test_subset_needs_two_shared_participants():
    a = ev("a#1", "A", "minh lan", date=day("2021-04-09"))
    assert events_compatible(a, ev("b#1", "B", "minh lan hoa", date=day("2021-04-09"))) > 0
    one = ev("c#1", "C", "minh", date=day("2021-04-09"))
    assert events_compatible(one, ev("d#1", "D", "minh hoa", date=day("2021-04-09"))) == 0
    assert events_compatible(a, ev("e#1", "E", "minh hoa", date=day("2021-04-09"))) == 0  # overlap, no subset


def test_one_participant_only_with_same_kind_place_and_day():
    a = ev("a#1", "A", "minh", kind="visit", date=day("2021-04-09"), place="hue")
    assert events_compatible(a, ev("b#1", "B", "minh", kind="visit", date=day("2021-04-09"), place="hue")) > 0
    assert events_compatible(a, ev("b#2", "B", "minh", kind="visit", date=day("2021-04-09"))) == 0
    assert events_compatible(a, ev("b#3", "B", "minh", kind="talks", date=day("2021-04-09"), place="hue")) == 0


def test_year_less_date_against_full_date():
    full = ev("a#1", "A", "minh lan", date=day("2021-04-09"))
    near = ev("b#1", "B", "minh lan hoa", date=md("--04-09"), published="2021-04-07")
    far = ev("c#1", "C", "minh lan hoa", date=md("--04-09"), published="2019-03-01")
    unknown_sub = ev("d#1", "D", "minh lan hoa", date=md("--04-09"))
    unknown_same = ev("e#1", "E", "minh lan", date=md("--04-09"))
    assert events_compatible(full, near) > 0
    assert events_compatible(full, far) == 0
    assert events_compatible(full, unknown_sub) == 0  # no year evidence at all: equal participants only
    assert events_compatible(full, unknown_same) > 0
    assert events_compatible(full, ev("f#1", "F", "minh lan", date=md("--04-10"))) == 0


def test_missing_date_is_conservative():
    a = ev("a#1", "A", "minh lan", place="hue", published="2021-04-09")
    assert events_compatible(a, ev("b#1", "B", "minh lan", place="hue", published="2021-04-11")) > 0
    assert events_compatible(a, ev("b#2", "B", "minh lan", place="hue", published="2021-04-20")) == 0
    assert events_compatible(a, ev("b#3", "B", "minh lan", published="2021-04-10")) == 0  # no place
    assert events_compatible(a, ev("b#4", "B", "minh lan hoa", place="hue", published="2021-04-10")) == 0
    assert events_compatible(a, ev("b#5", "B", "minh lan", place="hue")) == 0  # unknown publication date


def test_month_against_day_needs_equal_sets_and_close_articles():
    a = ev("a#1", "A", "minh lan", date=DateInfo("2021-04", "gYearMonth"), published="2021-03-20")
    assert events_compatible(a, ev("b#1", "B", "minh lan", date=day("2021-04-09"), published="2021-04-09")) > 0
    assert events_compatible(a, ev("b#2", "B", "minh lan hoa", date=day("2021-04-09"),
                                   published="2021-04-09")) == 0
    assert events_compatible(a, ev("b#3", "B", "minh lan", date=day("2021-05-09"), published="2021-05-09")) == 0


def test_complete_linkage_does_not_chain():
    d = day("2021-04-09")
    core = ev("a#1", "A", "minh lan", date=d)
    left = ev("b#1", "B", "minh lan hoa", date=d)
    right = ev("c#1", "C", "minh lan tuan", date=d)
    clusters = cluster_events([core, left, right])
    assert len(clusters) == 1 and len(clusters[0]) == 2  # hoa and tuan never end up together
    assert core in clusters[0]


def test_reports_of_one_article_alone_make_no_cluster():
    d = day("2021-04-09")
    assert cluster_events([ev("a#1", "A", "minh lan", date=d), ev("a#2", "A", "minh lan", date=d)]) == []


def test_clusters_are_deterministic():
    d = day("2021-04-09")
    reports = [ev(f"{x}#1", x, "minh lan", date=d) for x in "DCBA"]
    assert cluster_events(reports) == cluster_events(list(reversed(reports)))
    assert [r.iri for r in cluster_events(reports)[0]] == ["A#1", "B#1", "C#1", "D#1"]


def cas(iri: str, article: str, count: int | None, place: str = "hama", date: DateInfo | None = None,
        outcome: str = "Killed", victims: str | None = "dân thường", country: bool = False,
        published: str | None = None) -> CasualtyReport:
    return CasualtyReport(iri, article, outcome, count, E + place, date or md("--03-14"), victims, None,
                          published, country)


def test_casualty_claims_of_one_incident_keep_their_figures():
    a, b = cas("a#c", "A", 12), cas("b#c", "B", 18)
    assert casualties_compatible(a, b) > 0
    assert [[r.count for r in c] for c in cluster_casualties([a, b])] == [[12, 18]]


def test_casualty_claims_that_are_not_one_incident():
    a = cas("a#c", "A", 12)
    assert casualties_compatible(a, cas("b#1", "B", 12, outcome="Injured")) == 0
    assert casualties_compatible(a, cas("b#2", "B", 12, place="homs")) == 0
    assert casualties_compatible(a, cas("b#3", "B", 12, date=md("--03-15"))) == 0
    assert casualties_compatible(a, cas("b#4", "B", 12, victims="binh sĩ")) == 0
    assert casualties_compatible(a, cas("a#2", "A", 12)) == 0  # two figures of one article: not merged
    # a country is too coarse to tie two year-less dates of undated articles
    assert casualties_compatible(cas("c#1", "C", 5, place="syria", country=True),
                                 cas("d#1", "D", 5, place="syria", country=True)) == 0


def test_date_fit_cases():
    assert date_fit(day("2021-04-09"), None, day("2021-04-09"), None, False) == "day"
    assert date_fit(None, None, day("2021-04-09"), None, True) == "none"
    assert date_fit(DateInfo("2021", "gYear"), None, DateInfo("2020", "gYear"), None, True) is None


def test_agreed_date_and_kind():
    assert agreed_date([day("2021-04-09"), md("--04-09"), None]) == day("2021-04-09")
    assert agreed_date([day("2021-04-09"), day("2021-04-10")]) is None
    assert agreed_date([md("--04-09"), md("--04-09")]) == md("--04-09")
    assert canonical_kind(["meeting", "talks"]) == "talks"
    assert canonical_kind(["visit", "talks"]) == "meeting"
    assert canonical_kind(["summit"]) == "summit"


def test_two_countries_alone_need_close_kinds():
    d = md("--11-03")
    talks = ev("a#1", "A", "laos peru", kind="talks", date=d, countries="laos peru")
    visit = ev("b#1", "B", "laos peru", kind="visit", date=d, place="lima", countries="laos peru")
    meeting = ev("c#1", "C", "laos peru", kind="meeting", date=d, countries="laos peru")
    assert events_compatible(talks, visit) == 0  # a visit and some talks of the same two countries
    assert events_compatible(talks, meeting) > 0
    # with a person among the shared participants, a visit and talks of the same day may be one event
    people = ev("d#1", "D", "laos peru quang", kind="talks", date=d, countries="laos peru")
    assert events_compatible(people, ev("e#1", "E", "laos peru quang", kind="visit", date=d,
                                        countries="laos peru")) > 0
