"""Is this article about the Syrian war at all?

The graph is about the diplomacy of the Syrian war, but users feed it whole
news archives (the scale corpus: about 2.5% of 35k articles touch Syria).
Road accidents, trade deals and police arrests in other news read, to the
fact rules, like casualty claims, accords and captures.  So the fact families
(agreements, casualties, meetings, statements) run only on articles that name
a place, actor or process specific to the war somewhere in the headline or
body; entities, mentions and positions are read from every article.

The cues are deliberately broad (any of them anywhere in the article), so a
Syria article is practically never filtered out; set `SYRIAKG_TOPIC_FILTER=0`
to extract facts from every article.
"""

from __future__ import annotations

import os
import re
import unicodedata

from syriakg.loaders.extract.base import Doc

# Names specific to the war: the country, its cities and regions, its leaders,
# armed groups and the peace processes named after places.
_CUES = re.compile(
    r"(?<!\w)(?:Syria|Xy-?ri|Xi-?ri|Damascus|Đa-?mát|Aleppo|A-?lép-?pô|Idlib|I-?đơ-?líp|Assad|Át-?xát|"
    r"Raqqa|Homs|Daraa|Palmyra|Deir\s?ez-?Zor|Ghouta|Latakia|Tartus|Hama|Kobani|Manbij|Afrin|Golan|"
    r"Nusra|Hezbollah|Astana|Kurd|YPG|SDF|Hồi giáo tự xưng|Nhà nước Hồi giáo|Quân đội Syria)(?!\w)",
    re.IGNORECASE,
)
# A cheap first look: every cue, lower-cased with its optional hyphens and spaces taken out, is one
# of these literal strings (or starts with one), so a text without any of them (most of an
# archive) cannot match and skips the regex, which is slow over a whole article.
_KEYS = tuple(
    """syria xyri xiri damascus đamát aleppo aléppô idlib iđơlíp assad átxát raqqa homs daraa palmyra deir
    ghouta latakia tartus hama kobani manbij afrin golan nusra hezbollah astana kurd ypg sdf hồigiáotựxưng
    nhànướchồigiáo""".split()
)


def filter_enabled() -> bool:
    return os.environ.get("SYRIAKG_TOPIC_FILTER", "1").strip().lower() not in {"0", "false", "no", "off"}


OFF_TOPIC_MODES = ("entities", "text")


def off_topic_mode() -> str:
    """What an off-topic article keeps: `entities` (text, sentences, mentions, entities, positions: the default)
    or `text` (text and sentences only, for archives where only the war matters; about half the CPU per
    off-topic article and fewer quads).  From `SYRIAKG_OFF_TOPIC` (`syriakg load --off-topic`)."""
    mode = os.environ.get("SYRIAKG_OFF_TOPIC", "entities").strip().lower() or "entities"
    if mode not in OFF_TOPIC_MODES:
        raise ValueError(f"SYRIAKG_OFF_TOPIC={mode!r}: expected one of {', '.join(OFF_TOPIC_MODES)}")
    return mode


def is_relevant(doc: Doc) -> bool:
    """True when the headline or a body sentence names something specific to the Syrian war."""
    art = doc.ex.article
    # one search over all of it (NUL is neither a word character nor a space: the cues cannot run
    # across two texts, as they could not before)
    text = "\x00".join([art.headline or "", *(s.text for s in doc.ex.sentences)])
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    folded = text.lower().replace("-", "").replace(" ", "")
    if not any(k in folded for k in _KEYS):
        return False
    return _CUES.search(text) is not None
