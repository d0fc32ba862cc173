"""Extraction component `actors`: entities, their mentions, and positions held.

Reads only body sentences (`doc.ex.sentences`); fills `doc.ex.entities`
(key -> Entity), `doc.ex.mentions` and `doc.ex.positions`.

How a sentence is read (left to right, first rule that applies wins):

1. **Titles** (`positions.tsv`): `Tổng thống Ai Cập Ahmed Karim`,
   `Ngoại trưởng nước này Jean Dupont` (country = the last one mentioned),
   `Đại sứ Mỹ tại Liên Hợp Quốc Nikki Haley`, `Đặc phái viên LHQ về vấn đề
   Syria, ông Staffan de Mistura`, `phái đoàn Thổ Nhĩ Kỳ do Ngoại trưởng X`
   (country of the delegation).  A title with a scope and a name makes a
   `PositionHolding` (span = title..name); a title with a name but no scope
   borrows the scope from the same person's other statements in the article;
   a title without a name is a role anaphor (`Ngoại trưởng Nga nói` -> the
   Russian foreign minister met before).  `hai ngoại trưởng` -> the two most
   recent foreign ministers.  `cựu`/`nguyên` (former) titles make no holding.
   The name may follow a comma with an honorific or a rank (`..., tướng Peter
   Pace,`) or stand as a closed apposition (`Ngoại trưởng Canada, Chrystia
   Freeland, cho biết`).  Without a scope, the country may come after the name
   (`Ngoại trưởng Wang Yi của Trung Quốc`, `... Wang Yi (Trung Quốc)`), from
   `nước chủ nhà` (the capital just named), or from the one ministry of that
   office named in the same sentence (`Bộ Ngoại giao Nga cho biết Ngoại trưởng
   X ...`).  A spokesperson of a seat speaks for the body housed there
   (`Người phát ngôn Điện Kremlin` -> `russia_presidency`, `metonyms.tsv`).
   A transliteration followed by the original spelling (`Xéc-gây La-vrốp
   (Sergei Lavrov)`) names the person of the original spelling.
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
   article (how="acronym").  A capitalised generic head before a foreign name
   (`Hãng Sputnik`, `Kênh CNN`, `Tờ Washington Post`, `Nhóm ...`) is not part of
   the name: the entity is the outlet's own.  `bán đảo <country>` is a
   peninsula (a new place unless the gazetteer knows it), never the country.
7. **Gazetteer** surface forms (longest match).  A one-syllable Vietnamese
   country name glued to other capitalised Vietnamese syllables (`Lê Tuấn
   Anh`, `Vũ Anh Tuấn`) is part of a person's name, not the country.
   **Capitals** (`metonyms.tsv`): after a locative word (`tại, ở, tới,
   thăm...`) or an event noun (`hòa đàm Geneva`) only the city; otherwise the
   capital acts for its government and gets two mentions at the same span: the
   country (how="metonym", first) and the city (how="name").  **Seats**
   (`Điện Kremlin`, `Nhà Trắng`, `Lầu Năm Góc`) mention the government they
   stand for (how="metonym"); a seat that is also a building of its own
   (`actor_places.SEAT_BUILDINGS`: White House, Kremlin) gets a second,
   literal mention of that organisation (how="name"), which is also the scope
   of its spokesperson and press secretaries ("Người phát ngôn Điện Kremlin").
8. **Other capitalised names** (foreign-looking words, hyphenated
   transliterations, acronyms): typed by the words around them (`tờ`, `hãng
   tin`, `nhóm` -> organisation; `tại`, `thị trấn` -> place; `, một chuyên
   gia` -> person; `... đưa tin` -> organisation); a name of two or three
   foreign words with no cue is taken for a person unless it contains an
   organisation word (`News`, `Journal`, `Agency`...).  A direction word
   (`Đông Qalamoun`, `miền đông X`) types the name after it as a place.  Runs of Vietnamese
   syllables are names only with an explicit cue (sentence starts, bylines
   and headings are capitalised too).  New names get `key = slug(name)`,
   `in_gazetteer=False`, and are never linked.

8b. A bare foreign name of two to four words with no cue is a person only if it
   starts with a common given name (`names.GIVEN_NAMES`) or a verb of saying
   follows ("X cho biết"); a name met before in the article keeps its entity.
   A given name alone ("ông Rex") is the one person of the article named so.
   An initial and one surname ("G.Ma-tít", "Tổng thống Mỹ Đ.Trăm") link
   through `transliteration.match_initial_name` (the initial must fit the
   gazetteer person's given name; a plain one-syllable surname only after a
   title).  "G7"/"G20" and unknown acronyms after summit words ("thượng đỉnh
   APEC") are organisations; "Điện X" is an organisation; "Bộ Tổng Tham mưu
   (các lực lượng vũ trang) X" is X's general staff; a bare "liên quân" is the
   coalition named before (else, in an article about IS, the US-led one).

What consumers get (`Mention.how`):

* `name` / `alias` / `acronym`: the text names the entity (gazetteer form, an
  extra form from aliases.tsv, an acronym).
* `title`: a country or organisation that only qualifies an office (`Nga` in
  `Ngoại trưởng Pháp Jean Dupont`, `LHQ` in `Tổng thư ký LHQ`): the actor there
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

Where the code is: `actor_core` (article state, the sentence loop, token
helpers, emitting, names, scopes, pairs), `actor_titles` (rule 1),
`actor_counterparts` (rules 2-3 and `nước này`), `actor_persons` (rules 4 and
8), `actor_places` (rules 5 and 7), `actor_orgs` (rule 6), `actor_vocab` (the
word lists).  This module assembles the reader and is the entry point.
"""

from __future__ import annotations

import time

from syriakg.loaders.extract.actor_counterparts import CounterpartRules
from syriakg.loaders.extract.actor_orgs import OrgRules
from syriakg.loaders.extract.actor_persons import PersonRules
from syriakg.loaders.extract.actor_places import PlaceRules
from syriakg.loaders.extract.actor_titles import TitleRules
from syriakg.loaders.extract.base import Doc
from syriakg.loaders.extract.gazetteer import Gazetteer, get_gazetteer
from syriakg.loaders.extract.positions import Offices, get_offices
from syriakg.loaders.model import Extraction

__all__ = ["component", "extract_actors"]


class _Reader(TitleRules, CounterpartRules, PersonRules, PlaceRules, OrgRules):
    """Reads one article (the rules live in the mixins; the loop in `actor_core.ReaderCore`)."""


_DEFAULT: list = []  # [checked at (monotonic s), gazetteer, offices]
_RECHECK_S = 2.0


def _default_tables() -> tuple[Gazetteer, Offices]:
    """The default gazetteer and offices; their files' dates are looked at most every 2 s.

    `get_gazetteer()` stats five files (and `get_offices` one more) on every call: per article that
    was a noticeable part of the component's time.
    """
    now = time.monotonic()
    if _DEFAULT and now - _DEFAULT[0] < _RECHECK_S:
        return _DEFAULT[1], _DEFAULT[2]
    g = get_gazetteer()
    offs = get_offices(g)
    _DEFAULT[:] = [now, g, offs]
    return g, offs


def extract_actors(ex: Extraction, gaz: Gazetteer | None = None) -> None:
    """Fill `ex.entities`, `ex.mentions`, `ex.positions` from the body sentences of `ex`."""
    if gaz is None:
        g, offs = _default_tables()
    else:
        g, offs = gaz, get_offices(gaz)
    _Reader(ex, g, offs).run()


def component(doc: Doc) -> None:
    """Add actors (entities, mentions, positions held) to `doc.ex`."""
    extract_actors(doc.ex)
    doc.invalidate()
