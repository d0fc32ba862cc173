"""Names of news outlets and wire agencies, as they appear in bylines, source lines and photo credits.

This is a small gazetteer of the press, not of any article: Vietnamese
outlets (canonical name + the spellings pages use: domain names, short
forms) and the international agencies Vietnamese outlets quote.  Look-ups
are case-insensitive on NFC text.
"""

from __future__ import annotations

import re
import unicodedata

# canonical outlet name -> spellings seen in bylines ("Theo X", "X/Y", "(X)")
OUTLETS: dict[str, tuple[str, ...]] = {
    "TTXVN": ("ttxvn", "vna", "thông tấn xã việt nam", "ttxvn.vn"),
    "Báo Tin tức": ("báo tin tức", "tin tức", "baotintuc", "baotintuc.vn", "tin tuc", "báo tin tức (ttxvn)"),
    "Dân trí": ("dân trí", "dantri", "dantri.com.vn", "báo dân trí"),
    "VOV": ("vov", "vov.vn", "đài tiếng nói việt nam", "vov online", "vov-trung tâm tin", "vovworld"),
    "VTV": ("vtv", "vtv.vn", "vtv24", "đài truyền hình việt nam"),
    "VnExpress": ("vnexpress", "vnexpress.net", "vne"),
    "Tuổi Trẻ": ("tuổi trẻ", "tuoitre", "tuoitre.vn", "tto", "báo tuổi trẻ"),
    "Thanh Niên": ("thanh niên", "thanhnien", "thanhnien.vn", "báo thanh niên"),
    "Vietnamplus": ("vietnamplus", "vietnam+", "vietnamplus.vn"),
    "Ngày Nay": ("ngày nay", "ngaynay", "ngaynay.vn", "báo ngày nay"),
    "Znews": ("zing", "zing.vn", "zingnews", "znews", "zing news"),
    "Người Lao Động": ("người lao động", "nld", "nld.com.vn", "báo người lao động"),
    "Lao Động": ("lao động", "laodong", "laodong.vn", "báo lao động"),
    "Tiền Phong": ("tiền phong", "tienphong", "tienphong.vn", "báo tiền phong"),
    "Nhân Dân": ("nhân dân", "báo nhân dân", "nhandan", "nhandan.vn"),
    "Quân đội nhân dân": ("quân đội nhân dân", "qđnd", "qdnd", "qdnd.vn", "báo quân đội nhân dân"),
    "Công an nhân dân": ("công an nhân dân", "cand", "cand.com.vn", "báo công an nhân dân"),
    "An ninh Thủ đô": ("an ninh thủ đô", "antđ", "antd", "anninhthudo.vn"),
    "Kiến Thức": ("kiến thức", "kienthuc", "kienthuc.net.vn"),
    "Infonet": ("infonet", "infonet.vn"),
    "Báo Quốc tế": ("báo quốc tế", "quốc tế", "baoquocte", "baoquocte.vn", "thế giới & việt nam", "tg&vn"),
    "VietnamNet": ("vietnamnet", "vietnamnet.vn", "vnn"),
    "VTC News": ("vtc news", "vtc", "vtc.vn"),
    "Sài Gòn Giải Phóng": ("sài gòn giải phóng", "sggp", "sggp.org.vn"),
    "Pháp Luật TP.HCM": ("pháp luật tp.hcm", "plo", "plo.vn"),
    "Soha": ("soha", "soha.vn"),
    "Kênh 14": ("kênh 14", "kenh14", "kenh14.vn"),
    "Đất Việt": ("đất việt", "baodatviet", "baodatviet.vn"),
    "Giáo dục Việt Nam": ("giáo dục việt nam", "giaoduc.net.vn"),
    "Báo Mới": ("báo mới", "baomoi", "baomoi.com"),
    "Petrotimes": ("petrotimes", "petrotimes.vn"),
    "Người Đưa Tin": ("người đưa tin", "nguoiduatin", "nguoiduatin.vn"),
    "Đời sống & Pháp luật": ("đời sống & pháp luật", "đời sống và pháp luật", "doisongphapluat"),
    "Thời báo Kinh tế Việt Nam": ("thời báo kinh tế việt nam", "vneconomy"),
}

# wire agencies, foreign outlets and photo agencies quoted as sources or credits
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("afp", "agence france-presse"),
    "Reuters": ("reuters", "reuter"),
    "AP": ("ap", "associated press"),
    "AMN": ("amn", "al-masdar news", "al masdar news", "almasdar news", "al-masdar"),
    "TASS": ("tass", "itar-tass"),
    "RIA Novosti": ("ria novosti", "ria", "ria-novosti"),
    "Sputnik": ("sputnik", "sputnik news", "sputniknews"),
    "Interfax": ("interfax",),
    "Xinhua": ("xinhua", "tân hoa xã", "thx"),
    "EPA": ("epa", "epa-efe"),
    "Getty Images": ("getty", "getty images"),
    "Anadolu Agency": ("anadolu agency", "anadolu", "aa"),
    "Yonhap": ("yonhap",),
    "Kyodo": ("kyodo",),
    "Bloomberg": ("bloomberg",),
    "CNN": ("cnn",),
    "BBC": ("bbc",),
    "Al Jazeera": ("al jazeera", "al-jazeera", "aljazeera"),
    "RT": ("rt", "russia today"),
    "Fars News": ("fars", "fars news", "fna", "fars news agency"),
    "IRNA": ("irna",),
    "SANA": ("sana",),
    "UPI": ("upi",),
    "DPA": ("dpa",),
    "ANSA": ("ansa",),
    "Tasnim": ("tasnim",),
    "PTI": ("pti",),
    "CBS News": ("cbs", "cbs news"),
    "Fox News": ("fox news",),
    "The Guardian": ("the guardian", "guardian"),
    "New York Times": ("new york times", "nyt", "the new york times"),
    "Washington Post": ("washington post", "the washington post"),
    "Wall Street Journal": ("wall street journal", "wsj"),
    "Haaretz": ("haaretz",),
    "Shutterstock": ("shutterstock",),
    "TVNZ": ("tvnz",),
    "Press TV": ("press tv", "presstv"),
    "Hürriyet": ("hürriyet", "hurriyet"),
    "Daily Sabah": ("daily sabah",),
}

_OUTLET_INDEX = {alias: name for name, aliases in OUTLETS.items() for alias in (name.lower(), *aliases)}
_AGENCY_INDEX = {alias: name for name, aliases in AGENCIES.items() for alias in (name.lower(), *aliases)}


def _key(text: str) -> str:
    t = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", t).strip(" .,;:-–()[]").lower()


def outlet_name(text: str) -> str | None:
    """Canonical outlet for a spelling ('Dantri' -> 'Dân trí', 'VOV.VN' -> 'VOV'), else None."""
    key = _key(text)
    if key in _OUTLET_INDEX:
        return _OUTLET_INDEX[key]
    # 'VOV-Trung tâm Tin', 'TTXVN tại Moskva': a known outlet followed by a desk or bureau
    for sep in (" - ", "-", "–", " tại "):
        if sep in key:
            head = key.split(sep, 1)[0].strip()
            if head in _OUTLET_INDEX:
                return _OUTLET_INDEX[head]
    return None


def agency_name(text: str) -> str | None:
    """Canonical agency for a spelling ('Reuters', 'fna' -> 'Fars News'), else None."""
    return _AGENCY_INDEX.get(_key(text))


def source_name(text: str) -> tuple[str, str] | None:
    """('outlet' | 'agency', canonical name) for a known source spelling, else None."""
    out = outlet_name(text)
    if out:
        return "outlet", out
    ag = agency_name(text)
    if ag:
        return "agency", ag
    return None


def is_credit_token(token: str) -> bool:
    """A word that can make up a photo credit: a known source, or an agency-like capital acronym."""
    t = token.strip(" .,;:()")
    if not t:
        return False
    if source_name(t):
        return True
    parts = [p for p in re.split(r"[/\-]", t) if p]
    return bool(parts) and all(p.isupper() and len(p) >= 2 and p.isalpha() or source_name(p) for p in parts)
