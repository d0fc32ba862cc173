"""Extraction component: meetings and other diplomatic events (kg:Meeting and subclasses).

For each body sentence, trigger words are found (`TRIGGER_RE`) and each is read
in its clause:

* kind: hội đàm -> talks; đàm phán / hòa đàm / vòng đàm phán -> negotiation;
  cuộc gặp / cuộc họp / gặp mặt / gặp gỡ / hội kiến / X tiếp Y -> meeting;
  điện đàm / cuộc điện thoại / cuộc gọi -> phone_call; thăm / chuyến thăm /
  công du / X đến|tới|sang <place> -> visit; hội nghị thượng đỉnh, "cuộc gặp
  N bên giữa lãnh đạo ..." -> summit ("cuộc họp 3 bên" of ministers stays a
  meeting).  Travel with a purpose ("phái đoàn X sẽ đến Y để nối lại các cuộc
  đàm phán", "X có thể đến Y để tiến hành một cuộc gặp") is ONE event of the
  purpose's kind, placed at the destination.
* actors: the subject of the trigger verb (or of the verb governing the
  trigger noun: "tiến hành / tổ chức / bắt đầu cuộc ..."), the complement
  ("giữa A và B", "với B", "của A", "gồm A, B", "do A đứng đầu", "có sự tham
  dự của A"), a fronted phrase's main subject ("Trong cuộc điện đàm ..., hai
  ngoại trưởng ..."), the speaker when the event is the content of his own
  statement ("Nga cho biết sẽ tổ chức cuộc họp ..."), and plural anaphors
  ("hai bên", "hai nhà lãnh đạo": the actors component's mentions, else the
  last two persons/countries named).  Mentions after "tại/ở" are places; in
  a topic or purpose phrase ("về tình hình ...", "để thảo luận ...") they are
  neither.
* place: the first "tại/ở <place>" of the clause (outside topic phrases), else
  the travel destination.  Alternatives ("tại A hoặc ở B") never set a place:
  the rule is to keep the broader place already known rather than guess one.
* date: the date expression of the clause nearest the trigger, from
  `doc.dates` (never one in the reporting frame: "Ngày 25/2, ông X thông báo
  phái đoàn sẽ đến ngày 26/2" dates the event 26/2); an occurred event with
  no date of its own, reported in the article's opening sentences and not as
  background, takes the date of the article's lead sentence; an event told
  as done in a reported clause takes the day that opens the frame ("Ngày
  12/3, Bộ Ngoại giao cho biết X đã điện đàm với Y").
* status: `factuality.status_of` over the clause and its reporting frame.
* receptions ("X tiếp/đón Y", "buổi tiếp Y", "lễ đón người đồng cấp Y"): host
  and guest both take part; a guest "đang ở thăm Z" places it at Z
  (`meetings_reception`).
* one trigger naming several occasions ("các vòng đàm phán tháng 1 và tháng
  3", "vòng thứ tư và thứ năm") gives one event each (`meetings_rounds`).
* promises to take part ("A, B và C đã xác nhận / cam kết tham gia vòng đàm
  phán tới"): the promisers take part, the event is planned; a delegation
  joining the negotiation process ("phái đoàn từ X ... đã tham gia tiến trình
  đàm phán") is a negotiation of its sender; the next round at a venue ("cuộc
  đàm phán tiếp theo ở X") needs no date.
* what is handed over at a meeting ("X đã tiết lộ ... cho/với Y và Z trong
  cuộc gặp"): the giver and the recipients; joint work with a named
  counterpart without a meeting word ("X đã cùng người đồng cấp Y thảo luận /
  rà soát ...") is read by `meetings_joint`.
* what the parties agreed ("Tại cuộc điện đàm ..., hai bên nhất trí sẽ ...")
  is neither the event's status, place nor date; a conference named as the
  occasion ("bên lề Hội nghị thượng đỉnh X") is neither an event of its own
  nor a party of the meeting held there.

Modules: `meetings_lexicon` (triggers, kinds, shared cue patterns), `meetings_joint` (joint work),
`meetings_clause` (clause, complement and topic boundaries), `meetings_actors`,
`meetings_place`, `meetings_dates`, `meetings_reception`, `meetings_rounds`,
`meetings_merge` (candidates -> events, back-references); this module reads
each trigger in its sentence.

An event mentioned again ("Cuộc gặp có thể diễn ra tại ...", "Tại cuộc gặp
mặt giữa hai ngoại trưởng", "sau cuộc gặp", a visit that an earlier sentence
announced and a later one says is unconfirmed) is merged into the earlier
Event: its sentence is added as evidence and a later doubt or denial updates
the status.  Events need actors: a bare "đàm phán hòa bình" (a process) is not
an event; one with no actors needs both a place and a date; one delegation
travelling to attend talks is enough.
"""

from __future__ import annotations

import dataclasses
import re

from syriakg.loaders.extract import attribution, discourse, factuality
from syriakg.loaders.extract import meetings_reception as reception
from syriakg.loaders.extract import meetings_rounds as rounds
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.meetings_actors import (
    TITLE_ONLY_RE,
    actor_keys,
    adder,
    clause_subject,
    complement_actors,
    gap_ok,
    groups_in,
    main_subject,
    subject_chain,
)
from syriakg.loaders.extract.meetings_clause import (
    NEXT_VP_RE,
    OCCURRENCE_PRED_RE,
    SECOND_VP_RE,
    STATUS_PREDICATE_RE,
    clause_span,
    np_end,
    topic_end,
    topic_start,
    verb_group_start,
)
from syriakg.loaders.extract.meetings_dates import (
    article_lead_date,
    date_relation,
    dates_of,
    event_date,
    frame_date,
    planned_month,
)
from syriakg.loaders.extract.meetings_joint import joint_candidates
from syriakg.loaders.extract.meetings_lexicon import (
    ABOUT_POSSIBILITY_RE,
    ATTENDEES_RE,
    BACKGROUND_START_RE,
    BACKREF_AFTER_RE,
    DELEGATION_BEFORE_RE,
    DETERMINER_BEFORE_RE,
    FRONT_PREFIX_RE,
    GENERIC_BEFORE_RE,
    LEADERS_RE,
    N_PARTIES_RE,
    NEW_EVENT_AFTER_RE,
    PARTICIPATE_RE,
    PP_BEFORE_RE,
    PP_PREDICATES,
    STRONG_PAST_RE,
    TRIGGER_RE,
    TRIGGER_RE_LC,
    WITH_ONLY_RE,
    is_live,
    lemma_core,
    not_event_after,
    trigger_kind,
)
from syriakg.loaders.extract.meetings_merge import Cand, place_event
from syriakg.loaders.extract.meetings_place import venue
from syriakg.loaders.model import DateValue, Event, Span


def component(doc: Doc) -> None:
    """Add meetings, talks, negotiations, phone calls, visits and summits to `doc.ex.events`."""
    events: list[Event] = []
    facts: dict[int, factuality.Factuality] = {}
    lemmas: dict[int, set[str]] = {}
    lead_date = article_lead_date(doc)
    for i, s in enumerate(doc.ex.sentences):
        if s.kind != "body":
            continue
        for c in _candidates(doc, i, events, lemmas) + joint_candidates(doc, i, events):
            place_event(doc, c, events, facts, lemmas, lead_date)
    doc.ex.events.extend(events)


def _candidates(doc: Doc, i: int, recent: list[Event], lemmas: dict[int, set[str]] | None = None) -> list[Cand]:
    lemmas = lemmas if lemmas is not None else {}
    s = doc.ex.sentences[i]
    text = s.text
    n = len(text)
    atts = attribution.attributions(doc, i)
    out: list[Cand] = []
    absorbed_until = -1
    low = text.lower()
    if len(low) == len(text):
        matches = [m for m in TRIGGER_RE_LC.finditer(low) if not (m.start() and low[m.start() - 1].isalnum())]
    else:
        matches = list(TRIGGER_RE.finditer(text))
    if not matches:
        return []
    for idx, m in enumerate(matches):
        kind = trigger_kind(m)
        b, e = m.start(), m.end()
        if b < absorbed_until:
            continue
        word = re.sub(r"\s+", " ", m.group(0).lower())
        after = text[e:]
        before = discourse.tail(text[:b], 120)
        if not_event_after(kind, word, after):
            continue
        if word == "họp" and re.match(r"^\s*báo", after, re.IGNORECASE):
            continue
        det = DETERMINER_BEFORE_RE.search(text, max(0, b - 120), b)
        noun = bool(det) or word.startswith(("cuộc", "chuyến", "hội nghị", "thượng đỉnh")) or \
            bool(re.search(r"(?<!\w)(?:tại|trong|sau|trước\s+thềm|bên\s+lề|cho|của)\s+$", before, re.IGNORECASE))
        np_head = b  # where the event noun phrase starts, its governing verb included ("Kết thúc | hội đàm")
        if not noun and kind in ("negotiation", "talks", "meeting", "summit", "phone_call"):
            gov0 = PARTICIPATE_RE.search(text, max(0, b - 60), b)
            noun = gov0 is not None and gov0.end() == b and _HOLD_VERB_RE.match(gov0.group(0)) is not None and \
                re.match(r"\s*(?:với|giữa|cùng|tại|ở|về|hòa\s+bình|hoà\s+bình|cấp|song\s+phương|đa\s+phương|"
                         r"\S+\s+bên|trực\s+tiếp|[,.;]|$)", after, re.IGNORECASE) is not None
            # "tổ chức đàm phán với X": a bare event noun held by its subject ("kết thúc hội đàm" stays a verb)
            if noun and gov0 is not None:
                np_head = gov0.start()
        head = det.start() if det else b
        if (kind == "summit" or word.startswith("hội nghị")) and _SIDELINES_BEFORE_RE.search(text, max(0, head - 20), head):
            continue  # "bên lề Hội nghị thượng đỉnh G20": the occasion of another event, told as its frame
        joined = _JOIN_PROCESS_RE.search(text, max(0, b - 60), b) if kind in ("negotiation", "talks") else None
        if joined is not None:
            noun = True  # "X đã tham gia tiến trình đàm phán": X joins the talks (a generic process otherwise)
        if GENERIC_BEFORE_RE.search(text, max(0, head - 120), head) and joined is None and \
                kind in ("negotiation", "talks", "meeting", "summit") and not _specific_occasion(text, head, b, e):
            continue
        travel = kind == "visit" and word in ("đến", "tới", "sang")
        if travel:
            if re.match(r"^\s*(?:thăm|dự|tham\s+dự)\b", after, re.IGNORECASE):
                continue  # "tới thăm X": the "thăm" trigger reads it
            if _SEND_BEFORE_RE.search(text, max(0, b - 80), b):
                continue  # "triển khai 500 lính tới X", "chuyển lời của X đến Y": something sent, not a journey
            # cheap test first (travel verbs are frequent): a name just after, a person/delegation just before
            gs_all = discourse.groups(doc, i)
            if not any(0 <= g.begin - s.begin - e <= 40 for g in gs_all) or \
                    not any(0 <= b - (g.end - s.begin) <= 60 for g in gs_all):
                continue
        guest = None
        shared_dest: str | None = None
        owner_lead = ""
        if word in reception.RECEPTION_WORDS:
            if reception.WELCOME_BEFORE_RE.search(before):
                continue  # "chào đón ông X vì ...": welcomed, not received
            guest = reception.guest(doc, i, e)
            if guest is None:
                continue
        cstart, cend, frame = clause_span(doc, i, b, e)
        agree = next((m_ for m_ in _AGREE_AFTER_RE.finditer(text, e, cend)
                      if not _NOUN_DET_BEFORE_RE.search(text, max(0, m_.start() - 12), m_.start())), None)
        if agree is not None:
            cend = agree.start()  # "Tại cuộc điện đàm ..., hai bên nhất trí sẽ ...": what they agreed is no part of it
        tm = topic_start(text, e, cend)
        tstart = tm.start() if tm else cend
        cand = Cand(kind, i, Span(s.begin + b, s.begin + e), word, noun=noun)  # type: ignore[arg-type]
        if kind == "meeting" and noun and N_PARTIES_RE.match(after) and \
                LEADERS_RE.search(text[e: min(tstart, e + 60)]):
            cand.kind = "summit"
        zone_b, zone_end = e, np_end(text, e, cend, tstart)
        purpose_comp: list[str] = []
        purposed = False
        # --- travel and visits: destination, purpose ------------------------------------------------
        if kind == "visit":
            dest = groups_in(doc, i, e, min(n, e + 40))
            g0 = dest[0] if dest else None
            lead = text[e: g0.begin - s.begin] if g0 else ""
            if g0 is None or not re.fullmatch(
                    r"\s*(?:(?:thủ\s+đô|thành\s+phố|thị\s+trấn|tỉnh|nước|khu\s+vực|của|chính\s+thức|"
                    r"cấp\s+nhà\s+nước|tới|đến|sang|làm\s+việc\s+tại|làm\s+việc\s+ở|đầu\s+tiên|lịch\s+sử|"
                    r"bất\s+ngờ|lần\s+này)\s*)*", lead, re.IGNORECASE):
                if travel:
                    continue
            else:
                lit = [x for x in g0.literal_keys if doc.kind_of(x) in ("place", "country")]
                dk = doc.kind_of(g0.keys[0])
                if lit and not g0.plural:
                    cand.destination = lit[0]
                elif dk in ("person", "organization") and word == "thăm":
                    cand.actors.extend(actor_keys(doc, g0))
                elif travel:
                    continue
            if cand.destination is None and noun and not travel and _VISIT_OWNER_RE.match(after):
                cand.destination = _destination_after_owner(doc, i, e)  # "chuyến thăm của X tới Y"
                if cand.destination is not None:
                    dm = re.match(r"[^,;.]*?(?<!\w)(?:tới|đến|sang)(?!\w)", after, re.IGNORECASE)
                    owner_lead = dm.group(0) if dm else ""
            if travel and cand.destination is None:
                continue
            for m2 in matches[idx + 1:]:
                if m2.start() - e > 90:
                    break
                between = text[e: m2.start()]
                if re.search(r"[;.]", between):
                    break
                k2 = trigger_kind(m2)
                if k2 == "visit" or not re.search(r"(?<!\w)(?:để|nhằm)(?!\w)", between, re.IGNORECASE):
                    continue
                if not_event_after(k2, m2.group(0), text[m2.end():]):
                    continue
                if " ".join(m2.group(0).lower().split()) in reception.RECEPTION_WORDS and \
                        reception.guest(doc, i, m2.end()) is None:
                    continue  # "đến Mosul để trực tiếp tuyên bố": no reception
                cand.kind = k2  # type: ignore[assignment]
                if k2 == "meeting" and N_PARTIES_RE.match(text[m2.end():]) and \
                        LEADERS_RE.search(text[m2.end(): m2.end() + 60]):
                    cand.kind = "summit"
                cand.lemma = re.sub(r"\s+", " ", m2.group(0).lower())
                cand.trigger = Span(s.begin + b, s.begin + m2.end())
                _, cend, _ = clause_span(doc, i, m2.start(), m2.end())
                tm = topic_start(text, m2.end(), cend)
                tstart = tm.start() if tm else cend
                zone_b, zone_end = m2.end(), np_end(text, m2.end(), cend, tstart)
                purpose_comp = complement_actors(doc, i, zone_b, zone_end, recent, k2 == "negotiation")
                absorbed_until = m2.end()
                purposed = True
                cand.travel_purpose = True
                break
        # --- actors --------------------------------------------------------------------------------
        fronted = noun and bool(FRONT_PREFIX_RE.match(text[cstart:head]))
        about_possibility = bool(ABOUT_POSSIBILITY_RE.match(text[cstart:]))
        comp = purpose_comp if purposed else ([] if kind == "visit" and cand.destination and not noun else
                                              complement_actors(doc, i, zone_b, zone_end, recent,
                                                                 kind == "negotiation"))
        if kind == "visit" and cand.destination:
            comp = [k for k in comp if k != cand.destination]
        has_with = bool(re.search(r"(?<!\w)với(?!\w)", text[zone_b:zone_end], re.IGNORECASE))
        subj: list[str] = []
        pm = PARTICIPATE_RE.search(text, max(cstart, head - 120), head) if noun else None
        if pm is None and joined is not None and joined.start() >= cstart:
            pm = joined
        vhead = head
        committed = False
        if pm is not None:
            vhead = pm.start()
            subj = subject_chain(doc, i, vhead, cstart, recent, COMMIT_WORDS)  # "A, B và C đã xác nhận tham gia"
            if not subj and re.search(r",\s*người\s+(?:(?:đã|sẽ|vừa|từng)\s+)?$", text[cstart:vhead], re.IGNORECASE):
                subj = subject_chain(doc, i, vhead, cstart, recent, _APPOSITIVE_WORDS)  # "X, người có cuộc gặp với Y"
            cm = _COMMIT_BEFORE_RE.search(text, max(0, vhead - 40), vhead) if _TAKE_PART_RE.match(text, vhead) \
                else None
            committed = cm is not None
            if cm is not None and not subj and gap_ok(text[cstart:vhead]):
                # "xác nhận" read as a reporting verb: the parties are the subject before it
                subj = subject_chain(doc, i, vhead, text.rfind(";", 0, cm.start()) + 1, recent, COMMIT_WORDS)
            if pm is joined:
                sent = _delegations_before(doc, i, cstart, vhead)
                if sent:
                    subj, cand.delegation_join = sent, True
                elif not subj:
                    continue  # "các nhóm đang có đại diện tham gia tiến trình đàm phán": the process, no event
        elif not noun:
            subj = subject_chain(doc, i, head, cstart, recent)
            if not subj and kind == "visit":
                moved = subject_chain(doc, i, head, cstart, recent, TRAVEL_WORDS)
                if moved and all(doc.kind_of(k) == "person" for k in moved):
                    subj = moved  # "Ngoại trưởng A và Bộ trưởng B đã đến thăm X" (persons: not "quan chức của Y")
        elif not fronted:
            pp = re.search(r"(?<!\w)(?:trong|qua|tại|sau)\s+(?:(?:một|các|những|cuộc|chuyến)\s+)*$", text[cstart:head],
                           re.IGNORECASE)
            if pp is not None:
                vhead = cstart + pp.start()
                chain = subject_chain(doc, i, vhead, cstart, recent, PP_PREDICATES)
                subj = _giver_and_recipients(doc, i, cstart, vhead, chain, atts)
                given = subj != chain
                if has_with and comp and re.match(r"\s*với(?!\w)", text[zone_b:zone_end], re.IGNORECASE):
                    # "X nhắc lại sự ủng hộ với Y trong cuộc điện đàm với Z": the partner is Z, the caller X
                    subj = clause_subject(doc, i, cstart, vhead) or _frame_speaker(doc, i, atts, cstart) or subj
                dv = None if subj else _last_discussion_verb(text, cstart, vhead)
                if dv is not None:
                    # "A và B đã thảo luận về Syria / tình hình ở X tại cuộc họp": the topic is no subject
                    subj = subject_chain(doc, i, dv, cstart, recent, PP_PREDICATES)
                if subj and not given and not re.search(r"(?<!\w)với(?!\w)", text[cstart:vhead], re.IGNORECASE) and \
                        not (set(subj) & set(clause_subject(doc, i, cstart, vhead))):
                    subj = []  # "... cáo buộc Nga can thiệp bầu cử Mỹ trong cuộc gặp": Mỹ is no subject
        if not noun and not subj and out and out[-1].sentence == i and not out[-1].noun:
            prev_b = out[-1].trigger.begin - s.begin
            gap = text[out[-1].trigger.end - s.begin: verb_group_start(text, b, cstart)]
            if re.search(r"(?:,|(?<!\w)và|(?<!\w)rồi)\s*$", gap) and not re.search(r"[;.:]", gap):
                # "X thăm Y và hội đàm với Z": the second verb's subject is the first one's
                subj = subject_chain(doc, i, prev_b, cstart, recent)
                if subj and out[-1].kind == "visit" and out[-1].destination:
                    shared_dest = out[-1].destination  # ... and the talks are held where he went
        if kind == "visit" and not subj and not cand.actors:
            vg = reception.visitor_before(doc, i, b, e)  # "Y đang ở thăm Z", "Y, người đang có chuyến thăm Z"
            if vg is not None:
                subj = actor_keys(doc, vg)
        if travel:
            # the traveller must be a person or a delegation
            gs = [g for g in discourse.groups(doc, i) if cstart <= g.begin - s.begin and g.end - s.begin <= head]
            g = gs[-1] if gs else None
            if not subj or g is None or not (doc.kind_of(g.keys[0]) == "person" or
                                             DELEGATION_BEFORE_RE.search(text[: g.begin - s.begin])):
                continue
        speaker: list[str] = []
        with_one = noun and has_with and (len(comp) == 1 or (  # one party: a person, or one with his organisation
            len(comp) == 2 and doc.kind_of(comp[0]) == "organization" and doc.kind_of(comp[1]) == "person"))
        if not subj and (pm is not None or not noun or purposed or with_one):
            for a in atts:
                if a.form in ("pre", "theo") and a.speakers and not a.negated and \
                        a.content.begin - s.begin <= vhead and (with_one or gap_ok(
                            text[a.content.begin - s.begin: vhead])):
                    speaker = list(a.speakers)
        main: list[str] = []
        if not subj and (fronted or about_possibility or (not noun and not speaker)) and \
                not (fronted and _FRAME_EVENT_RE.search(text, cstart, head)):
            main = main_subject(doc, i, zone_end if noun else head, recent)
        actors: list[str] = []
        add = adder(actors)
        add(cand.actors)
        if subj:
            add(subj)
            add(comp)
        elif comp:
            other = main or speaker
            if has_with and not other and WITH_ONLY_RE.match(text, zone_b, zone_end):
                comp = []  # "các cuộc họp với A và B": A and B met someone the text does not name here
            add(comp)
            if has_with:
                add(other)
        else:
            add(main or speaker)
        if kind == "visit" and cand.destination and doc.kind_of(cand.destination) == "country" and \
                (cand.kind == "visit" or not purpose_comp):
            add([cand.destination])
        if guest is not None:
            add(actor_keys(doc, guest))  # the guest of a reception takes part, whatever the complement rules say
            if not subj and fronted:
                add(main)  # "Tại buổi tiếp Y, X khẳng định ...": X is the host
        att_m = ATTENDEES_RE.search(text, cstart, cend)
        attendees = complement_actors(doc, i, att_m.end(), cend, recent) if att_m else []
        add(attendees)
        inherited = False
        if not actors and not noun and out and NEXT_VP_RE.search(text[:b], out[-1].trigger.end - s.begin) and \
                re.search(r"(?<!\w)(?:và|rồi)(?!\w)", text[out[-1].trigger.end - s.begin: b], re.IGNORECASE):
            actors = list(out[-1].actors)  # "A đã họp ... và có thể sẽ tiếp tục nhóm họp": the same subject
            inherited = True
        cand.actors = actors
        cand.attendees = attendees
        cand.two_sided = noun and _TWO_SIDED_RE.match(text, zone_b, zone_end) is not None
        # --- back-reference ----------------------------------------------------------------------------
        own = [k for k in cand.actors if k not in attendees]
        upcoming = noun and kind != "visit" and (_UPCOMING_AFTER_RE.match(after) is not None or (
            _NEXT_AFTER_RE.match(after) is not None and not factuality.DONE_RE.search(text, e, cend)))
        named = kind == "summit" and re.match(r"\s+(?:[A-ZĐ]|\d)", after) is not None  # "Hội nghị thượng đỉnh G20"
        new_marker = upcoming or named or bool(NEW_EVENT_AFTER_RE.match(after)) or bool(
            re.search(r"(?<!\w)một\s+(?:(?:cuộc|vòng|chuyến)\s+)?$", text[:b], re.IGNORECASE))
        if noun and BACKREF_AFTER_RE.match(after):
            # "cuộc họp này": only the attendees, and those who take part in it ("X sẽ tham dự vòng hòa đàm này")
            cand.actors = list(attendees) + ([k for k in subj if k not in attendees] if pm is not None else [])
            cand.backref = cand.strict_backref = True
        elif noun and not comp and not subj and not new_marker and \
                not re.match(r"\s*(?:các|những)\s", text[head:b], re.IGNORECASE):
            if not own or factuality.PRESUPPOSE_RE.search(text[cstart:b]) or fronted or \
                    not re.search(r"\w", text[cstart:min(head, np_head)]):
                cand.backref = True  # "Sau cuộc gặp, X nói", "Cuộc họp kéo dài 2 giờ": the meeting just reported
        elif noun and not new_marker and not subj and not re.search(r"(?<!\w)(?:giữa|với)(?!\w)",
                                                                    text[zone_b:zone_end], re.IGNORECASE):
            core = lemma_core(word)
            if any(i - max(ev.evidence) <= 3 and core in {lemma_core(x) for x in lemmas.get(id(ev), ())}
                   for ev in recent):
                cand.backref = True  # "tham gia cuộc họp còn có X": the meeting just reported, with more actors
        if noun and not cand.backref and not new_marker and not re.search(r"\w", text[cstart:min(head, np_head)]) and \
                not re.search(r"(?<!\w)một(?!\w)", text[head:b], re.IGNORECASE):
            core = lemma_core(word)
            if any(0 < i - max(ev.evidence) <= 2 and core in {lemma_core(x) for x in lemmas.get(id(ev), ())}
                   for ev in recent):
                cand.backref = True  # "Cuộc điện đàm được tiến hành giữa ...": the call just reported
        # --- place -----------------------------------------------------------------------------------
        subject_np = noun and not fronted and pm is None and \
            PP_BEFORE_RE.search(text, max(cstart, head - 120), head) is None
        tend = topic_end(text, tstart, cend, subject_np) if tm is not None else cend
        te = cand.trigger.end - s.begin
        nxt = next((m2.start() for m2 in matches if te < m2.start() < cend and is_live(m2, text)), cend)
        cm = NEXT_VP_RE.search(text[:nxt], te) if nxt < cend else None
        nxt_cut = max(te, cm.start() if cm else nxt)
        lo = max(cstart, out[-1].trigger.end - s.begin) if out else cstart  # each trigger owns what follows it
        cand.place, cand.place_alternatives, place_pos = venue(doc, i, lo, e, tstart, tend, min(cend, nxt_cut))
        cand.place_after = place_pos >= e
        if cand.destination and not cand.place_alternatives and (purposed or cand.place is None):
            cand.place = cand.destination
            cand.place_after = True
        if cand.place is None and kind in ("negotiation", "talks") and not cand.place_alternatives:
            nxt_g = groups_in(doc, i, e, min(n, e + 30))
            if nxt_g and not text[e: nxt_g[0].begin - s.begin].strip():
                lit = [x for x in nxt_g[0].literal_keys if doc.kind_of(x) == "place"]
                if lit:  # "vòng hòa đàm Astana", "đàm phán Geneva": the venue names the talks
                    cand.place, cand.place_after = lit[0], True
        if shared_dest is None and out and out[-1].sentence == i and out[-1].kind == "visit" and out[-1].noun and \
                out[-1].destination and _VISIT_FRAME_RE.match(text[:out[-1].trigger.begin - s.begin]) and \
                "," in text[out[-1].trigger.end - s.begin: b]:
            shared_dest = out[-1].destination  # "Trong chuyến thăm Amman, X đã gặp Y": at Amman
        if shared_dest is not None and cand.place is None and not cand.place_alternatives:
            cand.place = shared_dest
        if guest is not None and cand.place is None:
            cand.place = reception.visit_destination(doc, i, guest)  # "X tiếp Y đang ở thăm Z": at Z
            cand.place_after = cand.place is not None
        if inherited and not cand.place_after:
            cand.place = None
        # --- date --------------------------------------------------------------------------------------
        pp_noun = noun and pm is None and not fronted and \
            PP_BEFORE_RE.search(text, max(cstart, head - 120), head) is not None
        date_end = min(cend, nxt_cut)
        if fronted and not comp and zone_end < date_end and text[zone_end: zone_end + 1] == ",":
            date_end = zone_end  # "Sau cuộc gặp, A và B đã ký kế hoạch năm 2017": the main clause's dates are its own
        cand.date = event_date(doc, i, cstart, b, te, date_end, tstart, tend, pp_noun)
        # --- topic -------------------------------------------------------------------------------------
        if tm is not None and tm.group(0).lower() in ("về", "để", "nhằm", "bàn về", "xoay quanh"):
            topic = text[tm.end(): tend if tend > tm.end() else cend]
            topic = re.split(r"[,;:]", topic, maxsplit=1)[0].strip(" .")
            topic = re.sub(r"^(?:thảo\s+luận|bàn(?:\s+bạc)?|trao\s+đổi|tìm\s+cách)\s+(?:về\s+)?", "", topic,
                           flags=re.IGNORECASE)
            if topic and len(topic) <= 200:
                cand.topic = topic
        # --- status ------------------------------------------------------------------------------------
        pp_m = PP_BEFORE_RE.search(text, max(cstart, head - 120), head) if noun and pm is None and not fronted \
            else None
        if about_possibility:
            scope = text
        elif cand.backref:
            # a reference's own status words: right before it, or an occurrence predicate right after it
            right = text[e: max(e, min(cend, nxt_cut, e + 45, tstart))]
            scope = text[max(cstart, head - 25): e] + (" " + right if OCCURRENCE_PRED_RE.match(right) else "")
        elif noun and pm is None and not fronted:
            # the trigger noun is a subject ("Cuộc họp ... đã kết thúc") or sits in a phrase ("trước thềm X")
            pred = tend if zone_end >= tstart else zone_end
            end_ = min(cend, nxt_cut) if STATUS_PREDICATE_RE.match(text, pred) and (
                OCCURRENCE_PRED_RE.match(text, pred) or not re.search(
                    r"(?<!\w)(?:có\s+thể|khả\s+năng|sẽ)(?!\w)", text[pred:min(cend, nxt_cut)])) else zone_end
            # "Cuộc gặp có thể diễn ra ..." is about the meeting; "Cuộc gặp có thể định hình thế giới", not
            start_ = cstart
            for ce_m in CLAUSE_BREAK_RE.finditer(text, cstart, head):
                start_ = ce_m.end()  # "X hy vọng Mỹ có thể ..., tuy nhiên cuộc gặp lại diễn ra ...": another clause
            if pp_m is not None:
                comma = text.rfind(",", cstart, pp_m.start())
                start_ = max(start_, comma + 1)
            scope = text[start_:min(tstart, max(end_, te))] + " " + (text[tend:end_] if tend < end_ else "")
        elif not noun:
            # a verb: its own auxiliaries ("có thể sẽ đến", "dự kiến hội đàm") and what follows it, not
            # modals of another verb earlier in the clause ("chỉ có thể đóng vai trò chủ nhà khi gặp X")
            vend = min(max(tstart, te), nxt_cut)
            second = SECOND_VP_RE.search(text, te, vend)
            if second is not None:
                vend = second.start()  # "X gặp Y tại Z và tham gia cuộc trò chuyện ... sẽ": another verb's modals
            vstart = verb_group_start(text, b, cstart)
            gov = PARTICIPATE_RE.search(text, max(cstart, b - 60), b)
            if gov is not None and gov.end() == b:
                vstart = min(vstart, gov.start())  # "kêu gọi | tổ chức đàm phán": the governing verb's own cues
            scope = text[vstart:vend]
        else:
            scope = text[cstart:min(max(tstart, te), nxt_cut)]
        rel = date_relation(doc, cand.date)
        scope = _without_travel_word(scope, owner_lead)
        cand.fact = factuality.status_of(scope, before_trigger=text[cstart:b] if noun else "",
                                         after_trigger=_without_travel_word(text[e: e + 40], owner_lead),
                                         frame=frame, date_relation=rel)
        if (committed or upcoming) and cand.fact.status == "occurred" and (rel is None or rel > 0):
            # "X đã xác nhận tham gia vòng đàm phán", "cuộc họp tới": taking part is promised, the event ahead
            cand.fact = factuality.Factuality("planned", "tới" if upcoming else "xác nhận tham gia", True)
        cand.upcoming = upcoming and cand.fact.status == "planned"
        if not noun and out and out[-1].sentence == i and cand.fact.cue in ("", "date") and \
                out[-1].fact.cue not in ("", "date") and not out[-1].backref and \
                re.search(r"(?:,|(?<!\w)và)\s*$", text[out[-1].trigger.end - s.begin: verb_group_start(text, b, cstart)]) \
                and not re.search(r"[;.]", text[out[-1].trigger.end - s.begin: b]):
            cand.fact = out[-1].fact  # "X sẽ hội đàm với Y, hội kiến Z, ...": one auxiliary for a list of verbs
        if cand.fact.cue.lower() == "trước khi" and re.match(r"\s*trước\s+khi(?!\w)", text[cstart:b], re.IGNORECASE):
            comma = text.find(",", e)
            main_f = factuality.status_of(text[comma + 1:]) if comma > 0 else None
            if main_f is not None and main_f.explicit and main_f.status == "occurred":
                cand.fact = main_f  # "Trước khi X tới Y, báo chí đã ...": the main clause tells it as past
        cand.background = bool(BACKGROUND_START_RE.match(text[cstart:])) or bool(STRONG_PAST_RE.search(scope))
        if cand.fact.status in ("planned", "proposed", "possible"):
            cand.date = planned_month(doc, cand.date)
        elif cand.date is None and frame and cand.fact.explicit and not cand.backref and not cand.background:
            cand.date = frame_date(doc, s, cstart)  # "Ngày 12/3, Bộ Ngoại giao cho biết X đã điện đàm với Y"
        elif cand.date is None and frame and noun and cand.fact.status == "occurred" and not cand.backref and \
                re.match(r"\s*(?:tại|trong)\s+(?:(?:một|các|cuộc|buổi|phiên)\s+)+$", text[cstart:b], re.IGNORECASE):
            # "X hôm 10/5 cho biết tại/trong cuộc gặp với Y ...": he spoke at the meeting, on the frame's day
            ds = [d for d in dates_of(doc, s) if d.span is not None and d.span.end - s.begin <= cstart and
                  d.precision in ("date", "gMonthDay")]
            cand.date = ds[-1] if ds else None
        out.append(cand)
        # --- several occasions named at once: one event each -------------------------------------
        occasions: list[tuple[Span, DateValue | None]] = []
        ords = rounds.ordinal_rounds(text, te) if noun and kind in ("negotiation", "talks", "meeting") else []
        if ords:
            if cand.date is not None and re.match(r"(?:vào\s+)?(?:thứ|hôm\s+thứ)", cand.date.text, re.IGNORECASE) \
                    and cand.date.span is not None and cand.date.span.begin - s.begin >= te:
                cand.date = None  # "vòng đàm phán thứ tư và thứ năm": ordinals, not weekdays
            occasions = [(Span(s.begin + sp.begin, s.begin + sp.end), cand.date) for sp in ords]
        elif cand.date is not None and not cand.backref:
            occasions = [(d.span, d) for d in rounds.coordinated_dates(text, s.begin, cand.date, dates_of(doc, s),
                                                                       cstart, min(cend, nxt_cut))
                         if d.span is not None]
        for span, d in occasions:
            twin = dataclasses.replace(cand, trigger=span, date=d, actors=list(cand.actors))
            if d is not cand.date:
                twin.fact = factuality.status_of(scope, before_trigger=text[cstart:b] if noun else "",
                                                 after_trigger=text[e: e + 40], frame=frame,
                                                 date_relation=date_relation(doc, d))
            out.append(twin)
        if tm is not None and kind != "visit":
            absorbed_until = max(absorbed_until, cend)
        if noun and comp:
            absorbed_until = max(absorbed_until, zone_end)  # "cuộc gặp bên lề thượng đỉnh G20 giữa A và B"
    return out


# a visit framing the sentence: "Trong/Nhân/Trong khuôn khổ chuyến thăm X, ..."
# words of GENERIC_BEFORE_RE that may also govern one particular meeting ("hy vọng về cuộc gặp giữa A và B")
_OCCASION_GOVERNOR_RE = re.compile(
    r"(?<!\w)(?:ủng\s+hộ|thúc\s+đẩy|hy\s+vọng\s+về|kết\s+quả(?:\s+của)?|thành\s+quả(?:\s+của)?)\s+$", re.IGNORECASE)


def _specific_occasion(text: str, head: int, b: int, e: int) -> bool:
    """A counted event noun ("cuộc/vòng ...") with its parties after it ("giữa A và B"), governed by a word
    that otherwise marks a generic process: one particular meeting, not "support for negotiations"."""
    if not _OCCASION_GOVERNOR_RE.search(text, max(0, head - 40), head):
        return False
    if not re.search(r"(?<!\w)(?:cuộc|vòng|chuyến)(?!\w)", text[head:e], re.IGNORECASE):
        return False
    return re.match(r"\s*(?:\S+\s+){0,3}?giữa(?!\w)", text[e:]) is not None


# words between a subject and "tham gia/tham dự <event>" that commit it to take part ("đã xác nhận tham gia")
COMMIT_WORDS = frozenset("xác nhận cam kết nhận lời đồng ý quyết định tuyên bố".split())


# verbs of agreeing after the trigger: their content ("sẽ tăng cường ... tại X") is neither the event's status,
# place nor date
_AGREE_AFTER_RE = re.compile(
    r"(?<!\w)(?:nhất\s+trí|đồng\s+ý|thống\s+nhất|cam\s+kết|"
    r"tái\s+khẳng\s+định|khẳng\s+định|nhấn\s+mạnh|bày\s+tỏ|kêu\s+gọi)(?!\w)",
    re.IGNORECASE)


# "giữa A và B" right after the event noun (a few modifiers allowed)
_TWO_SIDED_RE = re.compile(r"\s*(?:[^\s,;.]+\s+){0,6}?giữa\s+[^,;.]{2,80}?(?<!\w)và\s+\S", re.IGNORECASE)


# a fronted event that only frames the main clause's own event ("Bên lề Hội nghị X, A và B đã hội đàm")
_FRAME_EVENT_RE = re.compile(r"(?<!\w)(?:bên\s+lề|ngoài\s+lề|trước\s+thềm|nhân\s+dịp)(?!\w)", re.IGNORECASE)


# "các cam kết", "sự nhất trí", "một thống nhất": a noun, not the parties agreeing
_NOUN_DET_BEFORE_RE = re.compile(r"(?<!\w)(?:các|những|một|sự|mọi|bản|lời)\s+$", re.IGNORECASE)


# a promise to take part: "đã xác nhận / cam kết / nhận lời (sẽ) tham gia"
_COMMIT_BEFORE_RE = re.compile(
    r"(?<!\w)(?:xác\s+nhận|cam\s+kết|nhận\s+lời|đồng\s+ý|quyết\s+định|tuyên\s+bố)\s+(?:sẽ\s+)?$", re.IGNORECASE)


_TAKE_PART_RE = re.compile(r"(?:tham\s+gia|tham\s+dự|dự)\s", re.IGNORECASE)


# a bare "tới" right after an event noun: the next one ("vòng đàm phán tới", "cuộc họp tới tại X")
_UPCOMING_AFTER_RE = re.compile(
    r"\s*tới(?=\s*(?:[,.;:)]|$|(?:tại|ở|vào|dự\s+kiến|sẽ|diễn\s+ra|được|giữa|với|về|của|nhằm|để)(?!\w)))",
    re.IGNORECASE)


_APPOSITIVE_WORDS = frozenset({"người"})


# "X đã tiết lộ / chuyển ... cho <titles> Y trong cuộc gặp": Y received it from X at the meeting
_RECIPIENT_RE = re.compile(r"(?<!\w)(?:cho|với)\s", re.IGNORECASE)


def _giver_and_recipients(doc: Doc, i: int, lo: int, hi: int, chain: list[str], atts: list) -> list[str]:
    """"X đã tiết lộ / chuyển ... cho <titles> Y (và <titles> Z) trong cuộc gặp": the clause's subject (the giver)
    and the persons after "cho" up to the phrase; otherwise the chain found before the phrase, unchanged."""
    s = doc.ex.sentences[i]
    text = s.text
    rm = None
    for m in _RECIPIENT_RE.finditer(text, lo, hi):
        rm = m
    if rm is None:
        return chain
    gs = groups_in(doc, i, rm.end(), hi)
    if not gs:
        return chain
    rest = text[rm.end():hi]
    for g in reversed(gs):
        rest = rest[: g.begin - s.begin - rm.end()] + " " + rest[g.end - s.begin - rm.end():]
    rest = re.sub(r"(?<!\w)(?:và|tại|cùng)(?!\w)|,", " ", rest, flags=re.IGNORECASE)
    if not TITLE_ONLY_RE.fullmatch(rest):
        return chain  # "cho nền kinh tế Hoa Kỳ": no recipient
    recipients = [k for g in gs for k in g.keys[:1] if doc.kind_of(k) == "person"]
    if not recipients:
        recipients = [k for g in gs if g.how == "title" for k in actor_keys(doc, g)][:1]
    # the giver: the clause's subject, or the speaker whose verb opens it ("X đã tiết lộ | thông tin ... cho Y"),
    # or the person right before the verb ("những chủ đề A bàn luận với B trong cuộc gặp")
    giver = [k for k in clause_subject(doc, i, lo, rm.start()) or _frame_speaker(doc, i, atts, lo) or
             _person_before_verb(doc, i, lo, rm.start()) if k not in recipients]
    return giver + list(dict.fromkeys(recipients)) if giver and recipients else chain


_SIDELINES_BEFORE_RE = re.compile(r"(?<!\w)(?:bên\s+lề|ngoài\s+lề|trước\s+thềm)\s+$", re.IGNORECASE)


def _person_before_verb(doc: Doc, i: int, lo: int, hi: int) -> list[str]:
    """The person named just before a verb of two words at most that ends at `hi` ("A bàn luận | với B")."""
    s = doc.ex.sentences[i]
    gs = groups_in(doc, i, lo, hi)
    if not gs or doc.kind_of(gs[-1].keys[0]) != "person":
        return []
    gap = s.text[gs[-1].end - s.begin: hi]
    return list(gs[-1].keys[:1]) if re.fullmatch(r"\s*(?:(?:đã|cũng|sẽ|vừa)\s+)?\w+(?:\s+\w+)?\s*", gap) else []


# joining a negotiation process: "đã (lần đầu) tham gia (vào) tiến trình đàm phán / hòa đàm"
_JOIN_PROCESS_RE = re.compile(
    r"(?<!\w)(?:tham\s+gia|tham\s+dự|gia\s+nhập)\s+(?:vào\s+)?(?:tiến\s+trình|quá\s+trình)\s+$", re.IGNORECASE)


_DELEGATION_RE = re.compile(
    r"(?<!\w)(?:phái\s+đoàn|đoàn\s+đại\s+biểu|đoàn|đại\s+diện)(?:\s+(?:của|từ|chính\s+phủ|chính\s+quyền))*\s*$",
    re.IGNORECASE)


def _delegations_before(doc: Doc, i: int, lo: int, hi: int) -> list[str]:
    """Actors named as delegations in the subject before `hi` ("một phái đoàn từ Damascus và đại diện phe đối
    lập đã tham gia ..."): the parties sending them, when the words before the verb are a delegation list."""
    s = doc.ex.sentences[i]
    text = s.text
    out: list[str] = []
    for g in groups_in(doc, i, lo, hi):
        if _DELEGATION_RE.search(text, max(lo, g.begin - s.begin - 40), g.begin - s.begin):
            out.extend(k for k in actor_keys(doc, g) if k not in out)
    if out and re.search(r"(?<!\w)(?:nói|cho\s+biết|tuyên\s+bố|khẳng\s+định|rằng)(?!\w)", text[lo:hi], re.IGNORECASE):
        return []  # a reported clause inside: not one subject
    return out


# "vòng đàm phán tiếp theo / sắp tới / tới đây": the next one, planned unless told as done after it
_NEXT_AFTER_RE = re.compile(r"\s*(?:tiếp\s+theo|sắp\s+tới|tới\s+đây)(?!\w)", re.IGNORECASE)


# motion verbs between a visitor and "thăm" ("A và B đã đến thăm X")
TRAVEL_WORDS = frozenset("đến sang ghé đi".split())


_HOLD_VERB_RE = re.compile(r"\s*(?:tổ\s+chức|tiến\s+hành|nối\s+lại|triệu\s+tập|tái\s+khởi\s+động)\s", re.IGNORECASE)


_VISIT_FRAME_RE = re.compile(
    r"^\s*(?:(?:[^,]{0,25},\s*)?)(?:trong|nhân|bên\s+lề|trong\s+khuôn\s+khổ)\s+(?:(?:chuyến|cuộc)\s+)?$",
    re.IGNORECASE,
)


# words between a visit noun and its owner: "chuyến thăm (chính thức / ngắn trong ngày 29/5) của X"
_VISIT_MODS = (r"(?:(?:chính\s+thức|cấp\s+nhà\s+nước|làm\s+việc|lịch\s+sử|đầu\s+tiên|bất\s+ngờ|ngắn(?:\s+ngày)?|"
               r"trong\s+ngày\s+\d[\d/.\-]*|kéo\s+dài\s+\S+\s+ngày|lần\s+này|gần\s+đây)\s+)*")


_VISIT_OWNER_RE = re.compile(r"\s*" + _VISIT_MODS + r"của(?!\w)", re.IGNORECASE)


_OWNER_THEN_DEST_RE = re.compile(
    r"\s*" + _VISIT_MODS +
    r"của\s+[^,;.:“\"]{1,70}?(?<!\w)(?:tới|đến|sang)\s+(?:(?:thủ\s+đô|thành\s+phố|nước|tỉnh)\s+)?$",
    re.IGNORECASE,
)


def _destination_after_owner(doc: Doc, i: int, e: int) -> str | None:
    """The place or country after "của <visitor> tới|đến|sang" that follows a visit noun ending at e."""
    s = doc.ex.sentences[i]
    for g in groups_in(doc, i, e, min(len(s.text), e + 110)):
        lead = s.text[e: g.begin - s.begin]
        if _OWNER_THEN_DEST_RE.fullmatch(lead):
            owners = groups_in(doc, i, e, g.begin - s.begin)
            if any(o.how == "anaphor" and _PRONOUN_MENTION_RE.match(o.mentions[0].text) for o in owners):
                # "chuyến thăm của ông tới X": trusted only when one person is named before it in the sentence
                persons = {k for o in groups_in(doc, i, 0, e) for k in o.keys[:1] if doc.kind_of(k) == "person"}
                if len(persons) != 1 or not all(set(o.keys) <= persons for o in owners if o.how == "anaphor"):
                    return None
            lit = [x for x in g.literal_keys if doc.kind_of(x) in ("place", "country")]
            return lit[0] if lit and not g.plural else None
    return None


# an anaphor that is a pronoun ("ông", "người này"), not a role description ("Tổng thống Mỹ")
_PRONOUN_MENTION_RE = re.compile(r"(?:ông|bà|ngài|người\s+này|vị\s+này|nhà\s+lãnh\s+đạo\s+này|họ)\s*$", re.IGNORECASE)


def _without_travel_word(scope: str, lead: str) -> str:
    """The status scope with the "tới/đến/sang" of "của X tới Y" blanked: a direction, not "upcoming"."""
    if not lead or lead not in scope:
        return scope
    return scope.replace(lead, re.sub(r"(?<!\w)(?:tới|đến|sang)(?!\w)", lambda m: " " * len(m.group(0)), lead), 1)


_DISCUSS_RE = re.compile(
    r"(?<!\w)(?:thảo\s+luận|trao\s+đổi|bàn\s+bạc|bàn|nhất\s+trí|thống\s+nhất|đề\s+cập|cam\s+kết)(?!\w)",
    re.IGNORECASE,
)


def _last_discussion_verb(text: str, lo: int, hi: int) -> int | None:
    """Start of the last discussion verb in [lo, hi) whose object runs to hi without a clause break."""
    last = None
    for m in _DISCUSS_RE.finditer(text, lo, hi):
        last = m
    if last is None or re.search(r"[,;]", text[last.end():hi]):
        return None
    return last.start()


def _frame_speaker(doc: Doc, i: int, atts: list, cstart: int) -> list[str]:
    """The single speaker whose reported content starts the clause ("X nhắc lại | sự ủng hộ ...")."""
    s = doc.ex.sentences[i]
    for a in atts:
        if a.form == "pre" and a.speakers and not a.plural and abs(a.content.begin - s.begin - cstart) <= 1:
            return [k for k in a.speakers if doc.kind_of(k) in ("person", "country", "organization")]
    return []


# verbs that send something (troops, messages) to a place: "<verb> ... tới/đến X" is then no visit
_SEND_BEFORE_RE = re.compile(
    r"(?<!\w)(?:triển\s+khai|điều\s+động|điều|gửi|chuyển(?:\s+lời)?|vận\s+chuyển|rút|sơ\s+tán|di\s+tản|"
    r"bắn|phóng|xuất\s+khẩu|bán|cung\s+cấp|chở|đưa\s+quân|tiếp\s+viện)(?!\w)[^,;.]*$",
    re.IGNORECASE,
)


# a break between two clauses of one sentence, before a subject-noun trigger
CLAUSE_BREAK_RE = re.compile(
    r";|,\s*(?:nhưng|song|tuy\s+nhiên|trong\s+khi\s+đó|còn|đồng\s+thời|khi)(?!\w)|(?<!\w)(?:nhưng|tuy\s+nhiên)\s",
    re.IGNORECASE,
)
