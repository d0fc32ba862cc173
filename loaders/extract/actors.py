"""Extraction component `actors`: entities, their mentions, and positions held.

Reads only body sentences (`doc.ex.sentences`); fills `doc.ex.entities`
(key -> Entity), `doc.ex.mentions` and `doc.ex.positions`.

How a sentence is read (left to right, first rule that applies wins):

1. **Titles** (`positions.tsv`): `Tổng thống Thổ Nhĩ Kỳ Tayyip Erdogan`,
   `Ngoại trưởng nước này Sergei Lavrov` (country = the last one mentioned),
   `Đại sứ Mỹ tại Liên Hợp Quốc Nikki Haley`, `Đặc phái viên LHQ về vấn đề
   Syria, ông Staffan de Mistura`, `phái đoàn Thổ Nhĩ Kỳ do Ngoại trưởng X`
   (country of the delegation).  A title with a scope and a name makes a
   `PositionHolding` (span = title..name); a title with a name but no scope
   borrows the scope from the same person's other statements in the article;
   a title without a name is a role anaphor (`Ngoại trưởng Nga nói` -> the
   Russian foreign minister met before).  `hai ngoại trưởng` -> the two most
   recent foreign ministers.  `cựu`/`nguyên` (former) titles make no holding.
2. **Counterparts**: `người đồng cấp/đồng nhiệm <Country> [,ông] <Name>`: the
   office of the titled person nearest in the sentence (before, else after,
   else earlier in the article), for the other country.  Without a name, the
   known holder of that office (how="counterpart").
3. **Role nouns**: `nhà lãnh đạo Nga` -> the Russian leader met before;
   `người đứng đầu Bộ Ngoại giao Nga` -> Russia's foreign minister; `hai nhà
   lãnh đạo`, `hai bên`, `hai nước`, `hai nhà ngoại giao` -> the two referents
   most recently named together (else the two latest persons/countries): one
   Mention per referent, same span, how="anaphor".
4. **Honorifics and person cues**: `ông/bà/ngài`, ranks (`Tướng`, `Đại tá`),
   `chuyên gia`, `nhà nghiên cứu`...: the following name is a person; a bare
   `ông`/`bà` is a pronoun for the latest person (how="anaphor").
   `nước này`/`quốc gia này` -> the latest country (how="anaphor").
5. **Place classifiers**: `tỉnh X` -> the governorate, `thành phố/thủ đô/thị
   trấn X` -> the settlement, distributed over lists (`các tỉnh Daraa, Homs
   và Latakia`).  A bare name the gazetteer gives to neither the city nor the
   governorate (`Idlib`) resolves to the governorate — the containing unit,
   true whichever is meant — unless the article names the city
   (`thành phố Idlib`) and never the province, then to the city.  Unknown
   provinces get the key `tinh-<slug>`; the bare name follows the same rule.
6. **Organisations**: country institutions (`Bộ Quốc phòng <C>` ->
   `<c>_mod`, `Bộ Ngoại giao <C>` -> `<c>_mfa`, `Quân đội <C>`), title-case
   names after a head word (`Tổ chức Giám sát Nhân quyền Syria`), and any
   `Full Name (ACR)`: ACR then names the same entity for the rest of the
   article (how="acronym").
7. **Gazetteer** surface forms (longest match).  A one-syllable Vietnamese
   country name glued to other capitalised Vietnamese syllables (`Lê Tuấn
   Anh`, `Vũ Anh Tuấn`) is part of a person's name, not the country.
   **Capitals** (`metonyms.tsv`): after a locative word (`tại, ở, tới,
   thăm...`) or an event noun (`hòa đàm Geneva`) only the city; otherwise the
   capital acts for its government and gets two mentions at the same span: the
   country (how="metonym", first) and the city (how="name").  **Seats**
   (`Điện Kremlin`, `Nhà Trắng`, `Lầu Năm Góc`) only ever mention the
   government they stand for (how="metonym").
8. **Other capitalised names** (foreign-looking words, hyphenated
   transliterations, acronyms): typed by the words around them (`tờ`, `hãng
   tin`, `nhóm` -> organisation; `tại`, `thị trấn` -> place; `, một chuyên
   gia` -> person; `... đưa tin` -> organisation); a name of two or three
   foreign words with no cue is taken for a person unless it contains an
   organisation word (`News`, `Journal`, `Agency`...).  Runs of Vietnamese
   syllables are names only with an explicit cue (sentence starts, bylines
   and headings are capitalised too).  New names get `key = slug(name)`,
   `in_gazetteer=False`, and are never linked.

8b. A bare foreign name of two to four words with no cue is a person only if it
   starts with a common given name (`names.GIVEN_NAMES`) or a verb of saying
   follows ("X cho biết"); a name met before in the article keeps its entity.

What consumers get (`Mention.how`):

* `name` / `alias` / `acronym`: the text names the entity (gazetteer form, an
  extra form from aliases.tsv, an acronym).
* `title`: a country or organisation that only qualifies an office (`Nga` in
  `Ngoại trưởng Nga Sergei Lavrov`, `LHQ` in `Tổng thư ký LHQ`): the actor there
  is the person, not the country.
* `metonym`: a capital or seat of power standing for a government (`Moskva`,
  `Điện Kremlin`, `Lầu Năm Góc`).  A capital acting as a party has two mentions
  at the same span, the government first (how="metonym") and the city
  (how="name"): take the non-place one for actors, the place for places.
* `anaphor`: `nước này`, `ông`, `Nhà lãnh đạo Nga`, `Ngoại trưởng Nga` (no
  name), `hai bên`/`hai nước`/`hai nhà lãnh đạo` (one mention per referent,
  same span).
* `counterpart`: `người đồng cấp Mỹ` without a name, resolved to the holder.

Mentions are never nested inside another mention except title scopes inside a
role anaphor.  Only body sentences are read: captions, furniture and appended
articles never produce mentions.  Entities without a mention are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.coref import Discourse, Held, Pair, People, Seen
from syriakg.loaders.extract.gazetteer import Gazetteer, PlaceName, get_gazetteer
from syriakg.loaders.extract.names import (
    GIVEN_NAMES,
    NAME_PARTICLES,
    VIET_SURNAMES,
    Tok,
    is_acronym,
    is_cap,
    is_viet_syllable,
    norm,
    slug,
    tokenize,
)
from syriakg.loaders.extract.positions import Offices, get_offices, make_position
from syriakg.loaders.model import Entity, Extraction, Mention, PositionHolding, Sentence, Span

__all__ = ["component", "extract_actors"]


class Phrases:
    """A set of token-key tuples, indexed by first and last key for fast lookup at a position."""

    __slots__ = ("all", "first", "last")

    def __init__(self, items: set[tuple[str, ...]]) -> None:
        self.all = frozenset(items)
        self.first: dict[str, list[tuple[str, ...]]] = {}
        self.last: dict[str, list[tuple[str, ...]]] = {}
        for t in sorted(items, key=len, reverse=True):
            self.first.setdefault(t[0], []).append(t)
            self.last.setdefault(t[-1], []).append(t)

    def __contains__(self, t: object) -> bool:
        return t in self.all

    def __or__(self, other: Phrases) -> Phrases:
        return Phrases(set(self.all) | set(other.all))

    def __iter__(self):  # noqa: ANN204
        return iter(self.all)


def _kt(*phrases: str) -> Phrases:
    return Phrases({tuple(norm(t.text) for t in tokenize(p)) for p in phrases})


def _words(s: str) -> frozenset[str]:
    return frozenset(norm(w) for w in s.split())


# --- vocabulary ------------------------------------------------------------------
HONORIFICS = _words("ông bà ngài")
PERSON_CUES = _kt(
    "tướng", "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "chuẩn tướng", "đại tá", "thượng tá",
    "trung tá", "thiếu tá", "đại úy", "đô đốc", "phó đô đốc", "thống chế", "bộ trưởng", "thứ trưởng",
    "chuyên gia", "nhà nghiên cứu", "học giả", "nhà báo", "phóng viên", "nhà đàm phán", "quan chức",
    "nhà ngoại giao", "thủ lĩnh", "giáo sư", "tiến sĩ", "tiến sỹ", "nhà phân tích", "nhà bình luận",
    "cố vấn", "trợ lý", "người phát ngôn", "phát ngôn viên", "đại diện", "chỉ huy", "tư lệnh", "sĩ quan",
    "phi công", "nhà hoạt động", "nhà sử học", "nhà văn", "luật sư", "bác sĩ", "linh mục", "giáo sĩ",
    "thị trưởng", "thống đốc", "tỉnh trưởng", "chủ tịch", "giám đốc", "tổng giám đốc", "ứng viên",
    "ứng cử viên", "lãnh đạo", "nhà lãnh đạo", "người đứng đầu", "vị", "cựu", "anh", "chị",
    "HLV", "huấn luyện viên", "TS", "ThS", "PGS", "GS", "BS", "KS", "NSND", "NSƯT", "ca sĩ", "diễn viên",
    "cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn", "vận động viên", "VĐV", "nhà thơ", "đạo diễn",
    "nhạc sĩ", "người mẫu", "hoa hậu", "thẩm phán", "công tố viên", "tổng biên tập", "phó giám đốc",
)
BRANCH_WORDS = _kt("lục quân", "không quân", "hải quân", "thủy quân lục chiến", "lục chiến", "quân đội")
MEDIA_CUES = _kt("hãng tin", "hãng thông tấn", "thông tấn xã", "tờ", "tờ báo", "báo", "nhật báo", "tạp chí", "kênh",
                 "kênh truyền hình", "đài", "đài truyền hình", "truyền hình", "trang", "trang tin", "hãng")
PERSON_NOUNS_AFTER = _kt(
    "chuyên gia", "học giả", "nhà nghiên cứu", "quan chức", "nhà ngoại giao", "nhà báo", "phóng viên",
    "cố vấn", "người phát ngôn", "thành viên", "nhà phân tích", "giáo sư", "tiến sĩ", "chỉ huy", "tư lệnh",
    "thủ lĩnh", "lãnh đạo", "nhà lãnh đạo", "người đứng đầu", "đặc phái viên", "đại sứ", "nghị sĩ",
    "thượng nghị sĩ", "cựu", "ông", "bà",
)
ORG_CUES = _kt(
    "hãng tin", "hãng thông tấn", "thông tấn xã", "hãng", "tờ", "tờ báo", "báo", "nhật báo", "tạp chí", "kênh",
    "kênh truyền hình", "đài", "đài truyền hình", "truyền hình", "trang", "trang tin", "mạng", "tổ chức", "nhóm",
    "lực lượng", "mặt trận", "phong trào", "liên minh", "công ty", "tập đoàn", "cơ quan", "đảng", "viện",
    "trung tâm", "ủy ban", "hội đồng", "quỹ", "ngân hàng", "lữ đoàn", "sư đoàn", "tiểu đoàn", "quân đoàn",
    "hạm đội", "hiệp hội", "liên đoàn", "tổ chức khủng bố", "nhóm khủng bố", "nhóm phiến quân", "nhóm vũ trang",
    "tổ chức phi chính phủ", "hãng tin tức", "nhóm nổi dậy", "dân quân", "phe", "hãng hàng không",
)
ORG_HEADS = _kt(
    "bộ", "ủy ban", "tổ chức", "lực lượng", "các lực lượng", "mặt trận", "hội đồng", "viện", "trung tâm",
    "đại học", "đảng", "liên minh", "phong trào", "cơ quan", "văn phòng", "tòa án", "quỹ", "ngân hàng",
    "tập đoàn", "công ty", "hãng", "đài", "hạm đội", "bộ chỉ huy", "bộ tư lệnh", "quân đoàn", "sư đoàn",
    "lữ đoàn", "hiệp hội", "liên đoàn", "nhóm", "đơn vị", "các đơn vị", "ban", "cục", "tổng cục", "sở",
    "học viện", "viện kiểm sát", "bệnh viện", "phòng",
    "quân đội", "liên quân", "viện nghiên cứu",
)
INSTITUTIONS: dict[tuple[str, ...], tuple[str, str]] = {
    k: v for ks, v in (
        (_kt("bộ ngoại giao"), ("mfa", "Ministry of Foreign Affairs of {c}")),
        (_kt("bộ quốc phòng"), ("mod", "Ministry of Defence of {c}")),
        (_kt("bộ nội vụ"), ("interior_ministry", "Ministry of the Interior of {c}")),
        (_kt("bộ tài chính"), ("finance_ministry", "Ministry of Finance of {c}")),
        (_kt("bộ tư pháp"), ("justice_ministry", "Ministry of Justice of {c}")),
        (_kt("bộ năng lượng"), ("energy_ministry", "Ministry of Energy of {c}")),
        (_kt("bộ y tế"), ("health_ministry", "Ministry of Health of {c}")),
        (_kt("quân đội"), ("armed_forces", "Armed Forces of {c}")),
        (_kt("không quân"), ("air_force", "Air Force of {c}")),
        (_kt("hải quân"), ("navy", "Navy of {c}")),
        (_kt("quốc hội"), ("parliament", "Parliament of {c}")),
        (_kt("tình báo"), ("intelligence", "Intelligence service of {c}")),
    ) for k in ks
}
_INSTITUTION_PHRASES = Phrases(set(INSTITUTIONS))
PROVINCE_CLS = _kt("tỉnh", "các tỉnh")
SETTLEMENT_CLS = _kt("thành phố", "các thành phố", "thủ đô", "thị trấn", "các thị trấn", "thị xã", "làng",
                     "ngôi làng", "các làng", "khu phố", "huyện", "quận", "TP", "TP.", "Tp.", "thành phố Tp")
REGION_CLS = _kt("khu vực", "vùng", "cao nguyên", "thung lũng", "sông", "dòng sông", "căn cứ", "căn cứ không quân",
                 "sân bay", "cảng", "eo biển", "đảo", "bán đảo", "ngoại ô", "vùng ngoại ô", "khu", "sa mạc",
                 "núi", "dãy núi", "trại tị nạn", "trại")
_ALL_PLACE_CLS = PROVINCE_CLS | SETTLEMENT_CLS | REGION_CLS
_REGION_SETTLEMENT_CLS = REGION_CLS | SETTLEMENT_CLS
SPEECH_AFTER = _kt(
    "nói", "cho biết", "khẳng định", "tuyên bố", "nhấn mạnh", "cho rằng", "phát biểu", "bày tỏ", "kêu gọi",
    "bác bỏ", "thông báo", "xác nhận", "cảnh báo", "chỉ trích", "lên án", "nhận định", "tiết lộ", "viết",
    "trả lời", "đề nghị", "yêu cầu", "cam kết", "phủ nhận", "thừa nhận", "giải thích", "lưu ý", "chia sẻ",
    "cáo buộc", "hối thúc", "đánh giá", "nhận xét", "khuyến cáo",
)
SPEECH_FILLERS = _words("cũng đã vừa còn thì hôm ngày sau trước khi đều lại từng")
# lower-case syllables that end a title-case name rather than continue its last word
NAME_STOP_LOWER = _words(
    "và cho đã sẽ là của có được đang vừa cũng tại ở với để về trong thì mà nói từ khi nếu do bị đến tới "
    "ngày hôm năm tháng vào ra lên theo như này đó các những một hai ba không chưa rằng vẫn còn rất nên "
    "phải sau trước giữa cùng bằng nhưng hay hoặc thuộc gồm làm đưa nhằm trên dưới qua ngoài bởi tiếp "
    "khẳng cho biết thông tuyên yêu kêu đề xác phát"
)
LOCATIVES = _words("tại ở đến tới thăm từ sang rời khỏi quanh gần về vào bay ngoài trong phía tận qua trở")
EVENT_NOUNS = _words("thỏa thuận đàm phán hòa đàm tiến trình quá trình hội nghị họp vòng định dạng hiệp ước "
                     "nghị định thư thượng đỉnh hội đàm cơ chế tuyên bố nhóm công thức khuôn khổ diễn đàn")
DIRECTIONS = _words("bắc nam đông tây trung")
NOT_NAME_START = _words(
    "thứ tháng ngày hôm năm tuần ảnh nguồn theo tại ở với và của các những trong ngoài sau trước khi nếu "
    "phía người nước quân chính phe hai ba cả một mọi toàn video clip infographic chú thích đọc xem bình luận "
    "chia sẻ tin bài trang chủ nhật tuy nhưng song vì do nếu dù mặc bên cùng ngay thế vậy như bởi còn riêng đây đó "
    "hiện cũng về vụ cuộc lực đồng mới sáng chiều tối trưa đêm khu vùng miền tuần ả arab kurd sunni shiite shi'ite shia "
    "lúc hiện nay tổng giới dân"
)
ORG_WORDS = frozenset(w.casefold() for w in (
    "News Journal Times Post Agency Press Corps Group Army Forces Force Brigade Front Party Council Institute "
    "University Center Centre Foundation Network TV Radio Tribune Guardian Telegraph Herald Daily Today Media "
    "Company Inc Ltd Corp Bank Airlines Airways Organization Organisation Committee Union League Movement "
    "Association Observatory Watch Monitor Gazette Review Magazine Channel Service Services International "
    "Ministry Office Command Commission Fund Alliance Coalition Jabhat Harakat Hayat Hay'at Jaysh Jaish Liwa Ahrar "
    "Katibat Ansar Hizb Wagner League Cup Games Liga Championship Club FC Open Motors Airlines Group Inc"
).split())
REPORT_VERBS_AFTER = _kt("đưa tin", "dẫn lời", "dẫn nguồn", "trích dẫn", "trích lời", "phát đi", "công bố")
PAIR_ANY = _kt("hai bên", "hai phía", "cả hai bên", "hai đối tác")
PAIR_COUNTRY = _kt("hai nước", "hai quốc gia", "cả hai nước", "hai chính phủ")
PAIR_PERSON = _kt("hai nhà lãnh đạo", "hai lãnh đạo", "hai nhà ngoại giao", "hai ông", "hai vị", "hai người",
                  "hai bộ trưởng", "hai quan chức", "hai nguyên thủ")
LEADER_NOUNS = _kt("nhà lãnh đạo", "lãnh đạo", "người đứng đầu", "nguyên thủ")
COUNTERPART = _kt("người đồng cấp", "người đồng nhiệm", "người tương nhiệm", "đồng nhiệm", "đồng cấp")
THIS_COUNTRY = _kt("nước này", "quốc gia này", "đất nước này", "nước đó", "quốc gia đó")
FORMER = _words("cựu nguyên")
NO_ROLE_ANAPHOR_NEXT = _words("thời khi lúc đầu tiếp mới kế tương tiền cũ sắp đương tiếp theo kỳ nhiệm các")
_PAIR_COUNTRY_ANY = PAIR_COUNTRY | PAIR_ANY
CONNECTORS = _words("và , với cùng - – hoặc cũng như")
STARTERS = frozenset('“"‘\'([:;…-–—.!?«')

_ACR_DEF_MAX = 12


@dataclass(slots=True)
class _Item:
    """A mention-like thing of one sentence, kept for pair detection."""

    tb: int
    te: int
    key: str
    kind: str
    how: str


class _Reader:
    """Reads one article."""

    def __init__(self, ex: Extraction, gaz: Gazetteer, offs: Offices) -> None:
        self.ex = ex
        self.gaz = gaz
        self.offs = offs
        self.people = People(gaz)
        self.dis = Discourse()
        self.acronyms: dict[str, str] = {}
        self.org_country: dict[str, str] = {}  # derived institutions (israel_mod) -> their country
        self.holdings: dict[tuple[str, str], PositionHolding] = {}
        self.pending: list[tuple[str, str, int]] = []  # (person, office, sentence) titles without scope
        self.named_province: set[str] = set()
        self.named_settlement: set[str] = set()
        self.group_of = {o.id: o.group for o in offs.offices.values()}

    # ------------------------------------------------------------------ entry
    def run(self) -> None:
        self._prescan()
        for s in self.ex.sentences:
            if s.kind != "body":
                continue
            self._sentence(s)
        self._finish()

    def _prescan(self) -> None:
        pat = re.compile(r"(?i)\b(tỉnh|thành phố|thủ đô|thị trấn)\s+([\w'’-]+)")
        for s in self.ex.sentences:
            for m in pat.finditer(s.text):
                name = norm(m.group(2))
                if norm(m.group(1)) == norm("tỉnh"):
                    self.named_province.add(name)
                else:
                    self.named_settlement.add(name)

    # ------------------------------------------------------------- sentence
    def _sentence(self, s: Sentence) -> None:
        self.s = s
        self.toks: list[Tok] = tokenize(s.text, s.begin)
        self.keys: list[str] = [t.key for t in self.toks]
        self.items: list[_Item] = []
        self.skippable: set[int] = set()  # token indexes inside title phrases (for pair detection)
        self.titled: list[tuple[int, str, str | None, str]] = []  # (token idx, person, scope, office)
        self.counterparts: list[tuple[int, int, str | None, tuple | None, int, int]] = []
        self._paired: set[tuple[int, int]] = set()
        n = len(self.toks)
        toks = self.toks
        triggers = self._triggers()
        i = 0
        while i < n:
            t = toks[i]
            if not (t.word and (t.text[0].isupper() or t.key in triggers)):
                i += 1  # a lower-case word that starts nothing we read
                continue
            j = (self._title(i) or self._counterpart(i) or self._role_noun(i) or self._honorific(i)
                 or self._this_country(i) or self._classifier(i) or self._org(i) or self._gaz(i) or self._run(i))
            i = j if j and j > i else i + 1
        self._resolve_counterparts()
        self._pairs()

    _TRIGGERS: frozenset[str] | None = None

    def _triggers(self) -> frozenset[str]:
        """Lower-case keys that may start something (titles, cues, classifiers, gazetteer forms)."""
        t = _Reader._TRIGGERS
        if t is None or _Reader._TRIGGER_GAZ is not self.gaz:
            keys: set[str] = set(self.gaz.index) | set(self.offs.index) | set(HONORIFICS) | {"al", "el"}
            for ph in (COUNTERPART, PAIR_ANY, PAIR_COUNTRY, PAIR_PERSON, LEADER_NOUNS, THIS_COUNTRY, PERSON_CUES,
                       PROVINCE_CLS, SETTLEMENT_CLS, REGION_CLS, ORG_HEADS, _INSTITUTION_PHRASES):
                keys |= set(ph.first)
            t = _Reader._TRIGGERS = frozenset(keys)
            _Reader._TRIGGER_GAZ = self.gaz
        return t

    _TRIGGER_GAZ: Gazetteer | None = None

    def _order(self, ti: int) -> tuple[int, int]:
        return (self.s.index, self.toks[ti].begin if ti < len(self.toks) else self.s.end)

    def _is_start(self, i: int) -> bool:
        if i == 0:
            return True
        p = self.toks[i - 1]
        return p.text in STARTERS

    def _cap(self, i: int) -> bool:
        return i < len(self.toks) and self.toks[i].word and is_cap(self.toks[i].text)

    def _key_at(self, i: int, phrases: Phrases, maxlen: int = 4) -> int:
        """Length of the longest phrase of `phrases` starting at token i (0 if none)."""
        keys = self.keys
        if i >= len(keys) or i < 0:
            return 0
        cands = phrases.first.get(keys[i])
        if not cands:
            return 0
        for t in cands:
            L = len(t)
            if L <= maxlen and i + L <= len(keys) and tuple(keys[i:i + L]) == t:
                return L
        return 0

    def _key_before(self, i: int, phrases: Phrases, maxlen: int = 4) -> int:
        """Length of the longest phrase of `phrases` ending just before token i (0 if none)."""
        keys = self.keys
        if i <= 0 or i > len(keys):
            return 0
        cands = phrases.last.get(keys[i - 1])
        if not cands:
            return 0
        for t in cands:
            L = len(t)
            if L <= maxlen and i - L >= 0 and tuple(keys[i - L:i]) == t:
                return L
        return 0

    # ------------------------------------------------------------- emitting
    def _entity(self, key: str, kind: str, label_vi: str, label_en: str | None = None) -> str:
        ents = self.ex.entities
        if key in ents:
            e = ents[key]
            if not e.in_gazetteer and e.kind == "person" and len(label_vi) > len(e.label_vi):
                e.label_vi = label_vi
            return key
        g = self.gaz.entities.get(key)
        if g is not None:
            ents[key] = Entity(key, g.kind, g.label_vi, g.label_en, g.qid, (), True)  # type: ignore[arg-type]
        else:
            ents[key] = Entity(key, kind, label_vi, label_en, None, (), False)  # type: ignore[arg-type]
        return key

    def _new_key(self, name: str, kind: str) -> str:
        if kind in ("place", "organization"):  # "al-Tanf" and "Tanf" are one place
            name = re.sub(r"^(?:[Aa]l|[Ee]l)[-\s]+(?=\w)", "", name)
        k = slug(name)
        g = self.gaz.entities.get(k)
        if g is not None and g.kind != kind:
            k = f"{k}-{kind}"
        e = self.ex.entities.get(k)
        if e is not None and e.kind != kind:
            k = f"{k}-{kind}"
        return k

    def _emit(self, tb: int, te: int, key: str, how: str, track: bool = True) -> None:
        t0, t1 = self.toks[tb], self.toks[te - 1]
        text = self.s.text[t0.begin - self.s.begin:t1.end - self.s.begin]
        self.ex.mentions.append(Mention(t0.begin, t1.end, text, key, self.s.index, how))
        kind = self.ex.entities[key].kind
        if track:
            self.dis.seen.append(Seen((self.s.index, t0.begin), key, kind, how))
            self.items.append(_Item(tb, te, key, kind, how))
        if kind == "person":
            self.people.touch(key)

    def _text(self, tb: int, te: int) -> str:
        t0, t1 = self.toks[tb], self.toks[te - 1]
        return self.s.text[t0.begin - self.s.begin:t1.end - self.s.begin]

    def _hold(self, person: str, pos_office: str, scope: str | None, position, tb: int, te: int) -> None:
        if position is not None:
            hk = (person, position.key)
            h = self.holdings.get(hk)
            span = Span(self.toks[tb].begin, self.toks[te - 1].end)
            if h is None:
                self.holdings[hk] = PositionHolding(person, position, [self.s.index], span)
            elif self.s.index not in h.evidence:
                h.evidence.append(self.s.index)
        self.dis.held.append(Held(person, pos_office, scope, position.key if position else None, self._order(tb)))
        self.titled.append((tb, person, scope, pos_office))

    # ------------------------------------------------------------- names
    def _name_end(self, j: int, allow_viet: bool = True, max_words: int = 6) -> int:
        """End (exclusive) of the capitalised name run starting at token j (j itself if none)."""
        toks, n = self.toks, len(self.toks)
        k = j
        words = 0
        while k < n and words < max_words:
            t = toks[k]
            if t.word and any(c.isdigit() for c in t.text):
                return j if k == j else (k if not toks[k - 1].text == "-" else k - 1)
            if t.word and is_cap(t.text):
                if k > j and t.space and t.key in NOT_NAME_START and t.key not in DIRECTIONS and \
                        not self._all_viet(j, k):
                    break  # a glued next sentence: "Bashar al-Assad Tuy nhiên ..."
                if k > j and t.space and self.offs.match(toks, k) is not None:
                    break
                if k > j and t.key in VIET_SURNAMES and not self._all_viet(j, k) and self._cap(k + 1) and \
                        self._all_viet(k, k + 2):
                    break  # "TP HCM Đinh La Thăng": a Vietnamese person's name starts here
                if k > j and t.space and not self._all_viet(j, k):
                    g = self.gaz.match(toks, k, kinds={"country", "place"})
                    if g is not None:
                        break
                if not allow_viet and is_viet_syllable(t.text) and not self._tight_next(k):
                    break
                k += 1
                words += 1
                # initial: "H. McMaster"
                if len(t.text) == 1 and k < n and toks[k].text == "." and not toks[k].space and k + 1 < n \
                        and self._cap(k + 1):
                    k += 1
                continue
            if t.word and t.key in NAME_PARTICLES:
                # particle inside/at the start of a foreign name: "de Mistura", "al-Assad"
                if k + 1 < n and toks[k + 1].text == "-" and not toks[k + 1].space and k + 2 < n and \
                        toks[k + 2].word and not toks[k + 2].space:
                    k += 3
                    words += 1
                    continue
                m = k
                while m < n and toks[m].word and toks[m].key in NAME_PARTICLES and m - k < 3:
                    m += 1
                if k > j and m < n and self._cap(m) and not is_viet_syllable(toks[m].text):
                    k = m
                    continue
                break
            if t.text in "-‐" and not t.space and k > j and k + 1 < n and toks[k + 1].word and \
                    not toks[k + 1].space and any(c.isdigit() for c in toks[k + 1].text):
                return j  # a model designation ("Su-24", "F-16"), not a name
            if t.text in "-‐" and not t.space and k > j and k + 1 < n and toks[k + 1].word and \
                    not toks[k + 1].space:
                k += 2  # "Jean-Marc", "Ki-moon", "Hàng không-Vũ trụ"
                continue
            break
        return k

    def _tight_next(self, k: int) -> bool:
        return k + 1 < len(self.toks) and self.toks[k + 1].text == "-" and not self.toks[k + 1].space

    def _all_viet(self, tb: int, te: int) -> bool:
        return all(not t.word or is_viet_syllable(t.text) for t in self.toks[tb:te]) and \
            not any(t.text == "-" for t in self.toks[tb:te])

    def _person_ok(self, tb: int, te: int) -> bool:
        """A person's name has no acronym (`UBND`, `NĐ-CP`) and no digit."""
        words = [t for t in self.toks[tb:te] if t.word]
        if not words or all(len(t.text) == 1 for t in words):
            return False
        for t in words:
            if len(t.text) >= 2 and is_acronym(t.text) or any(c.isdigit() for c in t.text):
                return False
        return True

    def _person(self, tb: int, te: int, how: str = "name") -> str | None:
        if not self._person_ok(tb, te):
            return None
        name = self._text(tb, te)
        key = self.people.find(name)
        if key is None:
            g = self.gaz.match(self.toks, tb, kinds={"person"})
            if g is not None and g.key and tb + len(g.toks) == te:
                key = g.key
        if key is None:
            key = self._new_key(name, "person")
        self._entity(key, "person", name)
        self.people.add(key, name)
        self._emit(tb, te, key, how)
        return key

    # ------------------------------------------------------------- scope parsing
    def _scope(self, j: int) -> tuple[str, int, int] | None:
        """A country/organisation naming whose office it is, at token j: (key, tb, te)."""
        if j >= len(self.toks):
            return None
        L = self._key_at(j, THIS_COUNTRY, 3)
        if L:
            c = self.dis.last({"country"}, self._order(j))
            return (c, j, j + L) if c else None
        inst = self._institution(j)
        if inst is not None:
            return inst
        if j + 2 < len(self.toks) and self.toks[j].word and self.toks[j].text in self.acronyms:
            return self.acronyms[self.toks[j].text], j, j + 1
        s = self.gaz.match(self.toks, j, kinds={"country", "organization"})
        if s is not None and s.key is not None:
            if s.viet_single and self._viet_name_veto(j, 1):
                return None
            self._entity(s.key, "", "")
            return s.key, j, j + len(s.toks)
        if self.toks[j].word and self.toks[j].text in self.acronyms:
            return self.acronyms[self.toks[j].text], j, j + 1
        return None

    def _country_scope(self, j: int) -> tuple[str, int, int] | None:
        sc = self._scope(j)
        if sc is None:
            return None
        if self.ex.entities[sc[0]].kind != "country":
            return None
        return sc

    def _institution(self, j: int) -> tuple[str, int, int] | None:
        """`Bộ Quốc phòng Israel` -> israel_mod (a gazetteer form wins when it matches)."""
        L = self._key_at(j, _INSTITUTION_PHRASES, 3)
        if not L:
            return None
        g = self.gaz.match(self.toks, j, kinds={"organization"})
        if g is not None and g.key is not None:
            self._entity(g.key, "", "")
            return g.key, j, j + len(g.toks)
        if not (self._cap(j) or self._cap(j + 1)):
            return None
        c = self._country_after(j + L)
        if c is None:
            return None
        ckey, ce = c
        suffix, tmpl = INSTITUTIONS[tuple(t.key for t in self.toks[j:j + L])]
        key = f"{ckey}_{suffix}"
        self.org_country[key] = ckey
        country = self.ex.entities[ckey]
        label_vi = f"{self._text(j, j + L)} {country.label_vi}"
        self._entity(key, "organization", label_vi, tmpl.format(c=country.label_en or country.label_vi))
        return key, j, ce

    def _country_after(self, j: int) -> tuple[str, int] | None:
        if j >= len(self.toks):
            return None
        L = self._key_at(j, THIS_COUNTRY, 3)
        if L:
            c = self.dis.last({"country"}, self._order(j))
            return (c, j + L) if c else None
        s = self.gaz.match(self.toks, j, kinds={"country"})
        if s is None or s.key is None:
            return None
        self._entity(s.key, "", "")
        return s.key, j + len(s.toks)

    def _skip_paren_acronym(self, j: int, key: str) -> int:
        """After a name: `(ACR)` defines ACR for `key`; emit it and return the index after `)`."""
        toks = self.toks
        if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 1].word and is_acronym(toks[j + 1].text) \
                and toks[j + 2].text in (")", "-", "–", ","):
            acr = toks[j + 1].text
            g = self.gaz.match(toks, j + 1)
            if g is not None and g.key is not None and g.key != key and g.key in self.gaz.entities:
                return j  # the acronym names something else in the gazetteer: not a definition
            self.acronyms.setdefault(acr, key)
            self._emit(j + 1, j + 2, key, "acronym", track=False)
            return j + 3 if toks[j + 2].text == ")" else j + 2
        return j

    # ------------------------------------------------------------- 1. titles
    def _title(self, i: int) -> int | None:
        m = self.offs.match(self.toks, i)
        if m is None:
            return None
        office, L = m
        toks = self.toks
        prev = toks[i - 1].key if i > 0 else ""
        if prev in ("các", "những", "nhiều", "mọi", "từng"):
            return i + L
        if prev == "hai":
            return self._pair_anaphor(i - 1, i + L, "office", office)
        former = prev in FORMER
        j = i + L
        scope = None
        target = None
        topic = None
        if j < len(toks) and toks[j].key == "của":
            sc = self._scope(j + 1)
            if sc is not None:
                scope, j = sc, sc[2]
        else:
            sc = self._scope(j)
            if sc is not None:
                scope, j = sc, sc[2]
        if scope is not None:
            j = self._skip_paren_acronym(j, scope[0])
        # "hai nước" after a title: "ngoại trưởng hai nước" = the two office holders
        L2 = self._key_at(j, _PAIR_COUNTRY_ANY, 3)
        if scope is None and L2:
            return self._pair_anaphor(i, j + L2, "office", office)
        # target (ambassadors, representatives): "tại <X>"
        if j < len(toks) and toks[j].key == "tại" and office in ("ambassador", "permanent_representative"):
            sc = self._scope(j + 1)
            if sc is not None:
                target, j = sc, sc[2]
                j = self._skip_paren_acronym(j, target[0])
        # topic (envoys): "về (vấn đề|tình hình) X", "phụ trách (vấn đề) X", "tại X"
        if office in ("special_envoy", "deputy_special_envoy") and j < len(toks):
            k = j
            if toks[k].key in ("về", "phụ", "tại"):
                k += 2 if toks[k].key == "phụ" else 1
                if k < len(toks) and toks[k].key in ("vấn", "tình"):
                    k += 2
                sc = self._country_scope(k) if k < len(toks) else None
                if sc is not None:
                    topic, j = sc, sc[2]
            if scope is None and j < len(toks) and toks[j].key == "của":
                sc = self._scope(j + 1)
                if sc is not None:
                    scope, j = sc, sc[2]
                    j = self._skip_paren_acronym(j, scope[0])
        phrase_end = j
        # the name: directly, or after ", (ông|bà)"
        k = j
        complement = prev in ("của", "cho", "giúp")  # "cố vấn của tổng thống Mỹ, ông X": X is the adviser
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].key in HONORIFICS:
            if complement:
                return phrase_end
            k += 2
        elif k < len(toks) and toks[k].key in HONORIFICS and self._cap(k + 1):
            k += 1
        name_end = k
        if k < len(toks) and self._cap(k) and toks[k].key not in NOT_NAME_START and \
                self.gaz.match(toks, k, kinds={"country", "organization", "place"}) is None:
            name_end = self._name_end(k)
        elif k < len(toks) and toks[k].word and toks[k].key in NAME_PARTICLES and toks[k].key in ("al", "el"):
            name_end = self._name_end(k)
        for t in range(i, phrase_end):
            self.skippable.add(t)
        if scope is None and office in ("member_of_parliament", "senator") and name_end == k:
            return None  # plain noun ("các nghị sĩ"), nothing to read
        # scope mentions
        for sc in (scope, target, topic):
            if sc is not None:
                self._emit(sc[1], sc[2], sc[0], "title")
        person = self._person(k, name_end) if name_end > k else None
        if person is not None:
            for t in range(j, k):
                self.skippable.add(t)
            if former:
                return name_end
            if scope is None:
                scope = self._delegation_scope(i)
            if scope is None:
                known = [h for h in self.dis.offices_of(person) if h.office == office and h.scope]
                if known:
                    pos = self._position(office, known[0].scope, None, None)
                    self._hold(person, office, known[0].scope, pos, i, name_end)
                else:
                    self.pending.append((person, office, self.s.index))
                    self.dis.held.append(Held(person, office, None, None, self._order(i)))
                    self.titled.append((i, person, None, office))
                return name_end
            pos = self._position(office, scope[0], target[0] if target else None, topic[0] if topic else None)
            self._hold(person, office, scope[0], pos, i, name_end)
            return name_end
        # no name: an appositive ("X - Ngoại trưởng Thổ Nhĩ Kỳ", "X, đặc phái viên Mỹ ...") or a role anaphor
        if scope is not None and not former:
            ap = self._appositive_holder(i, phrase_end)
            if ap is not None:
                pos = self._position(office, scope[0], target[0] if target else None, topic[0] if topic else None)
                self._hold(ap, office, scope[0], pos, i, phrase_end)
                return phrase_end
        if former or (phrase_end < len(toks) and toks[phrase_end].key in NO_ROLE_ANAPHOR_NEXT):
            return phrase_end
        holder = None
        if scope is not None:
            hs = self.dis.holders(office=office, scope=scope[0])
            holder = hs[0].holder if hs else None
        elif is_cap(toks[i].text) and not self._is_start(i) or (self._is_start(i) and L > 1):
            hs = self.dis.holders(office=office)
            if hs and len({h.holder for h in hs[:3]}) == 1:
                holder = hs[0].holder
        if holder is not None:
            self._emit(i, phrase_end, holder, "anaphor")
        return phrase_end

    def _position(self, office: str, scope: str, target: str | None, topic: str | None):
        # the head of a ministry is its minister
        sc_ent = self.ex.entities[scope]
        tgt = None
        if target:
            te = self.ex.entities[target]
            tgt = (target, te.label_vi, te.label_en)
        top = None
        if topic:
            pe = self.ex.entities[topic]
            top = (topic, pe.label_vi, pe.label_en)
        return make_position(self.offs, self.gaz, office, scope, sc_ent.label_vi, sc_ent.label_en, tgt, top)

    def _delegation_scope(self, i: int) -> tuple[str, int, int] | None:
        """`phái đoàn Thổ Nhĩ Kỳ do Ngoại trưởng X dẫn đầu`: the delegation's country."""
        toks = self.toks
        if i < 2 or toks[i - 1].key != "do":
            return None
        for it in reversed(self.items):
            if it.te == i - 1 and it.kind == "country" and it.tb > 0 and toks[it.tb - 1].key == "đoàn":
                return it.key, it.tb, it.te
        return None

    def _appositive_holder(self, i: int, end: int) -> str | None:
        """`X - Ngoại trưởng Thổ Nhĩ Kỳ`, `X, một đặc phái viên Mỹ, ...`: X holds the office."""
        toks = self.toks
        k = i - 1
        one = k >= 0 and toks[k].key == "một"
        if one:
            k -= 1
        if k < 0:
            return None
        sep = toks[k].text
        # a comma apposition must be closed (", ..., " / end of sentence) or say "một": otherwise the
        # comma may just end a clause ("... của ông Putin, tổng thống Mỹ nói")
        closed = end >= len(toks) or toks[end].text in (",", "-", "–", "—", ")", ".", ";")
        if sep in ("-", "–", "—") or (sep == "," and not is_cap(toks[i].text) and (closed or one)):
            for it in reversed(self.items):
                if it.te == k and it.kind == "person" and it.how == "name":
                    return it.key
        return None

    # ------------------------------------------------------------- 2. counterparts
    def _counterpart(self, i: int) -> int | None:
        L = self._key_at(i, COUNTERPART, 3)
        if not L:
            return None
        toks = self.toks
        j = i + L
        if j + 1 < len(toks) and toks[j].key == "của" and toks[j + 1].key == "mình":
            j += 2
        country = self._country_scope(j)
        if country is not None:
            j = country[2]
        k = j
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].key in HONORIFICS:
            k += 2
        elif k < len(toks) and toks[k].key in HONORIFICS and self._cap(k + 1):
            k += 1
        name_end = k
        if k < len(toks) and self._cap(k) and toks[k].key not in NOT_NAME_START and \
                self.offs.match(toks, k) is None and \
                self.gaz.match(toks, k, kinds={"country", "organization", "place"}) is None:
            name_end = self._name_end(k)
        for t in range(i, k):
            self.skippable.add(t)
        if country is not None:
            self._emit(country[1], country[2], country[0], "title")
        person = self._person(k, name_end) if name_end > k else None
        self.counterparts.append((i, j, person, country, k, name_end))
        return max(name_end, j)

    def _resolve_counterparts(self) -> None:
        for i, j, person, country, _k, name_end in self.counterparts:
            ckey = country[0] if country else None

            def scope_of(p: str, office: str, scope: str | None) -> str | None:
                if scope is not None:
                    return scope
                known = [h for h in self.dis.offices_of(p) if h.office == office and h.scope]
                return known[0].scope if known else None

            # the anchor: a titled person of this sentence (before, else after), a person of this
            # sentence whose office is known, else the latest office holder; never one of `ckey`
            cands: list[tuple[int, str, str | None, str]] = []
            cands += [t for t in reversed(self.titled) if t[0] < i]
            cands += [t for t in self.titled if t[0] > i]
            for it in sorted(self.items, key=lambda it: (it.tb > i, -it.tb if it.tb < i else it.tb)):
                if it.kind == "person":
                    cands += [(it.tb, h.holder, h.scope, h.office) for h in self.dis.offices_of(it.key)]
            cands += [(0, h.holder, h.scope, h.office) for h in self.dis.holders() if h.order < self._order(i)]
            anchor = None
            for c in cands:
                if c[1] == person:
                    continue
                sc = scope_of(c[1], c[3], c[2])
                if ckey is not None and sc == ckey:
                    continue
                anchor = (c[0], c[1], sc, c[3])
                break
            if anchor is None:
                continue
            _, anchor_person, anchor_scope, office = anchor
            if ckey is None or ckey == anchor_scope:
                if person is not None:
                    self.dis.pairs.append(Pair(self._order(i), "person", anchor_person, person))
                continue
            if person is not None:
                pos = self._position(office, ckey, None, None)
                self._hold(person, office, ckey, pos, i, name_end)
                self.dis.pairs.append(Pair(self._order(i), "person", anchor_person, person))
            else:
                hs = self.dis.holders(office=office, scope=ckey)
                if hs:
                    self._emit(i, j, hs[0].holder, "counterpart")
                    self.dis.pairs.append(Pair(self._order(i), "person", anchor_person, hs[0].holder))

    # ------------------------------------------------------------- 3. role nouns and pairs
    def _role_noun(self, i: int) -> int | None:
        toks = self.toks
        for phrases, mode in ((PAIR_PERSON, "person"), (PAIR_COUNTRY, "country"), (PAIR_ANY, "any")):
            L = self._key_at(i, phrases, 4)
            if L:
                return self._pair_anaphor(i, i + L, mode, None)
        L = self._key_at(i, LEADER_NOUNS, 3)
        if not L:
            return None
        if i > 0 and toks[i - 1].key in ("các", "những", "nhiều"):
            return i + L
        j = i + L
        if j < len(toks) and toks[j].key == "của":
            j += 1
        sc = self._scope(j)
        if sc is None:
            return None
        key, sb, se = sc
        # "Nga - Iran", "Nga, Thổ": several countries -> not one leader
        if se < len(toks) and toks[se].text in ("-", "–", ",") and \
                self.gaz.match(toks, se + 1, kinds={"country"}) is not None:
            return None
        self._emit(sb, se, key, "title")
        for t in range(i, se):
            self.skippable.add(t)
        holder = None
        country = self.gaz.country_of_org.get(key) or self.org_country.get(key)
        if country is not None and key.endswith(("_mfa", "_mod")):
            office = "foreign_minister" if key.endswith("_mfa") else "defence_minister"
            hs = self.dis.holders(office=office, scope=country)
            holder = hs[0].holder if hs else None
        elif self.ex.entities[key].kind == "country":
            hs = self.dis.holders(scope=key, group={"leader"}, offices_in_group=self.group_of)
            if not hs:
                hs = self.dis.holders(scope=key)
            holder = hs[0].holder if hs else None
        else:
            hs = self.dis.holders(scope=key)
            holder = hs[0].holder if hs else None
        if holder is not None:
            self._emit(i, se, holder, "anaphor")
        return se

    def _pair_anaphor(self, i: int, e: int, mode: str, office: str | None) -> int:
        """`hai ngoại trưởng`, `hai nhà lãnh đạo`, `hai nước`: one anaphor Mention per referent."""
        before = self._order(i)
        self._pairs(upto=i)
        refs: list[str] = []
        if e < len(self.toks) and self.gaz.match(self.toks, e, kinds={"country"}) is not None:
            # the countries are named right here: "hai nước Mỹ-Nga", "hai nhà lãnh đạo Nga và Thổ Nhĩ Kỳ"
            if mode == "person":
                self._leaders_of_named(i, e)
            return e
        if mode == "office" and office is not None:
            seen: list[str] = []
            group = self.group_of.get(office)
            for h in self.dis.holders(office=office) or []:
                if h.order < before and h.holder not in seen:
                    seen.append(h.holder)
            if len(seen) < 2 and group == "minister":
                for h in self.dis.holders(group={"minister"}, offices_in_group=self.group_of):
                    if h.order < before and h.holder not in seen:
                        seen.append(h.holder)
            refs = seen[:2]
        elif mode == "person":
            p = self.dis.last_pair({"person"}, before, min_sentence=self.s.index - 2)
            if p is not None:
                refs = [p.a, p.b]
            else:
                leaders: list[str] = []
                if any(self.toks[t].key in ("lãnh", "nguyên") for t in range(i, e)):
                    for h in self.dis.holders(group={"leader"}, offices_in_group=self.group_of):
                        if h.order < before and h.holder not in leaders:
                            leaders.append(h.holder)
                refs = leaders[:2] if len(leaders) >= 2 else \
                    self.dis.last_distinct({"person"}, before, 2, min_sentence=self.s.index - 2)
        elif mode == "country":
            p = self.dis.last_pair({"country", "person"}, before, min_sentence=self.s.index - 3)
            if p is not None and p.kind == "person":
                ca = self._country_of_person(p.a)
                cb = self._country_of_person(p.b)
                pc = self.dis.last_pair({"country"}, before, min_sentence=self.s.index - 3)
                if ca and cb and ca != cb:
                    refs = [ca, cb]
                elif pc is not None:
                    refs = [pc.a, pc.b]
            elif p is not None:
                refs = [p.a, p.b]
            if not refs:
                refs = self.dis.last_distinct({"country"}, before, 2, min_sentence=self.s.index - 1,
                                              exclude_how={"title"})
        else:
            p = self.dis.last_pair({"country", "person", "organization"}, before, min_sentence=self.s.index - 3)
            if p is not None:
                refs = [p.a, p.b]
            else:
                refs = self.dis.last_distinct({"person"}, before, 2, min_sentence=self.s.index - 1)
        for t in range(i, e):
            self.skippable.add(t)
        if len(refs) == 2:
            for r in refs:
                self._emit(i, e, r, "anaphor", track=False)
        return e

    def _leaders_of_named(self, i: int, e: int) -> None:
        """`hai nhà lãnh đạo Nga và Thổ Nhĩ Kỳ`: the leaders (met before) of the two countries named next."""
        toks = self.toks
        countries = []
        k = e
        while k < len(toks) and len(countries) < 2:
            g = self.gaz.match(toks, k, kinds={"country"})
            if g is None or g.key is None:
                break
            countries.append(g.key)
            k += len(g.toks)
            if k < len(toks) and toks[k].key in (",", "và", "-", "–"):
                k += 1
        refs = []
        for c in countries:
            hs = self.dis.holders(scope=c, group={"leader"}, offices_in_group=self.group_of) or \
                self.dis.holders(scope=c)
            if hs:
                refs.append(hs[0].holder)
        if len(refs) == 2 and refs[0] != refs[1]:
            for r in refs:
                self._emit(i, e, r, "anaphor", track=False)

    def _country_of_person(self, person: str) -> str | None:
        for h in self.dis.offices_of(person):
            if h.scope and self.ex.entities.get(h.scope) and self.ex.entities[h.scope].kind == "country":
                return h.scope
            c = self.gaz.country_of_org.get(h.scope or "") or self.org_country.get(h.scope or "")
            if c is not None:
                return c
        return None

    # ------------------------------------------------------------- 4. honorifics, pronouns
    def _honorific(self, i: int) -> int | None:
        toks = self.toks
        t = toks[i]
        if t.key in HONORIFICS:
            if is_cap(t.text) and not self._is_start(i) and t.space and self._cap(i - 1):
                return None  # part of a name: "Hai Bà Trưng"
            j = i + 1
            if j < len(toks) and (self._cap(j) or (toks[j].key in ("al", "el", "de") and j + 1 < len(toks))):
                if toks[j].key in NOT_NAME_START or self.offs.match(toks, j) is not None:
                    return None
                if self.gaz.match(toks, j, kinds={"country", "organization", "place"}) is not None:
                    return None
                e = self._name_end(j)
                if e > j:
                    self._person(j, e)
                    return e
            # pronoun "ông"/"bà" ("Theo ông,", "Ông cho biết", "ông ta")
            if j < len(toks) and toks[j].key in ("bà", "ông", "cháu", "con"):
                return j + 1
            if t.key in ("ông", "bà"):
                before = self._order(i)
                p = None
                if i <= 2:  # "Ông cho biết", "Theo ông,": the previous sentence's first person
                    firsts = [x for x in self.dis.seen if x.order[0] == self.s.index - 1 and x.kind == "person"
                              and x.how not in ("anaphor", "counterpart")]
                    p = firsts[0].key if firsts else None
                if p is None:
                    p = self.dis.last({"person"}, before, min_sentence=self.s.index - 2, exclude_how={"anaphor"})
                if p is not None:
                    e = i + 1
                    if e < len(toks) and toks[e].key in ("ta", "này", "ấy"):
                        e += 1
                    self._emit(i, e, p, "anaphor")
                    return e
            return i + 1
        L = self._key_at(i, PERSON_CUES, 3)
        if not L:
            return None
        j = i + L
        while True:  # branch words and a country between a rank and a name
            L2 = self._key_at(j, BRANCH_WORDS, 3)
            if not L2:
                break
            j += L2
        c = self._country_scope(j)
        k = c[2] if c else j
        lower_gap = 0
        while k < len(toks) and toks[k].word and not is_cap(toks[k].text) and lower_gap < 2 and \
                toks[k].key not in NAME_PARTICLES:
            k += 1
            lower_gap += 1
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].key in HONORIFICS:
            k += 2
        if k >= len(toks) or not (self._cap(k) or toks[k].key in ("al", "el")) or toks[k].key in NOT_NAME_START:
            return None
        if self.offs.match(toks, k) is not None or self._key_at(k, ORG_HEADS, 3) or \
                self.gaz.match(toks, k, kinds={"country", "organization", "place"}) is not None:
            return None
        e = self._name_end(k)
        if e <= k:
            return None
        if self._all_viet(k, e) and (lower_gap or e - k < 2):
            return None  # "chuyên gia quân sự Nga" style nouns followed by Vietnamese words: not a name
        if c is not None:
            self._emit(c[1], c[2], c[0], "title")
        self._person(k, e)
        return e

    def _this_country(self, i: int) -> int | None:
        L = self._key_at(i, THIS_COUNTRY, 3)
        if not L:
            return None
        if i > 0 and self.toks[i - 1].key in ("các", "những", "hai", "ba", "bốn", "nhiều"):
            return i + L  # "các nước này": plural
        c = self.dis.last({"country"}, self._order(i), min_sentence=self.s.index - 2)
        if c is not None:
            self._emit(i, i + L, c, "anaphor")
        return i + L

    # ------------------------------------------------------------- 5. place classifiers
    def _classifier(self, i: int) -> int | None:
        L, ptype = 0, ""
        for phrases, kind in ((PROVINCE_CLS, "province"), (SETTLEMENT_CLS, "settlement"), (REGION_CLS, "region")):
            L = self._key_at(i, phrases, 3)
            if L:
                ptype = kind
                break
        if not L:
            return None
        toks = self.toks
        j = i + L
        first = True
        end = None
        while j < len(toks):
            res = self._place_name(j, ptype)
            if res is None:
                break
            key, ne = res
            self._emit(i if first and not toks[i].key == "các" else j, ne, key, "name")
            end = ne
            first = False
            # list: ", X", "và X", "hoặc X"
            k = ne
            if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].key in ("và", "hoặc"):
                k += 1
            if k < len(toks) and toks[k].key in (",", "và", "hoặc") and ptype != "region":
                j = k + 1
                continue
            break
        return end

    def _place_name(self, j: int, ptype: str) -> tuple[str, int] | None:
        toks = self.toks
        if j >= len(toks):
            return None
        s = self.gaz.match(toks, j)
        if s is not None:
            if s.place is None:
                return None  # a country or organisation: not this classifier's name
            return self._place_key(s.place, ptype), j + len(s.toks)
        if not self._cap(j) and not (toks[j].key in ("al", "el") and self._tight_next(j)):
            return None
        if toks[j].key in DIRECTIONS or toks[j].key in NOT_NAME_START:
            return None
        e = self._name_end(j, max_words=4)
        if e <= j:
            return None
        if self.offs.match(toks, j) is not None:
            return None
        name = self._text(j, e)
        if ptype == "province":
            key = self._province_of(None, name)
        else:
            if self._all_viet(j, e) and (e - j == 1 or ptype == "region"):
                return None
            bare = tuple(t.key for t in toks[j:e] if t.word)
            if ptype == "region" and bare and bare[0] in self.named_province:
                key = self._province_of(None, name)
            else:
                key = self._new_key(name, "place")
                self._entity(key, "place", name)
        return key, e

    def _province_of(self, pn: PlaceName | None, name: str) -> str:
        """The province named `name`: the gazetteer's governorate, `<place>_governorate` beside a
        gazetteer place that has none, else `tinh-<slug>`."""
        if pn is not None and pn.province:
            key = pn.province
            self._entity(key, "place", "tỉnh " + name)
            return key
        base = (pn.settlement or pn.default) if pn is not None else None
        if base is not None and base in self.gaz.entities:
            key = f"{base}_governorate"
            g = self.gaz.entities[base]
            bare = g.label_vi.split(" ", 1)[1] if g.label_vi.split(" ", 1)[0].lower() in (
                "thành", "thủ", "thị") and " " in g.label_vi else g.label_vi
            if g.label_vi.lower().startswith(("thành phố ", "thủ đô ", "thị trấn ")):
                bare = g.label_vi.split(" ", 2)[2]
            self._entity(key, "place", "tỉnh " + bare, f"{g.label_en} (province)" if g.label_en else None)
            return key
        key = "tinh-" + slug(name)
        self._entity(key, "place", "tỉnh " + name)
        return key

    def _place_key(self, pn: PlaceName, ptype: str) -> str:
        if ptype == "province":
            return self._province_of(pn, pn.name)
        elif ptype == "settlement":
            key = pn.settlement or pn.default
        else:
            key = self._bare_place(pn)
        self._entity(key, "place", pn.name)
        return key

    def _bare_place(self, pn: PlaceName) -> str:
        if pn.default is not None:
            return pn.default
        k = norm(pn.name.split()[0]) if pn.name else ""
        if pn.settlement and k in self.named_settlement and k not in self.named_province:
            return pn.settlement
        return pn.province or pn.settlement  # type: ignore[return-value]

    # ------------------------------------------------------------- 6. organisations
    def _org(self, i: int) -> int | None:
        toks = self.toks
        inst = self._institution(i)
        if inst is not None:
            key, tb, te = inst
            self._emit(tb, te, key, "name")
            self._note_org_country(key, tb)
            return self._skip_paren_acronym(te, key)
        L = self._key_at(i, ORG_HEADS, 3)
        if not L:
            return None
        if self.gaz.match(toks, i) is not None:
            return None
        # "Full name (ACR)": the head starts the name, whatever the case of the words
        k = i + L
        while k < len(toks) and k - i < _ACR_DEF_MAX and (toks[k].word or (toks[k].text == "-" and not toks[k].space)):
            k += 1
        if k + 2 < len(toks) and k > i + L and toks[k].text == "(" and toks[k + 1].word and \
                is_acronym(toks[k + 1].text) and toks[k + 2].text in (")", "-", "–", ","):
            acr = toks[k + 1].text
            g = self.gaz.match(toks, k + 1)
            start = i
            for m in range(k - 1, i, -1):  # "lực lượng người Kurd thuộc Lực lượng Dân chủ Syria (SDF)"
                if self._cap(m) and self._key_at(m, ORG_HEADS, 3):
                    start = m
                    break
            if toks[start].key == "các":
                start += 1
            name = self._text(start, k)
            if g is not None and g.key is not None and g.key in self.gaz.entities:
                key = g.key
            elif acr in self.acronyms:
                key = self.acronyms[acr]
            else:
                key = self._new_key(acr, "organization")
                self._entity(key, "organization", name)
            self._entity(key, "organization", name)
            self._emit(start, k, key, "name")
            return self._skip_paren_acronym(k, key)
        # title-case name after a capitalised head: "Viện Nghiên cứu Chiến tranh"
        if not self._cap(i) or not self._cap(i + L):
            return None
        e = self._titlecase_end(i + L)
        if e <= i + L:
            return None
        start = i + 1 if toks[i].key == "các" else i
        if tuple(t.key for t in toks[start:e]) in INSTITUTIONS:
            return e  # "Bộ Ngoại giao" without a country: a common noun here
        name = self._text(start, e)
        key = self._new_key(name, "organization")
        self._entity(key, "organization", name)
        self._emit(start, e, key, "name")
        return self._skip_paren_acronym(e, key)

    def _titlecase_end(self, j: int) -> int:
        """End of a title-case Vietnamese name (`Giám sát Nhân quyền Syria`) starting at j."""
        toks, n = self.toks, len(self.toks)
        k = j
        last_cap = j
        while k < n:
            t = toks[k]
            if t.word and is_cap(t.text) and not any(c.isdigit() for c in t.text):
                if k > j and t.key in VIET_SURNAMES and self._cap(k + 1) and self._cap(k + 2) and \
                        self._all_viet(k, k + 3):
                    break  # a person's name follows: "Bộ Công Thương Trần Tuấn Anh"
                k += 1
                last_cap = k
                continue
            if t.text == "-" and not t.space and k + 1 < n and toks[k + 1].word:
                k += 1
                continue
            if t.word and t.key in NAME_PARTICLES and k > j and k + 2 < n and toks[k + 1].text == "-" and \
                    not toks[k + 1].space and is_cap(toks[k + 2].text):
                k += 3  # "Fateh al-Sham"
                last_cap = k
                continue
            if t.word and not is_cap(t.text) and k > j:
                # lower-case syllables continue a word only if a capitalised word follows soon
                m = k
                while m < n and m - k < 2 and toks[m].word and not is_cap(toks[m].text):
                    m += 1
                if m < n and toks[m].word and is_cap(toks[m].text) and toks[m].space and \
                        self.offs.match(toks, m) is None and toks[m].key not in NOT_NAME_START:
                    k = m
                    continue
                # one trailing syllable of the last word ("Chiến tranh", "Bộ Công an", "Ban Quản lý")
                if (toks[k - 1].key, t.key) in COMPOUNDS or (
                        (k - 2 < j or not is_cap(toks[k - 2].text)) and
                        is_viet_syllable(toks[k - 1].text) and t.key not in NAME_STOP_LOWER and
                        self.gaz.match(toks, k - 1) is None and is_viet_syllable(t.text)):
                    return k + 1
                break
            break
        return last_cap

    def _note_org_country(self, key: str, tb: int) -> None:
        """A country's institution was named: its country counts as mentioned for "nước này"."""
        c = self.gaz.country_of_org.get(key) or self.org_country.get(key)
        if c is not None and self.ex.entities.get(c) is None:
            self._entity(c, "", "")
        if c is not None:
            self.dis.seen.append(Seen((self.s.index, self.toks[tb].begin), c, "country", "implicit"))

    # ------------------------------------------------------------- 7. gazetteer
    def _viet_name_veto(self, i: int, L: int) -> bool:
        """A one-syllable country name inside a run of capitalised Vietnamese syllables is a person's name."""
        toks = self.toks
        if i > 0 and toks[i].space:
            p = toks[i - 1]
            if p.word and is_cap(p.text) and is_viet_syllable(p.text) and p.key not in NOT_NAME_START and \
                    p.key not in DIRECTIONS and not (self._is_start(i - 1) and (i - 1 == 0 or not
                                                     self._cap(i - 2))):
                if not any(it.te == i for it in self.items) and i - 1 not in self.skippable:
                    return True
        e = i + L
        if e < len(toks) and toks[e].space:
            q = toks[e]
            if q.word and is_cap(q.text) and is_viet_syllable(q.text) and q.key not in VIET_SURNAMES and \
                    q.key not in NOT_NAME_START and q.key not in DIRECTIONS and \
                    self.gaz.match(toks, e) is None and self.offs.match(toks, e) is None:
                ne = self._name_end(e)
                if self._all_viet(e, ne):
                    return True
        return False

    def _gaz(self, i: int) -> int | None:
        s = self.gaz.match(self.toks, i)
        if s is None:
            return None
        L = len(s.toks)
        if s.viet_single and self._viet_name_veto(i, L):
            return None
        toks = self.toks
        e = i + L
        if s.place is not None:
            key = self._place_key(s.place, "bare")
            cap_of = self.gaz.capital_of.get(key)
            if cap_of is not None and self._acts_as_government(i, e):
                self._entity(cap_of, "", "")
                self._emit(i, e, cap_of, "metonym")
                self._emit(i, e, key, "name", track=False)
            else:
                self._emit(i, e, key, "name")
            return e
        key = s.key
        assert key is not None
        kind = self.gaz.entities[key].kind
        if kind == "person":
            # a gazetteer surname glued to more name words ("Maher Assad"): read the whole run
            ne = self._name_end(i)
            if ne > e or (i > 0 and self._cap(i - 1) and toks[i].space and not self._is_start(i - 1)
                          and not is_viet_syllable(toks[i - 1].text)):
                return None
            self._entity(key, "person", "")
            self.people.add(key, " ".join(s.exact))
            self._emit(i, e, key, s.how if s.how != "alias" else "name")
            return e
        self._entity(key, kind, "")
        self._emit(i, e, key, s.how)
        if kind == "organization":
            self._note_org_country(key, i)
            return self._skip_paren_acronym(e, key)
        return e

    def _acts_as_government(self, i: int, e: int) -> bool:
        """A capital stands for its government unless it is a place here (after a locative word, etc.)."""
        toks = self.toks
        k = i - 1
        while k >= 0 and toks[k].key in ("và", ",", "hoặc", "lẫn"):
            # coordination: inherit from the previous item
            for it in reversed(self.items):
                if it.te == k and it.kind == "place":
                    return self._last_capital_was_gov
            k -= 1
            break
        prev = toks[i - 1].key if i > 0 else ""
        if prev in LOCATIVES or prev in EVENT_NOUNS:
            self._last_capital_was_gov = False
            return False
        if self._key_before(i, _ALL_PLACE_CLS, 3):
            self._last_capital_was_gov = False
            return False
        if e < len(toks) and toks[e].text in (",", "(") and e + 1 < len(toks) and \
                self.gaz.match(toks, e + 1, kinds={"country"}) is not None:
            self._last_capital_was_gov = False
            return False
        if e < len(toks) and toks[e].key == "của" and e + 1 < len(toks) and \
                self.gaz.match(toks, e + 1, kinds={"country"}) is not None:
            self._last_capital_was_gov = False
            return False
        self._last_capital_was_gov = True
        return True

    _last_capital_was_gov = True

    # ------------------------------------------------------------- 8. other names
    def _run(self, i: int) -> int | None:
        toks = self.toks
        t = toks[i]
        if not t.word:
            return None
        if not is_cap(t.text) and not (t.key in ("al", "el") and self._tight_next(i)):
            return None
        # acronyms (alone: "CBS News" is read as a name below)
        if is_acronym(t.text) and not (i + 1 < len(toks) and toks[i + 1].text == "-" and not toks[i + 1].space) \
                and not (self._cap(i + 1) and toks[i + 1].space and not is_acronym(toks[i + 1].text)
                         and self.gaz.match(toks, i + 1) is None):
            if t.text in self.acronyms:
                key = self.acronyms[t.text]
                self._emit(i, i + 1, key, "acronym")
                return i + 1
            if self._key_before(i, ORG_CUES, 3) or (i > 0 and toks[i - 1].key == "theo") or \
                    self._key_at(i + 1, REPORT_VERBS_AFTER, 2):
                key = self._new_key(t.text, "organization")
                self._entity(key, "organization", t.text)
                self.acronyms[t.text] = key
                self._emit(i, i + 1, key, "acronym")
                return i + 1
            return i + 1
        if t.key in NOT_NAME_START and not self._key_at(i, PERSON_CUES, 3):
            return i + 1
        if t.key in DIRECTIONS:
            return i + 1
        if self._is_start(i) and is_viet_syllable(t.text) and i + 1 < len(toks) and toks[i + 1].space and \
                self.people.find(t.text) is None:
            return i + 1  # a sentence-initial Vietnamese word ("Tờ al-Watan cho biết")
        if i > 0 and toks[i].space and any(c.isdigit() for c in toks[i - 1].text):
            return self._name_end(i) or i + 1  # "F/A-18E Super Hornet": a model name
        e = self._name_end(i)
        if e <= i:
            return i + 1
        for k in range(i + 1, e):  # a known name inside the run ends it ("Hiện Moskva", "Tây Bắc Syria")
            if toks[k].space and (self.gaz.match(toks, k) is not None or toks[k].key in DIRECTIONS):
                e = k
                break
        if any(any(c.isdigit() for c in x.text) for x in toks[i:e]):
            return e
        name = self._text(i, e)
        viet = self._all_viet(i, e)
        # a person met before (or in the gazetteer): "Kosachev", "Bashar Assad"
        found = self.people.find(name)
        if found is not None and not (viet and found not in self.ex.entities) and self._person_ok(i, e):
            self._person(i, e)
            return e
        if viet:
            # Vietnamese words: capitalised at sentence starts, in headings, org names, bylines...
            # names only after an explicit cue (handled by the rules above)
            return i + 1 if self._is_start(i) else e
        if e < len(toks) and toks[e].word and any(c.isdigit() for c in toks[e].text):
            return e  # "Km 15", "Galaxy S8": a designation
        # a name already met in the article as a place or organisation ("tỉnh Hasakah" ... "Hasakah")
        for k in (self._province_key_if_named(i, name), self._slug_key(name)):
            if k is not None and k in self.ex.entities and self.ex.entities[k].kind != "person":
                self._emit(i, e, k, "name")
                return e
        kind = self._cue_kind(i, e)
        if kind is None:
            nwords = sum(1 for x in toks[i:e] if x.word and x.key not in NAME_PARTICLES)
            if any(x.text.casefold() in ORG_WORDS for x in toks[i:e] if x.word):
                kind = "organization"
            elif 2 <= nwords <= 4 and self._person_ok(i, e) and (
                    toks[i].text.casefold() in GIVEN_NAMES or self._speech_after(e)):
                kind = "person"
        if kind is None:
            return e
        if kind == "person":
            self._person(i, e)
            return e
        if kind == "place":
            if toks[i].key in self.named_province:
                pn_key = self._province_of(None, name)
            else:
                pn_key = self._new_key(name, "place")
                self._entity(pn_key, "place", name)
            self._emit(i, e, pn_key, "name")
            return e
        key = self._new_key(name, "organization")
        self._entity(key, "organization", name)
        self._emit(i, e, key, "name")
        return self._skip_paren_acronym(e, key)

    def _province_key_if_named(self, i: int, name: str) -> str | None:
        if self.toks[i].key not in self.named_province:
            return None
        k = "tinh-" + slug(name)
        return k

    def _slug_key(self, name: str) -> str:
        return slug(re.sub(r"^(?:[Aa]l|[Ee]l)[-\s]+(?=\w)", "", name))

    def _speech_after(self, e: int) -> bool:
        k = e
        while k < len(self.toks) and self.toks[k].key in SPEECH_FILLERS and k - e < 2:
            k += 1
        return bool(self._key_at(k, SPEECH_AFTER, 2))

    def _cue_kind(self, i: int, e: int) -> str | None:
        toks = self.toks
        if self._key_before(i, ORG_CUES, 4):
            return "organization"
        # "tờ báo trực tuyến X", "hãng tin nhà nước X": a media cue, then up to two lower-case words
        for gap in (1, 2):
            if i - gap > 0 and all(toks[m].word and not is_cap(toks[m].text) for m in range(i - gap, i)) and \
                    self._key_before(i - gap, MEDIA_CUES, 4):
                return "organization"
        if self._key_before(i, PERSON_CUES, 3):
            return "person"
        prev = toks[i - 1].key if i > 0 else ""
        if prev in LOCATIVES and not self._all_viet(i, e):
            return "place"
        if self._key_before(i, _REGION_SETTLEMENT_CLS, 3):
            return "place"
        if self._key_at(e, REPORT_VERBS_AFTER, 2):
            return "organization"
        k = e
        if k < len(toks) and toks[k].text in (",", "-", "–"):
            k += 1
            if k < len(toks) and toks[k].key in ("một", "là", "cựu", "nguyên"):
                k += 1
            if self._key_at(k, PERSON_NOUNS_AFTER, 3) or self.offs.match(toks, k) is not None:
                return "person"
        # coordinated with a typed name: "Al Abab, Palmyra và Deir ez-Zor"
        if i > 0 and toks[i - 1].key in (",", "và", "hoặc"):
            for it in reversed(self.items):
                if it.te == i - 1:
                    return it.kind if it.kind in ("person", "place", "organization") else None
        if e + 1 < len(toks) and toks[e].key in (",", "và", "hoặc"):
            g = self.gaz.match(toks, e + 1)
            if g is not None:
                gk = self.gaz.kind_of_surface(g)
                if gk in ("person", "place", "organization"):
                    return gk
        k = e
        if k < len(toks) and toks[k].text in (",", "-", "–"):
            k += 1
            if k < len(toks) and toks[k].key in ("một", "là", "cựu", "nguyên"):
                k += 1
            if self._key_at(k, PERSON_NOUNS_AFTER, 3) or self.offs.match(toks, k) is not None:
                return "person"
        return None

    # ------------------------------------------------------------- pairs
    def _pairs(self, upto: int | None = None) -> None:
        items = [it for it in self.items if it.how != "title" and it.kind in ("person", "country", "organization")
                 and (upto is None or it.te <= upto)]
        toks = self.toks
        for a, b in zip(items, items[1:], strict=False):
            if a.kind != b.kind or a.key == b.key or (a.tb, b.tb) in self._paired:
                continue
            self._paired.add((a.tb, b.tb))
            gap = [t for t in range(a.te, b.tb) if t not in self.skippable]
            if all(toks[t].key in CONNECTORS or toks[t].text in CONNECTORS for t in gap) and len(gap) <= 3:
                self.dis.pairs.append(Pair(self._order(b.tb), a.kind, a.key, b.key))
            elif a.tb > 0 and toks[a.tb - 1].key == "giữa" and b.tb > 0 and toks[b.tb - 1].key == "và":
                self.dis.pairs.append(Pair(self._order(b.tb), a.kind, a.key, b.key))

    # ------------------------------------------------------------- finish
    def _finish(self) -> None:
        for person, office, sent in self.pending:
            known = [h for h in self.dis.offices_of(person) if h.office == office and h.position_key]
            if not known:
                continue
            h = self.holdings.get((person, known[0].position_key))
            if h is not None and sent not in h.evidence:
                h.evidence.append(sent)
        for h in self.holdings.values():
            h.evidence.sort()
        self.ex.positions.extend(self.holdings.values())
        self.ex.mentions.sort(key=lambda m: (m.begin, -m.end))
        # entities only if mentioned (or holding); drop helpers registered while parsing
        used = {m.entity for m in self.ex.mentions} | {h.holder for h in self.ex.positions}
        for k in [k for k in self.ex.entities if k not in used]:
            del self.ex.entities[k]


COMPOUNDS = {
    tuple(norm(w) for w in p.split())
    for p in (
        "Chiến tranh", "Nghiên cứu", "Giám sát", "Nhân quyền", "Quốc phòng", "Ngoại giao", "Chỉ huy", "Trung tâm",
        "Bảo an", "An ninh", "Hàng không", "Vũ trụ", "Dân chủ", "Cách mạng", "Hồi giáo", "Liên bang", "Quốc gia",
        "Tối cao", "Hải quân", "Lục quân", "Không quân", "Nhân dân", "Giải phóng", "Chính phủ", "Hòa bình",
        "Thế giới", "Quốc tế", "Liên hợp", "Tình báo", "Thông tấn", "Phát triển", "Đại học", "Truyền hình",
        "Nội vụ", "Tài chính", "Tư pháp", "Kinh tế", "Thương mại", "Y tế", "Năng lượng", "Giáo dục",
        "Chiến lược", "Quân sự", "Chính trị", "Nhân đạo", "Hợp tác", "Đoàn kết", "Thống nhất", "Tự do",
        "Cứu trợ", "Tị nạn", "Di cư", "Lương thực", "Nông nghiệp", "Công nghiệp", "Năng lượng", "Hạt nhân",
    )
}


def extract_actors(ex: Extraction, gaz: Gazetteer | None = None) -> None:
    """Fill `ex.entities`, `ex.mentions`, `ex.positions` from the body sentences of `ex`."""
    g = gaz or get_gazetteer()
    _Reader(ex, g, get_offices(g)).run()


def component(doc: Doc) -> None:
    """Add actors (entities, mentions, positions held) to `doc.ex`."""
    extract_actors(doc.ex)
    doc.invalidate()
