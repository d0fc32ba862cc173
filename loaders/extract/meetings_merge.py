"""Meetings: event candidates and how they become events or merge into an earlier one."""

from __future__ import annotations

from dataclasses import dataclass, field

from syriakg.loaders.extract import factuality
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.meetings_dates import better_date, dates_compatible
from syriakg.loaders.extract.meetings_lexicon import FAMILY, kinds_compatible, lemma_core
from syriakg.loaders.model import DateValue, Event, EventKind, Span


@dataclass
class Cand:
    kind: EventKind
    sentence: int
    trigger: Span
    lemma: str
    actors: list[str] = field(default_factory=list)
    place: str | None = None
    place_alternatives: bool = False
    date: DateValue | None = None
    topic: str | None = None
    fact: factuality.Factuality = field(default_factory=lambda: factuality.Factuality("occurred", "", False))
    backref: bool = False
    strict_backref: bool = False  # "cuộc gặp này / nói trên": never a new event
    noun: bool = False
    destination: str | None = None
    background: bool = False
    place_after: bool = False  # the place is written after the trigger (the event's own "tại X")
    travel_purpose: bool = False  # a journey to attend it ("phái đoàn X sẽ tới Y để tham dự vòng đàm phán")
    two_sided: bool = False  # "giữa A và <a party the gazetteer does not know>": one side named, two sides told
    attendees: list[str] = field(default_factory=list)
    delegation_join: bool = False  # "phái đoàn X đã tham gia tiến trình đàm phán"
    upcoming: bool = False  # "cuộc đàm phán tiếp theo / tới", planned  # "có sự tham dự của X": added to whatever event it is


def place_event(doc: Doc, c: Cand, events: list[Event], facts: dict[int, factuality.Factuality],
                 lemmas: dict[int, set[str]], lead_date: tuple[int, DateValue] | None) -> None:
    # back-references and repeated reports merge into an earlier event
    target = _find_target(doc, c, events, facts, lemmas)
    if target is not None:
        ev = target
        k = id(ev)
        if c.sentence not in ev.evidence:
            ev.evidence.append(c.sentence)
        for a in c.actors:
            if a == c.destination and ev.kind != "visit" and c.kind == "visit":
                continue  # a visit folded into a meeting: its destination is the meeting's place
            if a not in ev.actors:
                ev.actors.append(a)
        if ev.place is None and c.place:
            ev.place = c.place
        ev.date = better_date(ev.date, c.date)
        if not ev.topic and c.topic:
            ev.topic = c.topic
        facts[k] = factuality.merge(facts[k], c.fact)
        ev.status = facts[k].status
        lemmas[k].add(c.lemma)
        if ev.kind == "visit" and c.kind != "visit" and not c.backref:
            ev.kind = c.kind
        return
    if c.strict_backref or (c.backref and not c.actors and not _valid(doc, c)):
        return
    if not _valid(doc, c):
        return
    date = c.date
    if date is None and c.fact.status == "occurred" and lead_date is not None and not c.background and \
            c.sentence <= lead_date[0] + 3:
        date = lead_date[1]
    ev = Event(kind=c.kind, status=c.fact.status, actors=list(c.actors), evidence=[c.sentence], place=c.place,
               date=date, topic=c.topic, trigger=c.trigger)
    events.append(ev)
    facts[id(ev)] = c.fact
    lemmas[id(ev)] = {c.lemma}


def _valid(doc: Doc, c: Cand) -> bool:
    n = len(c.actors)
    if c.kind == "visit":  # a visitor, besides the place or country visited
        return any(a != c.destination for a in c.actors) and (c.destination is not None or n >= 2)
    if n >= 2:
        return True
    if n == 1 and c.travel_purpose and c.destination is not None and c.actors[0] != c.destination:
        return True  # one delegation travelling to the venue of talks: a participant and a place
    if n == 1 and c.kind in ("meeting", "summit") and doc.kind_of(c.actors[0]) == "organization" and \
            lemma_core(c.lemma) in ("họp", "nhóm họp") and c.place is not None and \
            (c.date is not None or c.place_after):
        return True  # a body meeting at a venue ("Hội đồng Bảo an đã nhóm họp tại New York ngày 5/4")
    if n == 1 and c.delegation_join:
        return True  # a named party's delegation joining talks
    if n == 1 and c.two_sided and c.noun and (c.place is not None or c.date is not None):
        return True  # "cuộc đàm phán giữa chính phủ X và các nhóm đối lập tại Y": one side known by name
    # no actors: talks at a venue on a date, or the next round at a venue ("cuộc đàm phán tiếp theo ở Geneva")
    return n == 0 and c.place is not None and c.place_after and (c.date is not None or c.upcoming) and \
        c.kind in ("negotiation", "talks")


def _find_target(doc: Doc, c: Cand, events: list[Event], facts: dict[int, factuality.Factuality],
                 lemmas: dict[int, set[str]]) -> Event | None:
    fam = FAMILY[c.kind]
    if c.backref:
        for ev in reversed(events):
            if c.sentence - max(ev.evidence) > 12 or not factuality.compatible(facts[id(ev)], c.fact):
                continue
            if _other_journey(doc, c, ev):
                continue  # "Trong chuyến thăm Amman, X ..." after Y's visit to Beijing: another visit
            if not dates_compatible(ev.date, c.date) or c.background:
                continue  # "Trước đó, trong các cuộc đàm phán ...": an earlier event, not the one just told
            if _actors_clash(doc, c, ev):
                continue  # "Trong cuộc hội đàm, A và B ..." after talks of C and D: other talks
            if c.lemma in lemmas[id(ev)] or lemma_core(c.lemma) in {lemma_core(x) for x in lemmas[id(ev)]}:
                return ev
        for ev in reversed(events):
            if c.sentence - max(ev.evidence) > (2 if c.strict_backref else 4) or \
                    not factuality.compatible(facts[id(ev)], c.fact):
                continue
            if not dates_compatible(ev.date, c.date) or c.background or _other_journey(doc, c, ev):
                continue
            if _actors_clash(doc, c, ev) or (len(c.actors) >= 2 and not ev.actors):
                continue  # two named parties of their own: not the actorless event of another word
            if kinds_compatible(ev.kind, c.kind):
                return ev
        if not c.actors:
            return None
    if not c.actors:
        # no actors: the same venue (and date, when both have one) in the same family, same word first
        fits = [ev for ev in reversed(events)
                if c.place_after and FAMILY[ev.kind] == fam and ev.place and ev.place == c.place and
                dates_compatible(ev.date, c.date) and (ev.date is not None or c.sentence - max(ev.evidence) <= 3)]
        core = lemma_core(c.lemma)
        for ev in fits:
            if core in {lemma_core(x) for x in lemmas[id(ev)]}:
                return ev
        return fits[0] if fits else None
    new = set(c.actors)
    for ev in reversed(events):
        efam = FAMILY[ev.kind]
        old = set(ev.actors)
        if c.sentence in ev.evidence:
            continue  # two triggers of one sentence are two events ("đã họp ... và sẽ tiếp tục họp")
        if not old:
            # an event known only by venue and date, now with a participant ("X sẽ tham dự vòng hòa đàm")
            if efam == fam and c.sentence - max(ev.evidence) <= 4 and kinds_compatible(ev.kind, c.kind) and \
                    lemma_core(c.lemma) in {lemma_core(x) for x in lemmas[id(ev)]} and \
                    (c.place is None or c.place == ev.place) and dates_compatible(ev.date, c.date) and \
                    factuality.compatible(facts[id(ev)], c.fact):
                return ev
            continue
        if not factuality.compatible(facts[id(ev)], c.fact):
            continue
        if not dates_compatible(ev.date, c.date) or (c.background and (ev.date is None or c.date is None)):
            continue
        if ev.place and c.place and ev.place != c.place and doc.kind_of(ev.place) == doc.kind_of(c.place):
            continue
        if efam == fam and efam in ("m", "p"):
            if not kinds_compatible(ev.kind, c.kind):
                continue
            if new <= old or old <= new or len(new & old) >= 2:
                return ev
        elif {efam, fam} == {"m", "v"}:
            visit, meet = (c, ev) if fam == "v" else (ev, c)
            vis_actors = set(visit.actors) - ({visit.destination} if isinstance(visit, Cand) else set())
            meet_actors = set(meet.actors)
            dest = visit.destination if isinstance(visit, Cand) else visit.place
            mplace = meet.place
            if vis_actors & meet_actors and dest and mplace and (dest == mplace or dest in meet_actors):
                return ev
        elif efam == fam == "v":
            if new & old and (c.destination is None or ev.place in (None, c.destination) or
                              c.destination in old):
                return ev
    return None


def _other_journey(doc: Doc, c: Cand, ev: Event) -> bool:
    """A visit reference naming its own destination or visitor that differ from the event's: not that event."""
    if c.kind != "visit" or ev.kind != "visit":
        return False
    if c.destination and ev.place and ev.place != c.destination and \
            doc.kind_of(ev.place) == doc.kind_of(c.destination):
        return True
    visitors = {a for a in c.actors if a != c.destination}
    return bool(visitors) and bool(ev.actors) and not (visitors & set(ev.actors))


def _actors_clash(doc: Doc, c: Cand, ev: Event) -> bool:
    """A reference naming two or more persons (or countries) none of whom the event has, while the event has
    persons (countries) of its own: another event."""
    for kind in ("person", "country"):
        mine = {a for a in c.actors if doc.kind_of(a) == kind and a not in c.attendees}
        theirs = {a for a in ev.actors if doc.kind_of(a) == kind}
        if len(mine) >= 2 and theirs and not mine & theirs:
            return True
    return False
