"""Meetings: who takes part (subjects, complements, fronted phrases, plural anaphors "hai bên")."""

from __future__ import annotations

import re

from syriakg.loaders.extract import attribution, discourse
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.meetings_lexicon import (
    AT_BEFORE_RE,
    EXCLUDED_BEFORE_RE,
    PLACE_BEFORE_RE,
    TOPIC_NOUN_BEFORE_RE,
)
from syriakg.loaders.model import Event

_COORD_GAP_RE = re.compile(
    r"^\s*(?:,|và|cùng(?:\s+với)?|với|lẫn|-|–)\s*(?:(?:người\s+đồng\s+(?:cấp|nhiệm)(?:\s+[^\s,]+){0,3}?|ông|bà|ngài|"
    r"các\s+nước|nước|phía|"
    r"ngoại\s+trưởng|tổng\s+thống|thủ\s+tướng|bộ\s+trưởng(?:\s+quốc\s+phòng|\s+ngoại\s+giao)?|chủ\s+tịch|"
    r"phái\s+đoàn|đoàn\s+đại\s+biểu|đoàn)\s*)*$",
    re.IGNORECASE,
)


_TITLE_ONLY_RE = re.compile(
    r"^\s*(?:(?:người\s+đồng\s+(?:cấp|nhiệm)|ông|bà|ngài|ngoại\s+trưởng|tổng\s+thống|thủ\s+tướng|nhà\s+lãnh\s+đạo|"
    r"bộ\s+trưởng(?:\s+quốc\s+phòng|\s+ngoại\s+giao)?|chủ\s+tịch|phái\s+đoàn|đoàn(?:\s+đại\s+biểu)?|"
    r"(?:thượng\s+)?nghị\s+s[ĩỹ]|đại\s+sứ|thứ\s+trưởng(?:\s+ngoại\s+giao|\s+quốc\s+phòng)?|người\s+phát\s+ngôn|"
    r"phát\s+ngôn\s+viên|quốc\s+vương|nhà\s+vua|thái\s+tử|tiểu\s+vương|đặc\s+phái\s+viên|tổng\s+thư\s+ký|"
    r"phó\s+tổng\s+thống|phó\s+thủ\s+tướng)\s*)*$",
    re.IGNORECASE,
)


TITLE_ONLY_RE = _TITLE_ONLY_RE  # titles and honorifics only (public name)


_EVENT_GAP_WORDS = frozenset(
    "có thể sẽ dự kiến định đã vừa đang chuẩn bị lên kế hoạch muốn đồng ý nhất trí quyết tiếp tục cũng mới "
    "lần đầu tiên thứ hai chính thức còn lại đều hôm ngày nay qua cùng trước sau đó này sáng chiều tối trưa đêm "
    "tuần tháng năm vào cuối đầu giữa tới thì vẫn từng sắp lại một nữa đây gần rồi hồi lúc kỳ vọng hy vọng "
    "rằng là mong được bắt".split()
)


_PLURAL_RE = re.compile(
    r"(?<!\w)(?:cả\s+)?(?:hai|ba|bốn)\s+(bên|nước|phía|quốc\s+gia|nhà\s+lãnh\s+đạo|nguyên\s+thủ|ngoại\s+trưởng|"
    r"tổng\s+thống|bộ\s+trưởng|thủ\s+tướng|người|ông|nhà\s+ngoại\s+giao)(?!\w)",
    re.IGNORECASE,
)


_PERSON_NOUNS = ("nhà lãnh đạo", "nguyên thủ", "ngoại trưởng", "tổng thống", "bộ trưởng", "thủ tướng", "người",
                 "ông", "nhà ngoại giao")


_ACTOR_KINDS = {"person", "country", "organization", "armed_group", None}


# capitals used as metonyms for their government, when the actors component left them as places
CAPITAL_OF = {"moscow": "russia", "ankara": "turkey", "washington": "usa", "damascus": "syria", "tehran": "iran",
              "paris": "france", "berlin": "germany", "london": "uk", "beijing": "china", "amman": "jordan",
              "riyadh": "saudi_arabia", "doha": "qatar", "baghdad": "iraq", "jerusalem": "israel"}


def groups_in(doc: Doc, i: int, b: int, e: int) -> list[discourse.Group]:
    """Groups of sentence i inside the relative range [b, e)."""
    s = doc.ex.sentences[i]
    return [g for g in discourse.groups(doc, i) if b <= g.begin - s.begin and g.end - s.begin <= e]


def actor_keys(doc: Doc, g: discourse.Group) -> list[str]:
    out: list[str] = []
    for k in g.keys:
        kind = doc.kind_of(k)
        if kind == "place":
            cap = CAPITAL_OF.get(k)
            if cap and (g.how == "metonym" or cap in doc.ex.entities):
                out.append(cap)
            continue
        if kind in _ACTOR_KINDS:
            out.append(k)
    return out


def gap_ok(gap: str, extra: frozenset[str] = frozenset()) -> bool:
    if discourse.is_filler(gap, max_words=12):
        return True
    g = re.sub(r"\([^()]{0,80}\)", " ", gap)
    words = re.findall(r"\w+", g)
    if len(words) > 12:
        return False
    if re.sub(r"\w+", " ", g).strip(" ,/-.\u00a0\t"):
        return False
    for w in words:
        lw = w.lower()
        if lw in _EVENT_GAP_WORDS or lw in extra or re.match(r"^\d+(?:[/\-.]\d+)*$", w) or \
                discourse.is_filler(w):
            continue
        return False
    return True


def subject_chain(doc: Doc, i: int, head: int, lo: int, recent: list[Event],
                   extra: frozenset[str] = frozenset()) -> list[str]:
    """Actors coordinated right before relative offset `head` ("A và B đã ...", "A, B và C ...")."""
    s = doc.ex.sentences[i]
    text = s.text
    gs = [g for g in discourse.groups(doc, i) if lo <= g.begin - s.begin and g.end - s.begin <= head]
    # an unresolved plural subject right before the verb: "hai bên đã ...", "hai nhà lãnh đạo sẽ ..."
    for pm in _PLURAL_RE.finditer(text, lo, head):
        if gap_ok(text[pm.end(): head], extra) and not any(g.begin - s.begin <= pm.start() < g.end - s.begin
                                                             for g in gs):
            return _plural_fallback(doc, i, pm.start(), pm.end(), recent)
    if not gs:
        return []
    k = len(gs) - 1
    g = gs[k]
    gap = text[g.end - s.begin: head]
    if not gap_ok(gap, extra):
        return []
    before = text[: g.begin - s.begin]
    if EXCLUDED_BEFORE_RE.search(before) or (AT_BEFORE_RE.search(before) and
                                              doc.kind_of(g.keys[0]) in ("place", "country")):
        return []
    chain = [g]
    sides: dict[int, list[str]] = {}
    left = g.begin  # start of the chain's first item, a title's country glued before it included
    while k > 0:
        prev = gs[k - 1]
        gap = text[prev.end - s.begin: left - s.begin]
        if gap.strip() == "" or _TITLE_ONLY_RE.match(gap):
            # "Nga" glued before "Sergei Lavrov" (a title's country): a modifier, keep scanning past it
            if doc.kind_of(prev.keys[0]) in ("country", "place", "organization") and \
                    doc.kind_of(chain[-1].keys[0]) == "person":
                k -= 1
                left = prev.begin
                continue
            break
        if _COORD_GAP_RE.match(gap):
            if gap.strip() in ("-", "–"):
                # "Nga-Mỹ": a pair of sides, each a country (or the country named inside "đồng cấp Nga")
                pa, pb = _pair_side(doc, i, prev), _pair_side(doc, i, chain[-1])
                if pa is None or pb is None:
                    break
                sides[id(prev)], sides[id(chain[-1])] = pa, pb
            chain.append(prev)
            left = prev.begin
            k -= 1
            continue
        break
    out: list[str] = []
    for g in reversed(chain):
        for key in sides.get(id(g)) or actor_keys(doc, g):
            if key not in out:
                out.append(key)
    first = chain[-1]
    if sides and len(out) == 2 and _LEADERS_OF_PAIR_RE.search(text, max(lo, first.begin - s.begin - 40),
                                                                 first.begin - s.begin):
        last = recent[-1] if recent else None
        if last is not None and i - max(last.evidence) <= 3 and len(last.actors) == 2 and \
                c_kinds(doc, last.actors) == {"person"}:
            return list(last.actors)  # "hai nhà lãnh đạo Nga-Mỹ" after the two leaders' meeting: those two
    if re.search(r"(?<!\w)(?:với|cùng\s+với)\s+(?:\S+\s+){0,4}$", discourse.tail(text[: first.begin - s.begin], 60),
                 re.IGNORECASE) and not _COORD_GAP_RE.match(text[max(lo, first.begin - s.begin - 8): first.begin - s.begin]):
        # "X ... với Y trong cuộc hội đàm": Y is the partner; X, the clause's subject, is the other party
        subj = clause_subject(doc, i, lo, first.begin - s.begin)
        if not subj:
            return []  # only one side known: not enough to name the actors
        out = subj + [k for k in out if k not in subj]
    return out


def _pair_side(doc: Doc, i: int, g: discourse.Group) -> list[str] | None:
    """One side of a hyphenated pair: the group's country or organisation, or a country named inside it."""
    keys = actor_keys(doc, g)
    if keys and all(doc.kind_of(k) in ("country", "organization") for k in keys):
        return keys
    inner = [m.entity for m in doc.mentions_in(i) if g.begin <= m.begin and m.end <= g.end and
             doc.kind_of(m.entity) == "country"]
    return inner[:1] or None


_LEAD_SEGMENT_RE = re.compile(r"^\s*(?:[^,]{0,30},\s*){0,2}")


def clause_subject(doc: Doc, i: int, lo: int, upto: int) -> list[str]:
    """The clause's grammatical subject: its first name, after at most a short fronted adverbial and titles."""
    s = doc.ex.sentences[i]
    gs = [g for g in discourse.groups(doc, i) if lo <= g.begin - s.begin < upto]
    gs = [g for g in gs if not (g.how == "title" and doc.kind_of(g.keys[0]) in ("country", "organization"))]
    if not gs:
        # the clause is a speaker's reported content: "X bày tỏ thiện chí với Y trong cuộc hội đàm" -> X
        for a in attribution.attributions(doc, i):
            if a.form == "pre" and a.speakers and not a.plural and abs(a.content.begin - s.begin - lo) <= 1:
                return [k for k in a.speakers if doc.kind_of(k) in _ACTOR_KINDS]
        return []
    g = gs[0]
    lead = s.text[lo: g.begin - s.begin]
    lm = _LEAD_SEGMENT_RE.match(lead)
    rest = lead[lm.end():] if lm else lead
    rest = re.sub(r"(?<!\w)(?:tân|cựu|đương\s+kim)(?!\w)", " ", rest, flags=re.IGNORECASE)
    rest = re.sub(r"[^\s]+", lambda m: m.group(0) if not any(
        mm.begin - s.begin <= lo + lead.find(m.group(0)) < mm.end - s.begin for mm in doc.mentions_in(i)) else " ", rest)
    if rest.strip() and not _TITLE_ONLY_RE.fullmatch(rest) and not re.fullmatch(
            r"\s*(?:(?:Tổng\s+thống|Ngoại\s+trưởng|Thủ\s+tướng|Bộ\s+trưởng|Chủ\s+tịch)(?:\s+\S+){0,3})?\s*", rest):
        return []
    return actor_keys(doc, g)


def _plural_fallback(doc: Doc, i: int, rel_b: int, rel_e: int, recent: list[Event]) -> list[str]:
    """Resolve "hai bên", "hai nhà lãnh đạo" ... in [rel_b, rel_e) when no mention covers it.

    Persons for person nouns (restricted to holders of the named title when the
    title is a ministerial one and positions are known), countries for "bên",
    "nước", "phía"; else the actors of the last event when it has that many.
    Nothing when the referents cannot be told: a wrong actor is worse than none.
    """
    s = doc.ex.sentences[i]
    out: list[str] = []
    for m in _PLURAL_RE.finditer(s.text, rel_b, rel_e):
        covered = any(g.begin - s.begin <= m.start() < g.end - s.begin for g in discourse.groups(doc, i))
        if covered:
            continue
        noun = m.group(1).lower()
        words = m.group(0).lower().split()
        num = {"hai": 2, "ba": 3, "bốn": 4}.get(words[1] if words[0] == "cả" else words[0], 2)
        picked: list[str] = []
        if noun in ("ngoại trưởng", "bộ trưởng", "thủ tướng", "tổng thống"):
            picked = _recent_titled(doc, i, m.start(), noun, num)
        elif any(noun.startswith(p) for p in _PERSON_NOUNS):
            here = {k for g in discourse.groups(doc, i) if g.end - s.begin <= m.start() and not g.plural
                    for k in g.keys[:1] if doc.kind_of(k) == "person"}
            last = recent[-1] if recent else None
            if len(here) < num and last is not None and i - max(last.evidence) <= 3 and \
                    len(last.actors) == num and c_kinds(doc, last.actors) == {"person"}:
                picked = list(last.actors)  # "hai nguyên thủ" a few sentences after their meeting: those two
            else:
                picked = _recent_entities(doc, i, m.start(), True, num)
        else:
            leaders = bool(_LEADERS_OF_RE.search(s.text[:m.start()]))
            last = recent[-1] if recent else None
            if last is not None and len(last.actors) == num and c_kinds(doc, last.actors) == {"country"}:
                picked = list(last.actors)
            elif leaders and last is not None and i - max(last.evidence) <= 3 and len(last.actors) == num and \
                    c_kinds(doc, last.actors) <= {"person", "country"}:
                picked = list(last.actors)  # "lãnh đạo hai nước" after the two leaders' (or countries') event
            else:
                picked = _recent_entities(doc, i, m.start(), False, num)
                if leaders and len(picked) < num:
                    picked = _recent_countries_apart(doc, i, m.start(), num)
        if len(picked) == num:
            out.extend(k for k in picked if k not in out)
    return out


# "(hai) nhà lãnh đạo / nguyên thủ / tổng thống <A>-<B>": the two leaders of a hyphenated pair
_LEADERS_OF_PAIR_RE = re.compile(
    r"(?<!\w)(?:nhà\s+lãnh\s+đạo|lãnh\s+đạo|nguyên\s+thủ|tổng\s+thống|nhà\s+đồng\s+cấp)\s+(?:hai\s+nước\s+)?$",
    re.IGNORECASE)


# "lãnh đạo (của) hai nước", "nguyên thủ hai quốc gia": the leaders stand for the two countries
_LEADERS_OF_RE = re.compile(
    r"(?<!\w)(?:lãnh\s+đạo|nguyên\s+thủ|người\s+đứng\s+đầu|chính\s+phủ|quân\s+đội|phái\s+đoàn|"
    r"đoàn\s+đại\s+biểu)\s+(?:của\s+)?$",
    re.IGNORECASE,
)


def _groups_back(doc: Doc, i: int, rel_before: int):  # noqa: ANN202 - Iterator[(Sentence, groups)]
    """(sentence, its mention groups) for sentence i (only groups ending before the point) and up to 3 back."""
    for j in range(i, max(-1, i - 4), -1):
        s = doc.ex.sentences[j]
        gs = discourse.groups(doc, j)
        if j == i:
            gs = [g for g in gs if g.end - s.begin <= rel_before]
        yield s, gs


def _recent_countries_apart(doc: Doc, i: int, rel_before: int, n: int) -> list[str]:
    """Exactly n distinct countries named (not as places of a title-less venue) in this sentence before the
    point and up to 3 sentences back; none when more than n are named there (the referents are then unclear)."""
    found: list[str] = []
    for _s, gs in _groups_back(doc, i, rel_before):
        for g in gs:
            if g.plural:
                continue
            for k in g.keys[:1]:
                if doc.kind_of(k) == "country" and k not in found:
                    found.append(k)
    return found if len(found) == n else []


def c_kinds(doc: Doc, keys: list[str]) -> set[str | None]:
    return {doc.kind_of(k) for k in keys}


_TITLE_KEYS = {"ngoại trưởng": ("foreign_minister", "secretary_of_state", "ngoại trưởng", "bộ trưởng ngoại giao"),
               "bộ trưởng": ("minister", "bộ trưởng", "secretary"),
               "thủ tướng": ("prime_minister", "thủ tướng"),
               "tổng thống": ("president", "tổng thống")}


def _recent_titled(doc: Doc, i: int, rel_before: int, title: str, n: int) -> list[str]:
    """The last n distinct persons named with (or known to hold) the title, before the point."""
    cues = _TITLE_KEYS[title]
    holders = {h.holder for h in doc.ex.positions
               if any(c in (h.position.key + " " + h.position.label_vi).lower() for c in cues)}
    found: list[str] = []
    for j in range(i, max(-1, i - 6), -1):
        s = doc.ex.sentences[j]
        gs = [g for g in discourse.groups(doc, j) if not g.plural and doc.kind_of(g.keys[0]) == "person"]
        titled_here: list[str] = []
        prev_title = False
        for g in gs:  # forward: a counterpart ("người đồng cấp X") shares the previous person's title
            k = g.keys[0]
            near = " ".join(mm.text.lower() for mm in g.mentions) + " " + \
                s.text[max(0, g.begin - s.begin - 30): g.begin - s.begin].lower()
            counterpart = "người đồng cấp" in near or "người đồng nhiệm" in near
            own = k in holders or (title in near and not counterpart)
            is_titled = own or (counterpart and prev_title)
            prev_title = is_titled
            if is_titled and (j != i or g.end - s.begin <= rel_before):
                titled_here.append(k)
        for k in reversed(titled_here):
            if k not in found:
                found.append(k)
                if len(found) == n:
                    return list(reversed(found))
    return list(reversed(found))


def _recent_entities(doc: Doc, i: int, rel_before: int, person: bool, n: int) -> list[str]:
    """The last n distinct persons (or countries) named before the point, this sentence then up to 3 back.

    For countries, the last pair named together ("Washington và Moscow", "Nga-Mỹ") wins over the last
    two named apart.
    """
    found: list[str] = []
    for s, gs in _groups_back(doc, i, rel_before):
        if not person:
            # countries: only a list named together ("Washington và Moscow", "Nga, Iran và Thổ Nhĩ Kỳ")
            for k in range(len(gs) - n, -1, -1):
                run = gs[k:k + n]
                keys = [actor_keys(doc, g) for g in run]
                if all(len(x) == 1 and doc.kind_of(x[0]) == "country" for x in keys) and \
                        len({x[0] for x in keys}) == n and all(
                            re.fullmatch(r"\s*(?:và|,|-|–|với)\s*", s.text[a.end - s.begin: b.begin - s.begin])
                            for a, b in zip(run, run[1:], strict=False)):
                    return [x[0] for x in keys]
            continue
        for g in reversed(gs):
            if g.plural:
                continue
            for k in actor_keys(doc, g) if not person else g.keys[:1]:
                kind = doc.kind_of(k)
                if (person and kind == "person") or (not person and kind == "country"):
                    if k not in found:
                        found.append(k)
                        if len(found) == n:
                            return list(reversed(found))
    return list(reversed(found))


def adder(actors: list[str]):  # noqa: ANN202
    def add(keys: list[str]) -> None:
        for k in keys:
            if k not in actors:
                actors.append(k)
    return add


def complement_actors(doc: Doc, i: int, rel_b: int, rel_e: int, recent: list[Event],
                       topic_adjacent: bool = False) -> list[str]:
    """Actors named in the trigger noun's complement ("giữa A và B", "với B", "của A", "gồm A, B").

    A mention counts when a complement word introduces it (giữa, với, của, gồm, do, cùng, "có sự tham
    dự của") or it follows the trigger within a few words ("cuộc họp nhóm ... Nga, Thổ Nhĩ Kỳ và
    Iran"), and list items continue such a mention.
    """
    s = doc.ex.sentences[i]
    text = s.text
    out: list[str] = []
    acc_end = rel_b  # end of the last accepted mention (or the trigger)
    accepted_any = False
    prev: discourse.Group | None = None
    skipped: list[tuple[int, int]] = []  # spans of groups passed over (titles, places ...)
    for g in groups_in(doc, i, rel_b, rel_e):
        gb = g.begin - s.begin
        before = discourse.tail(text[:gb], 120)
        # the words since the last accepted mention, with skipped mentions blanked out
        between = text[acc_end:gb]
        for sb, se in skipped:
            if acc_end <= sb and se <= gb:
                between = between[: sb - acc_end] + " " * (se - sb) + between[se - acc_end:]
        k0 = g.keys[0]
        kind = doc.kind_of(k0)
        prev_g, prev = prev, g
        first = acc_end == rel_b and not accepted_any
        if prev_g is not None and (doc.kind_of(prev_g.literal_keys[0]) == "place" or
                                   PLACE_BEFORE_RE.search(text[: prev_g.begin - s.begin])) and \
                re.fullmatch(r"\s*(?:của|,|\()\s*", text[prev_g.end - s.begin: gb], re.IGNORECASE):
            skipped.append((gb, g.end - s.begin))
            continue  # "thủ đô Astana của Kazakhstan", "tại Hamburg, Đức": the place's country
        if topic_adjacent and first and text[rel_b:gb].strip() == "" and kind == "country" and \
                not re.match(r"\s*(?:-|–|(?<!\w)và(?!\w)|,\s*[A-ZĐ])", text[g.end - s.begin:]):
            skipped.append((gb, g.end - s.begin))
            continue  # "vòng hòa đàm Syria": the subject matter, not a party
        skip = False
        delegation = bool(_COLLECTIVE_BEFORE_RE.search(before))
        if (PLACE_BEFORE_RE.search(before) and kind in ("place", "country") and not g.plural) or \
                (g.how == "title" and not delegation):
            skip = True  # a venue; "người đồng cấp Pháp Jean Dupont": the country of a title
        pt = _PERSON_TITLE_BEFORE_RE.search(before) if kind in ("place", "country") else None
        if pt is not None and not delegation and \
                not re.search(r"(?<!\w)(?:các|những|hai|ba)\s*$", before[: pt.start()], re.IGNORECASE):
            skip = True  # "người đồng cấp Mỹ", "Ngoại trưởng Nga": a person of that country, not the country
        if skip and kind == "country" and _unnamed_counterpart(doc, i, g, before):
            skip = False  # "Tổng tham mưu trưởng quân đội Nga điện đàm với người đồng cấp Mỹ": no one named, Mỹ
        if EXCLUDED_BEFORE_RE.search(before) or TOPIC_NOUN_BEFORE_RE.search(before) or discourse.is_outlet(doc, g):
            skip = True
        if _SIDELINES_NAME_RE.search(before):
            skip = True  # "gặp nhau bên lề Hội nghị thượng đỉnh G20": the occasion's name, not a party
        if g.how == "anaphor" and _COUNTERPART_AFTER_RE.match(text, g.end - s.begin):
            skip = True  # "với hai người đồng cấp Jordan là A và B": counterparts named next, not earlier persons
        if skip:
            skipped.append((gb, g.end - s.begin))
            continue
        intro = bool(_COMPLEMENT_INTRO_RE.search(between))
        if not intro and accepted_any and kind == "person" and out and doc.kind_of(out[-1]) == "organization" and \
                re.fullmatch(r"[\s()]*", between):
            intro = True  # "với Tổng giám đốc Tổ chức Y (ABC) Z": the head of the organisation named
        listed = accepted_any and bool(_LIST_GAP_RE.fullmatch(between)) and bool(_LIST_SEP_RE.search(between))
        near = first and len(re.findall(r"\w+", between)) <= 6 and \
            not re.search(r"(?<!\w)(?:tại|ở|về|để|nhằm)(?!\w)", _POSTED_RE.sub(" ", between), re.IGNORECASE)
        if not (intro or listed or near):
            skipped.append((gb, g.end - s.begin))
            continue
        if kind == "place" and g.how == "name" and not _coordinated(text, s.begin, g):
            skipped.append((gb, g.end - s.begin))
            continue
        keys = actor_keys(doc, g)
        if keys:
            accepted_any = True
            acc_end = g.end - s.begin
            skipped = []
        for k in keys:
            if k not in out:
                out.append(k)
    for k in _plural_fallback(doc, i, rel_b, rel_e, recent):
        if k not in out:
            out.append(k)
    return out


# "đoàn nghị sĩ Nga", "phái đoàn Thổ Nhĩ Kỳ", "các bộ trưởng Nga": a body of that country, an actor
_COLLECTIVE_BEFORE_RE = re.compile(
    r"(?:\b(?:đoàn|phái\s+đoàn|đoàn\s+đại\s+biểu|các|những|giới)(?:\s+\w+){0,2}\s*)$", re.IGNORECASE)


# military chiefs are seldom named in the news: "Tổng tham mưu trưởng quân đội Nga" stands for Russia's military
_MILITARY_TITLE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:tổng\s+tham\s+mưu\s+trưởng|tham\s+mưu\s+trưởng|bộ\s+tổng\s+tham\s+mưu|tư\s+lệnh)"
    r"(?:\s+(?:quân\s+đội|lực\s+lượng\s+vũ\s+trang|liên\s+quân|các\s+lực\s+lượng))?\s*$",
    re.IGNORECASE,
)


_SIDELINES_NAME_RE = re.compile(
    r"(?<!\w)(?:bên\s+lề|ngoài\s+lề|trước\s+thềm|trong\s+khuôn\s+khổ)\s+(?:(?:hội\s+nghị|thượng\s+đỉnh|cấp\s+cao|"
    r"diễn\s+đàn|kỳ\s+họp|khóa\s+họp|phiên\s+họp|cuộc\s+họp|hội\s+nghị\s+thượng\s+đỉnh|các\s+nền\s+kinh\s+tế|"
    r"lớn|nhóm|tổ\s+chức|của)\s*)+$",
    re.IGNORECASE,
)


_COUNTERPART_AFTER_RE = re.compile(r"\s*(?:đồng\s+(?:cấp|nhiệm)|đại\s+diện)(?!\w)", re.IGNORECASE)


_COUNTERPART_BEFORE_RE = re.compile(r"(?<!\w)người\s+đồng\s+(?:cấp|nhiệm)\s*$", re.IGNORECASE)


def _unnamed_counterpart(doc: Doc, i: int, g: discourse.Group, before: str) -> bool:
    """"người đồng cấp <country>" with no person named after it nor anywhere before it in the sentence: the
    counterpart is known only by the country, which then stands for that side (as the other side's does)."""
    if not (_COUNTERPART_BEFORE_RE.search(before) or (g.how == "title" and _MILITARY_TITLE_BEFORE_RE.search(before))):
        return False  # "người đồng cấp Mỹ", "Tổng tham mưu trưởng quân đội Nga": a holder known by country only
    s = doc.ex.sentences[i]
    ge = g.end - s.begin
    if any(0 <= o.begin - s.begin - ge <= 3 for o in discourse.groups(doc, i)):
        return False  # "người đồng cấp Mỹ Rex Tillerson": the person is the actor
    if re.match(r"\s*(?:,\s*)?(?:ông|bà|ngài)\s", s.text[ge:], re.IGNORECASE):
        return False
    return not any(doc.kind_of(k) == "person" for o in discourse.groups(doc, i) if o.begin < g.begin for k in o.keys)


_PERSON_TITLE_BEFORE_RE = re.compile(
    r"(?:\b(?:người\s+đồng\s+(?:cấp|nhiệm)|ngoại\s+trưởng|tổng\s+thống|thủ\s+tướng|bộ\s+trưởng(?:\s+\w+){0,2}|"
    r"thứ\s+trưởng(?:\s+\w+){0,2}|đặc\s+phái\s+viên(?:\s+của)?|đại\s+sứ|nhà\s+lãnh\s+đạo|người\s+đứng\s+đầu|"
    r"tổng\s+thư\s+ký|người\s+phát\s+ngôn)\s*)$",
    re.IGNORECASE,
)


# "Đại sứ Nga tại Mỹ": where the title holder is posted, part of his title
_POSTED_RE = re.compile(r"(?<!\w)(?:đại\s+sứ|đại\s+biện|lãnh\s+sự|tổng\s+lãnh\s+sự)\s[^,;]{0,30}?(?:tại|ở)(?!\w)",
                        re.IGNORECASE)


_COMPLEMENT_INTRO_RE = re.compile(
    r"(?<!\w)(?:giữa|với|của|gồm|bao\s+gồm|do|cùng|tham\s+dự\s+của|tham\s+gia\s+của|bảo\s+trợ\s+của|"
    r"chủ\s+trì\s+của|lãnh\s+đạo|nguyên\s+thủ|các\s+nước|nước)(?!\w)[^,;]{0,60}$",
    re.IGNORECASE,
)


_LIST_WORD = (r"(?:,|và|là|cùng(?:\s+với)?|với|lẫn|-|–|người\s+đồng\s+(?:cấp|nhiệm)|ông|bà|ngài|các\s+nước|nước|phía|"
              r"tổng\s+thống|ngoại\s+trưởng|thủ\s+tướng|bộ\s+trưởng|chủ\s+tịch|quốc\s+vương|nhà\s+vua)")


_LIST_GAP_RE = re.compile(rf"\s*(?:{_LIST_WORD}\s*)+", re.IGNORECASE)


_LIST_SEP_RE = re.compile(r"(?:,|-|–|(?<!\w)(?:và|cùng|với|lẫn)(?!\w))", re.IGNORECASE)


def _coordinated(text: str, base: int, g: discourse.Group) -> bool:
    """A capital in an actor list ("giữa Moskva và Ankara") stands for its government."""
    around = text[max(0, g.begin - base - 8): g.end - base + 6]
    return bool(re.search(r"(?<!\w)(?:giữa|và)(?!\w)", around, re.IGNORECASE))


def main_subject(doc: Doc, i: int, rel_after: int, recent: list[Event]) -> list[str]:
    """Subject of the main clause after a fronted phrase: the first group after the next comma."""
    s = doc.ex.sentences[i]
    text = s.text
    c = text.find(",", rel_after)
    if c < 0:
        return []
    before_c = [g for g in discourse.groups(doc, i) if g.end - s.begin <= c and not text[g.end - s.begin: c].strip()]
    after_c = [g for g in discourse.groups(doc, i) if g.begin - s.begin > c]
    if before_c and after_c and doc.kind_of(after_c[0].keys[0]) == "country" and \
            not text[c + 1: after_c[0].begin - s.begin].strip() and \
            any(doc.kind_of(k) == "place" for k in before_c[-1].literal_keys):
        c2 = text.find(",", after_c[0].end - s.begin)  # "tại Hamburg, Đức, Tổng thống X": the place's country
        if c2 < 0:
            return []
        c = c2
    lead_m = re.match(r"\s*(?:(?:phía|cả|các)\s+)?", text[c + 1:])
    lb = c + 1 + (lead_m.end() if lead_m else 0)
    pm = _PLURAL_RE.match(text, lb)
    if pm is not None and not any(g.begin - s.begin <= pm.start() < g.end - s.begin
                                  for g in discourse.groups(doc, i)):
        return _plural_fallback(doc, i, pm.start(), pm.end(), recent)
    gs = groups_in(doc, i, c + 1, len(text))
    if not gs:
        return []
    g = gs[0]
    lead = text[c + 1: g.begin - s.begin]
    if g.how == "title" and len(gs) > 1 and not text[g.end - s.begin: gs[1].begin - s.begin].strip() and \
            doc.kind_of(gs[1].keys[0]) == "person":
        gs = gs[1:]  # "Ngoại trưởng Nga Sergey Lavrov": the person, not the title's country
        g = gs[0]
    if _GROUP_LEAD_RE.fullmatch(lead) or (not lead.strip() and len(gs) > 1 and
                                          _LIST_SEP_RE.search(text[g.end - s.begin: gs[1].begin - s.begin] or "x")):
        # "các nước bảo lãnh (Iran, Nga, Thổ Nhĩ Kỳ) đã ...", "ba nước bảo trợ Nga, Iran và Thổ Nhĩ Kỳ"
        out = list(actor_keys(doc, g))
        for prev, nxt in zip(gs, gs[1:], strict=False):
            if not _LIST_GAP_RE.fullmatch(text[prev.end - s.begin: nxt.begin - s.begin]):
                break
            out.extend(k for k in actor_keys(doc, nxt) if k not in out)
        return out
    if not _TITLE_ONLY_RE.match(lead) and not re.fullmatch(r"\s*(?:phía|cả|các|hai)?\s*", lead, re.IGNORECASE):
        return []
    return _coordinated_forward(doc, i, gs)


def _coordinated_forward(doc: Doc, i: int, gs: list[discourse.Group]) -> list[str]:
    """The actors of gs[0] and of the items coordinated after it ("Thủ tướng A và người đồng cấp Nhật Bản B"):
    a title's country glued before a person is passed over, not taken."""
    s = doc.ex.sentences[i]
    text = s.text
    out = list(actor_keys(doc, gs[0]))
    cur, j = gs[0], 1
    while j < len(gs):
        nx = gs[j]
        gap = text[cur.end - s.begin: nx.begin - s.begin]
        if not re.match(r"\s*(?:,|và|cùng(?:\s+với)?|với)(?!\w)", gap, re.IGNORECASE) or not _COORD_GAP_RE.match(gap):
            break
        if nx.how == "title" and j + 1 < len(gs) and doc.kind_of(gs[j + 1].keys[0]) == "person" and \
                not text[nx.end - s.begin: gs[j + 1].begin - s.begin].strip():
            nx = gs[j + 1]  # "và người đồng cấp Nhật Bản Taro Kono": the person
            j += 1
        elif nx.how == "title":
            break
        out.extend(k for k in actor_keys(doc, nx) if k not in out)
        cur = nx
        j += 1
    return out


_GROUP_LEAD_RE = re.compile(
    r"\s*(?:các|ba|hai|bốn|những)\s+(?:nước|quốc\s+gia|bên)(?:\s+[^\s(,]+){0,3}\s*(?:\(|gồm|là|:)?\s*",
    re.IGNORECASE,
)
