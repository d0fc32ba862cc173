"""The catalogue of known agreements (`data/agreements.tsv`) and how a mention is matched to one.

An agreement is referred to in many wordings: "thỏa thuận Astana", "bản ghi
nhớ về việc thiết lập bốn khu vực giảm leo thang", "thỏa thuận năm 2018 giữa
Ankara và Moskva về vùng giảm căng thẳng tại Idlib", "thỏa thuận ngừng bắn ...
hồi tháng 2" (in a 2016 article).  The words around an agreement noun are
turned into *features*:

* `name:X` / `place:X` / `topic:X` / `scope:X`: language patterns
  (`FEATURES` below: "Sochi", "Idlib", "vùng giảm căng thẳng", "ngừng bắn",
  "sơ tán", "phi quân sự", "toàn quốc", ...);
* `party:KEY`: entities mentioned (capitals stand for their countries:
  Moskva -> russia, Ankara -> turkey);
* `year:YYYY`, `month:M`, `day:YYYY-MM-DD`: dates written there, resolved against the article
  (or, for telling agreements apart only, against its estimated date); an entry's own day (give or take
  one) with one of its parties or cue topics identifies it;
* `ctx...`: when the article was written (`ArticleDates.time_window`).

Each catalogue row lists its `cues`: alternatives separated by `|`, each a
conjunction of atoms joined by `&`; an atom may be negated with `!`, and
`ctx` takes `:YYYY` (the article is from that year), `>=DATE` or `<=DATE`.
The row whose best satisfied alternative has the most atoms wins; a tie
identifies nothing.  A row is also ruled out when the article is known to
predate it (`not_before`) or when the date written right after the noun
("thỏa thuận năm 2018", "thỏa thuận tháng 9/2018") is not its date.

The TSV's `qid` column stays empty unless `data/wikidata/entities.tsv`
confirms the item (none of these does today).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from syriakg.loaders.config import data_dir
from syriakg.loaders.extract.transliteration import phonetic_keys
from syriakg.loaders.extract.vi_regex import vi

COLUMNS = ("key", "label_vi", "label_en", "qid", "date", "parties", "place", "kind", "cues", "not_before")

# capitals standing for their governments, for party features
CAPITAL_OF = {
    "moscow": "russia", "ankara": "turkey", "washington": "usa", "tehran": "iran", "damascus": "syria",
    "amman": "jordan", "beijing": "china", "paris": "france", "london": "uk", "berlin": "germany",
    "kremlin": "russia", "white_house": "usa", "pentagon": "usa",
}


def _f(p: str) -> re.Pattern[str]:
    return re.compile(vi(p), re.IGNORECASE)


FEATURES: dict[str, re.Pattern[str]] = {
    "name:astana": _f(r"Astana|A-xta-na|Nur-Sultan"),
    "name:sochi": _f(r"Sochi|Xô-chi|Sô-chi"),
    "name:sochi_title": _f(r"^(?:thỏa thuận|bản ghi nhớ|biên bản ghi nhớ|hiệp định) (?:ở |tại )?(?:Sochi|Xô-chi|Sô-chi)"),
    "name:geneva": _f(r"Geneva|Genève|Geneve|Giơ-ne-vơ"),
    "name:munich": _f(r"Munich|München|Mu-ních"),
    "name:adana": _f(r"Adana|A-đa-na|A-da-na|A đa na"),
    "name:2254": _f(r"nghị quyết(?: số)? 2254"),
    "place:idlib": _f(r"Idlib|Idleb|I-đlíp"),
    "place:aleppo": _f(r"Aleppo|A-lép-pô|Alep\b"),
    "place:southwest": _f(r"tây nam"),
    "place:south": _f(r"(?:miền|phía|vùng) nam Syria"),
    "place:northeast": _f(r"đông bắc Syria|người Kurd|YPG|Manbij|Kobani|Ras al-Ain|Tal Abyad|Tel Abyad|Qamishli|"
                          r"bờ đông sông Euphrates"),
    "topic:dezone": _f(r"(?:vùng|khu vực|khu)(?: [\w\"“”']+){0,2}? [\"“'‘]?giảm (?:leo thang|căng thẳng|xung đột|bạo lực)"
                       r"|^\S+(?: \S+)? (?:về )?giảm (?:leo thang|căng thẳng)"),
    "topic:safezone": _f(r"(?:vùng|khu vực|khu) an toàn|vùng đệm"),
    "topic:four_zones": _f(r"(?:4|bốn) [\"“']?(?:vùng|khu vực|khu)"),
    "topic:ceasefire": _f(r"ngừng bắn|ngưng bắn|đình chiến|ngừng chiến|hưu chiến|ngừng giao tranh"),
    "topic:cessation": _f(r"(?:chấm dứt|ngừng|ngưng|đình chỉ) (?:các |mọi )?(?:hành động|hoạt động|hành vi) thù địch"),
    "topic:evacuation": _f(r"sơ tán|di tản|rút (?:các |những )?(?:tay súng|phiến quân|dân thường|chiến binh)"),
    "topic:demilitarised": _f(r"phi quân sự"),
    "topic:memorandum": _f(r"bản ghi nhớ|biên bản ghi nhớ"),
    "topic:air_safety": _f(r"(?:an toàn|sự cố|va chạm|đụng độ|xung đột) (?:(?:cho |của )?(?:các |những )?(?:chuyến |hoạt động )?"
                           r"bay|trên không|trên bầu trời)|an toàn hàng không|phối hợp (?:các )?(?:hoạt động|chuyến) bay|"
                           r"(?:tránh|ngăn ngừa|ngăn chặn) (?:các |những )?(?:sự cố|va chạm)|"
                           r"(?:phi cơ|máy bay)[^,.;]{0,40}(?:được |bảo đảm |đảm bảo )an toàn"),
    # "thỏa thuận (Nga - Mỹ) về tránh xung đột": deconfliction, between Russia and the US the air-safety memorandum
    "topic:deconfliction": _f(r"(?:tránh|ngăn ngừa|ngăn chặn|giảm thiểu) (?:các |những |nguy cơ )?(?:xung đột|đụng độ|vụ việc)|"
                              r"phối hợp (?:hoạt động|tác chiến)|hợp tác quân sự|đường dây nóng"),
    "topic:communique": _f(r"thông cáo"),
    "topic:temporary": _f(r"(?:kéo dài|trong) \d+ (?:giờ|tiếng|ngày)|tạm thời|đơn phương|ngừng bắn nhân đạo"),
    "topic:nuclear": _f(r"hạt nhân"),
    "name:jcpoa": _f(r"JCPOA|Kế hoạch hành động toàn diện chung"),
    "scope:nationwide": _f(r"toàn quốc|toàn Syria|toàn lãnh thổ|toàn bộ lãnh thổ|cả nước|toàn đất nước|khắp Syria|"
                           r"phạm vi toàn"),
}


@dataclass(frozen=True, slots=True)
class Atom:
    name: str  # "topic:dezone", "party:russia", "year:2018", "ctx" ...
    negated: bool = False
    op: str = ""  # for ctx: ":", ">=", "<="
    value: str = ""


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    key: str
    label_vi: str
    label_en: str | None
    qid: str | None
    date: dt.date | None
    parties: tuple[str, ...]
    place: str | None
    kind: str
    cues: tuple[tuple[Atom, ...], ...]
    not_before: dt.date | None


@dataclass(slots=True)
class Evidence:
    """What the words around one agreement noun say."""

    atoms: set[str] = field(default_factory=set)
    window: tuple[dt.date | None, dt.date | None] = (None, None)  # when the article was written
    stated: tuple[int, int | None] | None = None  # (year, month) written right after the noun


def catalogue_path() -> Path:
    return data_dir() / "agreements.tsv"


def _parse_date(s: str, where: str) -> dt.date | None:
    s = s.strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError as err:
        raise ValueError(f"{where}: bad date {s!r}") from err


def _parse_atom(text: str, where: str) -> Atom:
    t = text.strip()
    neg = t.startswith("!")
    t = t.lstrip("!").strip()
    if t.startswith("ctx"):
        m = re.fullmatch(r"ctx(:|>=|<=)(\d{4}(?:-\d{2}(?:-\d{2})?)?)", t)
        if not m:
            raise ValueError(f"{where}: bad context atom {text!r}")
        return Atom("ctx", neg, m.group(1), m.group(2))
    kind, _, value = t.partition(":")
    if not value or kind not in ("name", "place", "topic", "scope", "party", "year", "month"):
        raise ValueError(f"{where}: bad cue atom {text!r}")
    if kind in ("name", "place", "topic", "scope") and t not in FEATURES:
        raise ValueError(f"{where}: unknown feature {t!r} (known: {', '.join(sorted(FEATURES))})")
    return Atom(t, neg)


def parse_cues(text: str, where: str = "cues") -> tuple[tuple[Atom, ...], ...]:
    alts = []
    for alt in text.split("|"):
        atoms = tuple(_parse_atom(a, where) for a in alt.split("&") if a.strip())
        if atoms:
            alts.append(atoms)
    return tuple(alts)


def read_catalogue(path: Path) -> list[CatalogueEntry]:
    """Parse the TSV; a bad row raises ValueError naming the file, the line and the problem."""
    out: list[CatalogueEntry] = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing columns {missing}")
        for n, row in enumerate(reader, start=2):
            where = f"{path}:{n}"
            key = (row["key"] or "").strip()
            if not key:
                raise ValueError(f"{where}: empty key")
            out.append(CatalogueEntry(
                key=key,
                label_vi=row["label_vi"].strip(),
                label_en=row["label_en"].strip() or None,
                qid=(row["qid"] or "").strip() or None,
                date=_parse_date(row["date"] or "", where),
                parties=tuple(p.strip() for p in (row["parties"] or "").split(";") if p.strip()),
                place=(row["place"] or "").strip() or None,
                kind=(row["kind"] or "").strip() or "agreement",
                cues=parse_cues(row["cues"] or "", where),
                not_before=_parse_date(row["not_before"] or "", where),
            ))
    return out


@lru_cache(maxsize=4)
def _cached(path: str, mtime: float) -> tuple[CatalogueEntry, ...]:
    return tuple(read_catalogue(Path(path)))


def load_catalogue(path: Path | None = None) -> tuple[CatalogueEntry, ...]:
    """The catalogue (cached per file and modification time)."""
    p = path or catalogue_path()
    return _cached(str(p), p.stat().st_mtime)


def by_key(path: Path | None = None) -> dict[str, CatalogueEntry]:
    return {e.key: e for e in load_catalogue(path)}


def text_features(text: str) -> set[str]:
    """The name/place/topic/scope features of a piece of text (the words after an agreement noun)."""
    out = {name for name, rx in FEATURES.items() if rx.search(text)}
    for key in phonetic_keys(text):  # other phonetic spellings of the venues: "thỏa thuận Át-xta-na"
        out.update(f for f in (f"name:{key}", f"place:{key}") if f in FEATURES)
    return out


# --- matching -----------------------------------------------------------------------------------------------------


def _ctx_holds(atom: Atom, window: tuple[dt.date | None, dt.date | None]) -> bool:
    lo, hi = window
    v = atom.value
    if atom.op == ":":
        y = int(v[:4])
        return lo is not None and hi is not None and lo.year == hi.year == y
    bound = dt.date.fromisoformat(v if len(v) == 10 else (v + "-01" if len(v) == 7 else v + "-01-01"))
    if atom.op == ">=":
        return lo is not None and lo >= bound
    if len(v) == 4:
        bound = dt.date(int(v), 12, 31)
    return hi is not None and hi <= bound


def _holds(atom: Atom, ev: Evidence) -> bool:
    got = _ctx_holds(atom, ev.window) if atom.name == "ctx" else atom.name in ev.atoms
    return got != atom.negated


def score(entry: CatalogueEntry, ev: Evidence) -> int:
    """Atoms of the best satisfied cue alternative (0: no match or ruled out)."""
    lo, hi = ev.window
    if entry.not_before is not None and hi is not None and hi < entry.not_before:
        return 0  # the article predates the agreement
    if ev.stated is not None and entry.date is not None:
        y, m = ev.stated
        if y != entry.date.year or (m is not None and abs(m - entry.date.month) > 1):
            return 0
    best = 0
    for alt in entry.cues:
        if all(_holds(a, ev) for a in alt):
            best = max(best, sum(1 for a in alt if not a.negated))
    if entry.date is not None and _same_day(entry.date, ev.atoms):
        # the agreement's own day written with it, and something else of it (a party, or a topic of its cues)
        cue_atoms = {a.name for alt in entry.cues for a in alt if not a.negated and a.name.startswith("topic:")}
        if ev.atoms & ({f"party:{p}" for p in entry.parties} | cue_atoms):
            best = max(best, 3)
    return best


def _same_day(day: dt.date, atoms: set[str]) -> bool:
    """A "day:YYYY-MM-DD" atom within a day of `day` (signed one day, in force the next)."""
    for a in atoms:
        if a.startswith("day:"):
            try:
                if abs((dt.date.fromisoformat(a[4:]) - day).days) <= 1:
                    return True
            except ValueError:
                continue
    return False


def identify(ev: Evidence, entries: tuple[CatalogueEntry, ...] | None = None) -> CatalogueEntry | None:
    """The catalogue entry the evidence points to, or None (nothing, or a tie)."""
    scored = sorted(((score(e, ev), e) for e in (entries or load_catalogue())), key=lambda x: -x[0])
    if not scored or scored[0][0] == 0:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]
