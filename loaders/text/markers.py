"""Whole-paragraph page furniture: header dates, breadcrumbs, share bars, "Đọc thêm", comment boxes,
footers, caption labels, glued teaser lists, separators, outlet prefixes.

Each function takes one paragraph (NFC text, stripped) and answers one
question.  `end_marker` returns the kind of a paragraph that, once the body
has started, ends it: everything after is furniture.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from syriakg.loaders.text.sources_gazetteer import source_name

__all__ = [
    "caption_label",
    "end_marker",
    "glued_headlines",
    "header_date",
    "inline_arrow_links",
    "inline_end",
    "leading_related_box",
    "inline_related",
    "is_breadcrumb",
    "is_separator",
    "outlet_prefix",
    "repeats_title",
    "title_key",
]

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|t[2-7]|cn)"
_DATE_NUM = r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}"
_DATE_WORDS = r"\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+\d{4})?"
_TIME = r"\d{1,2}\s*[:hg]\s*\d{2}(?:\s*(?:am|pm|sa|ch))?"
_TZ = r"(?:\(?\s*gmt\s*[+-]\s*\d{1,2}\s*\)?)"
_LABEL = r"(?:(?:cập nhật|đăng|ngày đăng|ngày|thời gian|xuất bản|posted|published|updated)\s*(?:lúc|ngày)?\s*:?\s*)"
_SEP = r"\s*[,|\-–]?\s*"
_HEADER_DATE = re.compile(
    rf"^{_LABEL}?(?:{_WEEKDAY}{_SEP})?(?:ngày\s+)?(?:{_DATE_NUM}|{_DATE_WORDS})"
    rf"(?:{_SEP}(?:lúc\s+)?{_TIME})?\s*{_TZ}?$"
    rf"|^{_LABEL}?{_TIME}\s*{_TZ}?{_SEP}(?:{_WEEKDAY}{_SEP})?(?:ngày\s+)?(?:{_DATE_NUM}|{_DATE_WORDS})\s*$",
    re.I,
)

_READ_MORE = re.compile(
    r"^(?:đọc thêm|xem thêm|tin liên quan|bài liên quan|tin cùng chuyên mục|tin khác|các tin khác|tin mới|"
    r"tin mới nhất|tin nổi bật|bài viết liên quan|có thể bạn quan tâm|bạn có thể quan tâm|"
    r"có thể bạn chưa đọc|đừng bỏ lỡ|tin đọc nhiều|đọc nhiều nhất|xem nhiều nhất|tin bài khác|"
    r"các bài viết khác|chủ đề liên quan|related)\s*[:>»]?$",
    re.I,
)
_READ_MORE_INLINE = re.compile(r"^(?:>>\s*|»\s*)?(?:đọc thêm|xem thêm|tin liên quan|xem tiếp|mời xem|video)\s*[:>»]\s*\S",
                               re.I)
_SHARE = re.compile(r"^(?:chia sẻ(?: bài viết| bài| trên)?|share(?: this)?|tweet|gửi bài|in bài|lưu bài|"
                    r"facebook\s*twitter.*|like\s*share.*|bình chọn|đánh giá bài viết)\s*:?$", re.I)
_COMMENTS = re.compile(r"^(?:ý kiến bình luận|bình luận|ý kiến bạn đọc|ý kiến của bạn|gửi bình luận|viết bình luận|"
                       r"gửi ý kiến|ý kiến|comments?|\d+\s+bình luận|bình luận\s*\(\d+\))\s*:?$", re.I)
_TAGS = re.compile(r"^(?:từ khóa|từ khoá|tags?|chủ đề|keywords?)\s*:", re.I)
_FOOTER = re.compile(
    r"^(?:©|copyright\b|bản quyền\b|giấy phép\b|tòa soạn\b|toà soạn\b|liên hệ quảng cáo\b|"
    r"tổng biên tập\b|các đơn vị thông tin\b|cơ quan chủ quản\b)",
    re.I,
)
# whole short lines only: these words also open ordinary sentences ('Đăng ký kết hôn ...')
_FOOTER_LINE = re.compile(
    r"^(?:trang chủ|về đầu trang|lên đầu trang|quay lại|xem bản (?:đầy đủ|mobile|desktop)|rss|đăng nhập|"
    r"đăng ký(?: nhận tin)?|tải ứng dụng|theo dõi chúng tôi(?: trên .{1,30})?)\s*[:.]?$",
    re.I,
)
_CONTACT = re.compile(r"^(?:liên hệ|hotline|email|e-mail|điện thoại|địa chỉ|fax|đường dây nóng)\s*:", re.I)
_CAPTION_LABEL = re.compile(r"^(?:chú thích ảnh|chú thích|ảnh minh họa|ảnh minh hoạ|hình minh họa|hình minh hoạ|"
                            r"ảnh|hình ảnh|photo|video)\s*:?$", re.I)
_SEPARATOR = re.compile(r"^[\s_=*~#•·\-–—.]{3,}$")
_INLINE_SEPARATOR = re.compile(r"_{5,}|={5,}|-{5,}|\*{3,}|~{3,}|—{3,}")
_BREADCRUMB = re.compile(r"^[^.!?>»›]{1,60}(?:\s*[>»›]\s*[^.!?>»›]{1,40}){1,5}$")
_PREFIX_PAREN = re.compile(r"^\((?P<o>[^()\n]{2,40})\)\s*[-–—:]\s*")
_PREFIX_BARE = re.compile(r"^(?P<o>[A-ZĐ][\w.&+]{1,24})\s*[-–—]\s+")
_RELATED_BRACKET = re.compile(r"\[(?P<inner>[^\[\]\n]{8,250})\]")
_TAG_BRACKET = re.compile(r"\[(?:video|ảnh|infographic|clip|video clip|emagazine|photo|trực tiếp|live)\]", re.I)
_TERMINAL_END = re.compile(r"[.!?…:;][”\"’')\]]*$")
_QUOTES_RE = re.compile(r"[\"'“”‘’«»]")
_SPACES_RE = re.compile(r"\s+")
_PHOTO_SUFFIX = re.compile(r"^[\s\-–:|(]*(?:ảnh|hình|photo|video|clip|infographic)?\s*\d{0,3}\s*\)?$", re.I)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def header_date(par: str) -> bool:
    """A page header date/time line ('Thứ Hai, 03/06/2019 14:05', '14:05 | 03/06/2019', 'Cập nhật: 3/5/2019')."""
    t = _nfc(par).replace("\u00a0", " ").strip()
    return len(t) <= 70 and bool(_HEADER_DATE.match(t))


def is_breadcrumb(par: str) -> bool:
    """'Thế giới > Trung Đông', 'Trang chủ » Quốc tế' (only meaningful before the headline)."""
    t = _nfc(par).strip()
    return len(t) <= 120 and bool(_BREADCRUMB.match(t)) and not header_date(t)


def end_marker(par: str) -> str | None:
    """The kind of a paragraph that closes the article body, or None."""
    t = _nfc(par).replace("\u00a0", " ").strip()
    if len(t) > 200:
        return None
    if _READ_MORE.match(t):
        return "read_more"
    if _SHARE.match(t):
        return "share"
    if _COMMENTS.match(t):
        return "comments"
    if _TAGS.match(t):
        return "tags"
    if _FOOTER.match(t) or _FOOTER_LINE.match(t) or (len(t) <= 100 and _CONTACT.match(t)):
        return "footer"
    if _nav_bar(t):
        return "footer"
    return None


def _nav_bar(t: str) -> bool:
    """A menu line: several short capitalised items joined by ' - ' or '|' ('Thời sự - Thế giới - Kinh tế ...')."""
    parts = [p.strip() for p in re.split(r"\s[-|•·]\s", t)]
    if len(parts) < 3 or not all(0 < len(p.split()) <= 8 for p in parts) or _TERMINAL_END.search(t):
        return False
    return len(parts) >= 4 or any(p[0].islower() for p in parts)


def inline_read_more(par: str) -> bool:
    """'Xem thêm: <headline>' on one line (furniture, but not the end of the body)."""
    return bool(_READ_MORE_INLINE.match(_nfc(par).strip()))


def caption_label(par: str) -> bool:
    """A line that announces the photo caption on the next line ('Chú thích ảnh')."""
    return bool(_CAPTION_LABEL.match(_nfc(par).replace("\u00a0", " ").strip()))


def is_separator(par: str) -> bool:
    return bool(_SEPARATOR.match(par)) and not any(c.isalnum() for c in par)


def inline_separators(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    piece = text[begin:end]
    if not any(rule in piece for rule in ("_____", "=====", "-----", "***", "~~~", "———")):
        return []
    return [m.span() for m in _INLINE_SEPARATOR.finditer(text, begin, end)]


def title_key(text: str) -> str:
    """Comparison key for headlines: NFC, no quotes, spaces folded, end punctuation dropped, case folded."""
    t = _QUOTES_RE.sub("", _nfc(text))
    t = _SPACES_RE.sub(" ", t).strip(" .!?…:;-–")
    return t.casefold()


@lru_cache(maxsize=64)
def _headline_key(headline: str) -> str:
    """`title_key` of a headline: one article compares every body sentence with the same headline."""
    return title_key(headline)


def repeats_title(par: str, headline: str) -> bool:
    """The headline again (image alt text), possibly with a suffix such as ' ảnh 1' or ' - Ảnh 2'."""
    if not headline.strip() or not 0.6 * len(headline) <= len(par) <= len(headline) + 30:
        return False  # cheap length filter: this runs on every sentence of every body
    p, h = title_key(par), _headline_key(headline)
    if not h:
        return False
    if p == h:
        return True
    return p.startswith(h) and bool(_PHOTO_SUFFIX.match(p[len(h):])) and len(p) - len(h) <= 12


def ends_like_sentence(par: str) -> bool:
    return bool(_TERMINAL_END.search(par.rstrip()))


def _glue_points(par: str) -> list[int]:
    """Offsets where a word runs straight into a capitalised one ('SyriaNga', 'thốngNga')."""
    points: list[int] = []
    for m in re.finditer(r"\S+", par):
        w = m.group(0)
        for i in range(3, len(w) - 1):
            if w[i].isupper() and w[i - 1].islower() and w[i - 2].islower() and w[i + 1].islower():
                head = w[:i].lstrip("\"'“‘([")
                if head.lower() in {"mac", "mc", "della", "van", "von", "de", "le", "la", "di", "o'"}:
                    continue
                points.append(m.start() + i)
    return points


def glued_headlines(par: str) -> bool:
    """Several teaser headlines run together with no separator ('... cảng Hải PhòngNhật Bản tăng viện trợ ...').

    Needs a glue point with at least three words on each side, and no
    sentence punctuation anywhere: brand names written in camel case
    ('WikiLeaks', 'LienVietPostBank') inside ordinary sentences do not qualify.
    """
    t = _nfc(par)
    if len(t) > 1000 or ends_like_sentence(t) or re.search(r"[.!?…][”\"’')]*\s", t):
        return False  # headlines carry no sentence punctuation; body text does
    return any(len(t[:p].split()) >= 3 and len(t[p:].split()) >= 3 for p in _glue_points(t))


def outlet_prefix(par: str) -> tuple[int, str] | None:
    """'(Dân trí) - ...', 'TTO - ...', 'VOV.VN - ...' at the start of the lead: (length of prefix, outlet)."""
    t = _nfc(par)
    m = _PREFIX_PAREN.match(t)
    if m:
        name = m.group("o").strip()
        known = source_name(name)
        words = name.split()
        if known or (1 <= len(words) <= 4 and (name[0].isupper() or "." in name) and not any(ch.isdigit() for ch in name)):
            return m.end(), known[1] if known else name
        return None
    m = _PREFIX_BARE.match(t)
    if m:
        known = source_name(m.group("o"))
        if known:
            return m.end(), known[1]
    return None


def inline_related(text: str, begin: int, end: int) -> list[tuple[int, int, str]]:
    """Bracketed related-article links inside a paragraph ('[Lào mở tuyến đường sắt mới]') and tags ('[VIDEO]')."""
    out: list[tuple[int, int, str]] = []
    for m in _TAG_BRACKET.finditer(text, begin, end):
        out.append((m.start(), m.end(), "tag"))
    for m in _RELATED_BRACKET.finditer(text, begin, end):
        inner = m.group("inner").strip()
        if _TAG_BRACKET.fullmatch(m.group(0)):
            continue
        # a headline: no sentence end inside (a final '?' is fine), starts with a capital or a digit
        if re.search(r"[.!?…]\s", inner) or not (inner[0].isupper() or inner[0].isdigit() or inner[0] in "“\"'‘"):
            continue
        before = text[m.start() - 1] if m.start() > begin else " "
        after = text[m.end()] if m.end() < end else " "
        if not before.isspace() and before not in ".!?…”\"'" or not (after.isspace() or after in ".,;"):
            continue
        out.append((m.start(), m.end(), "related"))
    return sorted(out)


# a related-articles heading printed inside a flattened paragraph, then the first teaser title
_INLINE_END = re.compile(
    r"(?<!\w)(?:Tin liên quan|TIN LIÊN QUAN|Bài liên quan|BÀI LIÊN QUAN|Tin bài liên quan|Bài viết liên quan|"
    r"Tin cùng chuyên mục|TIN CÙNG CHUYÊN MỤC|Có thể bạn quan tâm|CÓ THỂ BẠN QUAN TÂM|Đừng bỏ lỡ)"
    r"\s*[:>»]?\s+(?=\S)"
)
_INLINE_END_WORDS = ("liên quan", "LIÊN QUAN", "chuyên mục", "CHUYÊN MỤC", "quan tâm", "QUAN TÂM", "bỏ lỡ")
_ARROW = re.compile(r"(?<![^\s.!?…])>{2,}\s*(?=\S)")
_ARROW_STOP = re.compile(r">{2,}|[ \t\u00a0]{2,}")
_ARROW_MAX_WORDS = 30


def inline_end(text: str, begin: int, end: int) -> int | None:
    """Offset of a 'Tin liên quan' / 'Bài liên quan' heading run into a paragraph ('... 06/02/2017 Tin liên
    quan Title one Title two ...'): the body stops there.  The heading must be followed by a capital (a
    title), so a sentence such as 'Tin liên quan đến vụ việc ...' is not one."""
    if not any(text.find(w, begin, end) >= 0 for w in _INLINE_END_WORDS):
        return None
    for m in _INLINE_END.finditer(text, begin, end):
        if _title_start(text[m.end()]):
            return m.start()
    return None


def _title_start(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "“\"'‘"


def inline_arrow_links(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """'>> Title' / '>>> Title' related links inside a paragraph.  A title has no final stop, so it ends
    at the next '>>', at a run of spaces or at the paragraph's end; a link whose end cannot be found
    within a few words (it runs into the next sentence) is left alone."""
    if ">>" not in text[begin:end]:
        return []
    out: list[tuple[int, int]] = []
    for m in _ARROW.finditer(text, begin, end):
        if (out and m.start() < out[-1][1]) or not _title_start(text[m.end()]):
            continue
        stop = _ARROW_STOP.search(text, m.end(), end)
        e = stop.start() if stop else end
        if len(text[m.end():e].split()) > _ARROW_MAX_WORDS:
            continue
        out.append((m.start(), e))
    return out


_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s+(?=\S)")
_BOX_MAX = 1000  # characters a box of truncated teaser titles may take at the start of a paragraph


def leading_related_box(text: str, begin: int, end: int) -> int | None:
    """End of a 'TIN LIÊN QUAN' box printed at the start of a paragraph: teaser titles cut short with '...'
    ('TIN LIÊN QUAN Title one ... Title two ... <the story goes on>'), or None."""
    m = _INLINE_END.match(text, begin, end)
    if m is None or not _title_start(text[m.end()]):
        return None
    last = None
    for t in _TRUNCATED.finditer(text, m.end(), min(end, m.end() + _BOX_MAX)):
        last = t
    return last.end() if last else None
