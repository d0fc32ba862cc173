"""Raw page -> Article: headline, lead, body paragraphs, captions, furniture and page metadata.

The page is read as a list of paragraphs (non-blank lines).  In order:

1. Header: date/time lines ('Thứ Hai, 03/06/2019 14:05', kept verbatim as
   `header_date_text`) and breadcrumbs before the headline.
2. Headline: the record's title (JSONL/HTML; its line is found in the text
   when present) or the first paragraph (`.txt`).
3. Each following paragraph is classified: repeated title (image alt text,
   'X ảnh 1'), caption label ('Chú thích ảnh') and the caption after it, photo
   caption (a short paragraph ending in a credit), duplicate of the previous
   paragraph, glued teaser headlines, inline 'Xem thêm: ...', separators, or
   body.  The body ends at the first byline/source line ('Theo Báo Nhân Dân',
   'TTXVN/Vietnam+', 'Minh Khang (TTXVN)', a bare author name) or end marker
   ('Đọc thêm', 'Chia sẻ:', 'Có thể bạn quan tâm', comment boxes, footers,
   menus, a teaser headline printed twice) once at least one body paragraph
   has been seen: everything after it -- teasers, whole unrelated articles --
   is furniture.
4. Inside body paragraphs (flattened pages put the whole body on one line):
   photo credits ('... tại cảng. Ảnh: Reuters Sau đó ...') with the
   caption sentence(s) right before them, bracketed related links, '[VIDEO]'
   tags, separator rules, the headline repeated as a sentence, captions that
   open with 'Quang cảnh', 'Toàn cảnh', 'Một góc'..., an outlet prefix
   '(Dân trí) - ' at the start of the lead, and a byline glued to the end of
   the last paragraph ('... hôm qua. Lan Chi', '... hôm qua./. Minh Hòa/VOV.VN'),
   also without a stop before it ('... hôm 5/9 T.H (Theo Reuters)') or at the
   start of the first ('T.H (Theo Reuters) Ngày 5/9, ...').
5. Flattened pages (one line per body): a caption or sub-heading without a
   full stop glued to the next sentence (`glued`), an inline 'Tin liên quan'
   heading (the body ends there), '>> Title' links, a leading box of
   truncated teaser titles, and a closing run of unbracketed teasers
   (`teasers`).

All patterns run on an NFC view of the text (a Windows-1258 page decodes to
combining tone marks) and every span is mapped back to offsets of the stored
text, which is never changed.  Nothing here is keyed to particular articles:
the vocabulary is that of Vietnamese news pages, and outlets and agencies
come from `sources_gazetteer`.

The publication date is *not* inferred here (the `dates` component does
that from the text); `date_published` is only set from explicit metadata
(a JSONL `date`, an HTML page's declared date), with precision "date".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from syriakg.loaders.model import Article, DateValue, RawDocument, Span
from syriakg.loaders.text.bylines import Byline, glued_byline, leading_byline, parse_byline
from syriakg.loaders.text.credits import Credit, find_credits
from syriakg.loaders.text.glued import glued_prefix
from syriakg.loaders.text.markers import (
    caption_label,
    end_marker,
    ends_like_sentence,
    glued_headlines,
    header_date,
    inline_arrow_links,
    inline_end,
    inline_read_more,
    inline_related,
    inline_separators,
    is_breadcrumb,
    is_separator,
    leading_related_box,
    outlet_prefix,
    repeats_title,
    title_key,
)
from syriakg.loaders.text.normalize import nfc_view
from syriakg.loaders.text.sentences import split_spans, trim_span
from syriakg.loaders.text.sources_gazetteer import outlet_name
from syriakg.loaders.text.teasers import teaser_blocks

__all__ = ["build_article"]

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_POSITION = re.compile(r"\((?:ở\s+|đứng\s+)?(?:trái|phải|giữa|thứ\s+\w+\s+từ\s+(?:trái|phải)|từ\s+trái\s+sang(?:\s+phải)?)\)",
                       re.I)
_CAPTION_OPENER = re.compile(r"^(?:Quang cảnh|Toàn cảnh|Một góc(?! nhìn))\b")
_CAPTION_MAX_CHARS = 400
_ENDS_SENTENCE = re.compile(r"[.!?…][”\"’')\]]*\s*$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class _Par:
    begin: int
    end: int
    text: str


@dataclass
class _Page:
    """Spans found on the page, in the coordinates of the analysed (NFC) text."""

    headline: str = ""
    headline_span: tuple[int, int] | None = None
    header_date_text: str | None = None
    body: list[tuple[int, int]] = field(default_factory=list)
    captions: list[tuple[int, int]] = field(default_factory=list)
    furniture: list[tuple[int, int, str]] = field(default_factory=list)
    body_end: int = 0
    lead: tuple[int, int] | None = None
    byline: Byline | None = None
    top_byline: Byline | None = None
    prefix_outlet: str | None = None
    credits: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _paragraphs(t: str) -> list[_Par]:
    out: list[_Par] = []
    for m in _LINE.finditer(t):
        b, e = trim_span(t, m.start(), m.end())
        if b < e:
            out.append(_Par(b, e, t[b:e]))
    return out


def _same(a: str, b: str) -> bool:
    """Two paragraphs that print the same words (quotes, spaces and case aside)."""
    return abs(len(a) - len(b)) <= 12 and title_key(a) == title_key(b)


def _pieces(t: str, begin: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[begin, end) minus the cuts, trimmed; pieces without a letter or digit are dropped."""
    out: list[tuple[int, int]] = []
    pos = begin
    for cb, ce in sorted(cuts):
        if ce <= pos:
            continue
        b, e = trim_span(t, pos, max(pos, cb))
        if b < e and (t[b].isalnum() or any(c.isalnum() for c in t[b:e])):
            out.append((b, e))
        pos = max(pos, ce)
    b, e = trim_span(t, pos, end)
    if b < e and (t[b].isalnum() or any(c.isalnum() for c in t[b:e])):
        out.append((b, e))
    return out


class _Reader:
    def __init__(self, raw: RawDocument, t: str) -> None:
        self.raw = raw
        self.t = t
        self.page = _Page()
        self._credit_cache: dict[tuple[int, int], list[Credit]] = {}

    def credits_in(self, b: int, e: int) -> list[Credit]:
        key = (b, e)
        if key not in self._credit_cache:
            self._credit_cache[key] = find_credits(self.t, b, e)
        return self._credit_cache[key]

    # -- helpers ---------------------------------------------------------------
    def furn(self, b: int, e: int, kind: str) -> None:
        b, e = trim_span(self.t, b, e)
        if b < e:
            self.page.furniture.append((b, e, kind))

    def credit(self, c: Credit) -> None:
        self.furn(c.begin, c.end, "photo_credit")
        who = c.who.strip(" .:;,")
        if who:
            self.page.credits.append(who)

    # -- the page ---------------------------------------------------------------
    def read(self) -> _Page:
        t, pg = self.t, self.page
        paras = _paragraphs(t)
        i = self._header(paras, 0)
        i = self._headline(paras, i)
        while i < len(paras) and header_date(paras[i].text):
            pg.header_date_text = pg.header_date_text or paras[i].text
            self.furn(paras[i].begin, paras[i].end, "header_date")
            i += 1
        body_pars, end_at = self._classify(paras[i:])
        body_pars, end_at = self._inline_end(body_pars, end_at)
        pg.body_end = end_at if end_at is not None else len(t)
        self._inline(body_pars)
        if pg.byline is None:
            self._trailing_byline()
        self._closing_teasers()
        if not pg.body:
            pg.warnings.append("no body text found")
        return pg

    def _header(self, paras: list[_Par], i: int) -> int:
        while i + 1 < len(paras):
            p = paras[i]
            if header_date(p.text):
                self.page.header_date_text = self.page.header_date_text or p.text
                self.furn(p.begin, p.end, "header_date")
            elif is_breadcrumb(p.text) and not self.raw.title:
                self.furn(p.begin, p.end, "breadcrumb")
            else:
                break
            i += 1
        return i

    def _headline(self, paras: list[_Par], i: int) -> int:
        pg = self.page
        title = (self.raw.title or "").strip()
        if title:
            pg.headline = title
            if i < len(paras) and title_key(paras[i].text) == title_key(title):
                pg.headline_span = (paras[i].begin, paras[i].end)
                return i + 1
            return i
        if i < len(paras) and _running_text(paras[i].text):
            # a page without line breaks (or whose first line is a whole paragraph): the first line is
            # body, not a 5 MB headline; the article then has no headline rather than losing its body
            pg.warnings.append("no headline found: the first line is running text (several sentences)")
            return i
        if i < len(paras):
            pg.headline = paras[i].text
            pg.headline_span = (paras[i].begin, paras[i].end)
            return i + 1
        pg.warnings.append("no headline found")
        return i

    def _classify(self, rest: list[_Par]) -> tuple[list[tuple[_Par, str]], int | None]:
        """Paragraph kinds up to the end of the body; returns (kept paragraphs, offset where the body ends)."""
        pg = self.page
        kept: list[tuple[_Par, str]] = []
        body_count = 0
        pending_caption = False
        prev: _Par | None = None
        end_index: int | None = None
        for j, p in enumerate(rest):
            tx = p.text
            kind: str | None = None
            if is_separator(tx):
                kind = "separator"
            elif pending_caption:
                kind, pending_caption = "caption", False
            elif prev is not None and _same(tx, prev.text):
                kind = "duplicate"
            elif repeats_title(tx, pg.headline):
                kind = "repeated_title"
            elif caption_label(tx):
                kind, pending_caption = "caption_label", True
            else:
                marker = end_marker(tx)
                byline = None if marker else parse_byline(tx)
                if marker or byline:
                    if body_count:
                        end_index = j
                        pg.byline = byline
                        break
                    kind = marker or "byline"
                    if byline is not None and pg.top_byline is None:
                        pg.top_byline = byline
                elif inline_read_more(tx) or (body_count and glued_headlines(tx)):
                    kind = "related"  # teaser headlines follow the lead; the lead itself is never one
                elif self._caption_paragraph(p):
                    kind = "caption"
                elif self._credit_only(p):
                    kind = "photo_credit"
                elif (body_count and j + 1 < len(rest) and not ends_like_sentence(tx)
                      and _same(rest[j + 1].text, tx)):
                    end_index = j  # a teaser headline printed twice: the related box after the body
                    break
                else:
                    kind = "body"
                    body_count += 1
            kept.append((p, kind))
            prev = p
        if end_index is None:
            return kept, None
        tail = rest[end_index:]
        first = tail[0]
        self.furn(first.begin, first.end, "byline" if pg.byline is not None else (end_marker(first.text) or "related"))
        for p in tail[1:]:
            kind = end_marker(p.text) or ("caption_label" if caption_label(p.text) else "related")
            self.furn(p.begin, p.end, kind)
        return kept, first.begin

    def _inline_end(self, kept: list[tuple[_Par, str]], end_at: int | None
                    ) -> tuple[list[tuple[_Par, str]], int | None]:
        """A 'Tin liên quan' heading run into a body paragraph ends the body there (flattened pages); one at
        the start of a paragraph heads a box of truncated titles, and the story goes on after it."""
        kept = list(kept)
        for j, (p, kind) in enumerate(kept):
            if kind != "body":
                continue
            box = leading_related_box(self.t, p.begin, p.end)
            if box is not None:  # a box of truncated teaser titles before the story goes on
                self.furn(p.begin, box, "related")
                b, e = trim_span(self.t, box, p.end)
                p = _Par(b, e, self.t[b:e])
                kept[j] = (p, kind)
            at = inline_end(self.t, p.begin, p.end)
            if at is not None and at > p.begin:
                self.furn(at, p.end, "related")
                for q, _k in kept[j + 1:]:
                    self.furn(q.begin, q.end, "related")
                head = kept[:j]
                b, e = trim_span(self.t, p.begin, at)
                if b < e:
                    head.append((_Par(b, e, self.t[b:e]), "body"))
                return head, at
        return kept, end_at

    def _caption_paragraph(self, p: _Par) -> bool:
        """A short paragraph that ends with a photo credit ('... ngày 5/9. Ảnh: AFP/TTXVN')."""
        if p.end - p.begin > _CAPTION_MAX_CHARS + 60:
            return False
        credits = self.credits_in(p.begin, p.end)
        if not credits:
            return False
        last = credits[-1]
        tail = self.t[last.end:p.end].strip(" .\u00a0")
        if last.illustrative and _ENDS_SENTENCE.search(self.t, p.begin, last.begin):
            return False  # body text followed by a stock-picture label
        return not tail and last.begin > p.begin and len(split_spans(self.t, p.begin, last.begin)) <= 3

    def _credit_only(self, p: _Par) -> bool:
        credits = self.credits_in(p.begin, p.end)
        return len(credits) == 1 and credits[0].begin == p.begin and not self.t[credits[0].end:p.end].strip(" .")

    # -- inside paragraphs ----------------------------------------------------------
    def _inline(self, kept: list[tuple[_Par, str]]) -> None:
        t, pg = self.t, self.page
        first_body = True
        for p, kind in kept:
            if kind == "caption":
                cuts = []
                for c in self.credits_in(p.begin, p.end):
                    self.credit(c)
                    cuts.append((c.begin, c.end))
                pg.captions.extend(_pieces(t, p.begin, p.end, cuts))
                continue
            if kind == "photo_credit":
                for c in self.credits_in(p.begin, p.end):
                    self.credit(c)
                continue
            if kind != "body":
                self.furn(p.begin, p.end, kind)
                continue
            begin = p.begin
            if first_body and (at := leading_byline(t, p.begin, p.end)) is not None:
                pg.top_byline = pg.top_byline or parse_byline(t[p.begin:at])
                self.furn(p.begin, at, "byline")
                begin = trim_span(t, at, p.end)[0]
            if first_body:
                pref = outlet_prefix(t[begin:p.end])
                if pref is not None:
                    length, name = pref
                    self.furn(begin, begin + length, "outlet_prefix")
                    pg.prefix_outlet = name
                    begin += length
            pieces = self._body_pieces(begin, p.end)
            if first_body and pieces:
                pg.lead = pieces[0]
            first_body = False
            pg.body.extend(pieces)

    def _body_pieces(self, begin: int, end: int) -> list[tuple[int, int]]:
        t, pg = self.t, self.page
        cuts: list[tuple[int, int]] = []
        for b, e, kind in inline_related(t, begin, end):
            self.furn(b, e, kind)
            cuts.append((b, e))
        for b, e in inline_arrow_links(t, begin, end):
            if not any(cb < e and b < ce for cb, ce in cuts):
                self.furn(b, e, "related")
                cuts.append((b, e))
        for b, e in inline_separators(t, begin, end):
            self.furn(b, e, "separator")
            cuts.append((b, e))
        for c in self.credits_in(begin, end):
            if any(cb < c.end and c.begin < ce for cb, ce in cuts):
                continue
            self.credit(c)
            at_end = not t[c.end:end].strip(" .\u00a0")
            # the caption lies between the previous cut (credit, link, rule) and this credit
            region = max([begin] + [ce for _cb, ce in cuts if ce <= c.begin])
            if c.illustrative and _ENDS_SENTENCE.search(t, region, c.begin):
                cuts.append((c.begin, c.end))  # a stock-picture label after a finished sentence: no caption
                continue
            cap = self._caption_before(region, c.begin, begin, at_end)
            if cap is not None:
                pg.captions.append(cap)
                cuts.append(cap)
            cuts.append((c.begin, c.end))
        # sentence-level furniture in what is left
        for pb, pe in _pieces(t, begin, end, cuts):
            for sb, se in split_spans(t, pb, pe):
                s = t[sb:se]
                if repeats_title(s, pg.headline):
                    self.furn(sb, se, "repeated_title")
                    cuts.append((sb, se))
                elif _CAPTION_OPENER.match(s) and len(s.split()) <= 30:
                    pg.captions.append((sb, se))
                    cuts.append((sb, se))
                elif (glued := glued_prefix(t, sb, se)) is not None:
                    # a caption or sub-heading without a full stop run into the next sentence
                    at, kind = glued
                    pb_, pe_ = trim_span(t, sb, at)
                    if kind == "caption":
                        pg.captions.append((pb_, pe_))
                        cuts.append((pb_, pe_))
                    elif kind == "heading":
                        self.furn(pb_, pe_, "subheading")
                        cuts.append((pb_, pe_))
                    else:
                        cuts.append((at, at))  # body text still, but a unit of its own
        return _pieces(t, begin, end, cuts)

    def _caption_before(self, region: int, credit_begin: int, par_begin: int, at_end: bool) -> tuple[int, int] | None:
        """The caption a credit belongs to: the sentence(s) right before it in the same paragraph."""
        t = self.t
        sents = split_spans(t, region, credit_begin)
        if not sents:
            return None
        if at_end and region == par_begin and len(sents) <= 3 and credit_begin - par_begin <= _CAPTION_MAX_CHARS:
            return sents[0][0], sents[-1][1]
        k = len(sents) - 1
        while k > 0 and _POSITION.search(t, sents[k - 1][0], sents[k - 1][1]):
            k -= 1
        if k == len(sents) - 1 and _POSITION.search(t, sents[k][0], sents[k][1]) is None and len(t[sents[k][0]:sents[k][1]].split()) > 60:
            return None  # a long sentence before a credit is body text, not a caption
        return sents[k][0], sents[-1][1]

    def _trailing_byline(self) -> None:
        """A byline glued to the end of the last body paragraph ('... hôm qua. Lan Chi')."""
        pg = self.page
        if not pg.body:
            return
        b, e = pg.body[-1]
        sents = split_spans(self.t, b, e)
        if not sents:
            return
        sb, se = sents[-1]
        byline = parse_byline(self.t[sb:se]) if len(sents) >= 2 else None
        if byline is None:
            # glued to the last sentence with no stop between ('... hôm 5/9 T.H (Theo Reuters)')
            at = glued_byline(self.t, sb, se)
            if at is None or (at == b and len(pg.body) == 1):
                return  # never the whole body
            sb = at
            byline = parse_byline(self.t[sb:se])
            if byline is None:
                return
        pg.byline = byline
        self.furn(sb, se, "byline")
        nb, ne = trim_span(self.t, b, sb)
        pg.body_end = min(pg.body_end, sb)
        if nb >= ne:  # the last piece was the byline alone
            pg.body.pop()
            if pg.lead == (b, e):
                pg.lead = pg.body[0] if pg.body else None
            return
        pg.body[-1] = (nb, ne)
        if pg.lead == (b, e):
            pg.lead = (nb, ne)


    def _closing_teasers(self) -> None:
        """A run of unbracketed related-article teasers closing a flattened body (see `teasers`)."""
        pg = self.page
        sents = [sp for b, e in pg.body for sp in split_spans(self.t, b, e)]
        if len(sents) < 4:
            return
        blocks = teaser_blocks(self.t, sents)
        if not blocks:
            return
        start = blocks[0][0]
        kept: list[tuple[int, int]] = []
        for b, e in pg.body:
            if b >= start:
                self.furn(b, e, "related")
            elif e > start:
                self.furn(start, e, "related")
                nb, ne = trim_span(self.t, b, start)
                kept.append((nb, ne))
                if pg.lead == (b, e):
                    pg.lead = (nb, ne)
            else:
                kept.append((b, e))
        pg.body = kept
        pg.body_end = min(pg.body_end, start)


def _date_value(raw_date: str | None, warnings: list[str]) -> DateValue | None:
    if not raw_date:
        return None
    m = _ISO_DATE.match(raw_date.strip())
    if m:
        try:
            date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            m = None
    if not m:
        warnings.append(f"publication date {raw_date!r} in the metadata is not an ISO date; ignored")
        return None
    return DateValue(f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "date", raw_date)


def build_article(raw: RawDocument) -> Article:
    """Split a decoded page into headline, body paragraphs, captions and furniture."""
    text = raw.text
    view = nfc_view(text)
    t = view.text if view is not None else text
    pg = _Reader(raw, t).read()

    def back(b: int, e: int) -> Span:
        if view is None:
            return Span(b, e)
        return Span(*view.original_span(b, e))

    def back_offset(i: int) -> int:
        return i if view is None else view.original_offset(i)

    headline_span = back(*pg.headline_span) if pg.headline_span else None
    headline = text[headline_span.begin:headline_span.end] if headline_span else pg.headline
    byline, top = pg.byline, pg.top_byline
    outlet = (outlet_name(raw.outlet) or raw.outlet) if raw.outlet else None
    outlet = outlet or pg.prefix_outlet or (byline.outlet if byline else None) or (top.outlet if top else None)
    agency = None
    for b in (byline, top):
        if b is None:
            continue
        if b.agency:
            agency = agency or b.agency
        elif b.outlet and b.outlet != outlet:
            agency = agency or b.outlet  # 'Theo X' when the page is published by another outlet
    author = raw.author or (byline.author if byline else None) or (top.author if top else None)
    header = pg.header_date_text
    if header is not None and view is not None:
        hb = t.find(header)
        header = text[slice(*view.original_span(hb, hb + len(header)))] if hb >= 0 else header
    warnings = list(pg.warnings)
    article = Article(
        raw=raw,
        text=text,
        headline=headline,
        headline_span=headline_span,
        lead=back(*pg.lead) if pg.lead else None,
        body=sorted((back(b, e) for b, e in pg.body), key=lambda s: s.begin),
        captions=sorted((back(b, e) for b, e in pg.captions), key=lambda s: s.begin),
        furniture=sorted(((back(b, e), k) for b, e, k in pg.furniture), key=lambda x: x[0].begin),
        body_end=back_offset(pg.body_end),
        outlet=outlet,
        wire_agency=agency,
        author=author,
        photo_credit=pg.credits[0] if pg.credits else None,
        url=raw.url,
        header_date_text=header,
        date_published=_date_value(raw.date, warnings),
        warnings=warnings,
    )
    return article


_SENTENCE_BREAK = re.compile(r"[.!?…][”\"»)]?\s+[„“\"«(]?[A-ZÀ-Ỹ0-9]")
HEADLINE_MAX = 300  # characters; Vietnamese headlines run to about 150


def _running_text(line: str) -> bool:
    """True for a first line that is a paragraph of several sentences, not a headline."""
    return len(line) > HEADLINE_MAX and _SENTENCE_BREAK.search(line) is not None
