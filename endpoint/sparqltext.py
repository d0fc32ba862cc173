"""Lexical helpers over SPARQL text, for the few protocol rules pyoxigraph's Python API cannot express.

pyoxigraph exposes no parsed query object, so the endpoint looks at the token
stream itself: it skips IRIs, strings, comments, variables and prefixed names,
and sees only keywords and punctuation.  That is enough to tell whether a query
names its own dataset (FROM / FROM NAMED), whether an update has USING / WITH
clauses, and where to put the USING clauses that the `using-graph-uri`
protocol parameters stand for.
"""

from __future__ import annotations

import re

# One alternation, tried left to right at each position.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<word>[A-Za-z_\u00c0-\uffff][\w\-.\u00b7\u00c0-\uffff]*(?::[\w\-.:%\\\u00b7\u00c0-\uffff]*)?|:[\w\-.:%\\\u00b7\u00c0-\uffff]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def tokens(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, offset) for every token except whitespace and comments."""
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        out.append((kind, m.group(), m.start()))
    return out


def _keywords(text: str) -> list[tuple[str, int, int]]:
    """(UPPER keyword or punctuation, brace depth, offset) for bare words and braces."""
    depth = 0
    out = []
    for kind, tok, off in tokens(text):
        if kind == "other":
            if tok == "{":
                out.append(("{", depth, off))
                depth += 1
                continue
            if tok == "}":
                depth -= 1
                out.append(("}", depth, off))
                continue
            if tok == ";":
                out.append((";", depth, off))
            continue
        if kind == "word" and ":" not in tok:
            out.append((tok.upper(), depth, off))
    return out


def query_has_dataset_clause(query: str) -> bool:
    """True if the query text has a FROM or FROM NAMED clause (outside strings, IRIs, comments)."""
    if "from" not in query.lower():  # the common case, without tokenising
        return False
    return any(kw == "FROM" for kw, _, _ in _keywords(query))


def update_has_dataset_clause(update: str) -> bool:
    """True if the update text has a USING, USING NAMED or WITH clause."""
    return any(kw in ("USING", "WITH") and depth == 0 for kw, depth, _ in _keywords(update))


def add_using_clauses(update: str, using: list[str], using_named: list[str]) -> str:
    """Insert `USING <g>` / `USING NAMED <g>` before the WHERE of every DELETE/INSERT ... WHERE operation.

    This is what SPARQL 1.1 Protocol §2.2.3 says the `using-graph-uri` and
    `using-named-graph-uri` parameters mean.  `DELETE WHERE` (the short form)
    cannot take USING and is left as is, as are the other operations.
    """
    clause = "".join(f" USING <{g}>" for g in using) + "".join(f" USING NAMED <{g}>" for g in using_named) + " "
    inserts: list[int] = []
    in_modify = False
    prev = ""
    for kw, depth, off in _keywords(update):
        if depth == 0:
            if kw in ("INSERT", "DELETE"):
                in_modify = True
            elif kw == "WHERE" and in_modify:
                if prev != "DELETE":  # not the DELETE WHERE short form
                    inserts.append(off)
                in_modify = False
            elif kw == ";":
                in_modify = False
            prev = kw
    for off in reversed(inserts):
        update = update[:off] + clause + update[off:]
    return update


_FORM = re.compile(r"^(SELECT|ASK|CONSTRUCT|DESCRIBE)$")


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword of the query (None if none)."""
    for kw, _, _ in _keywords(query):
        if _FORM.match(kw):
            return kw
    return None


def query_uses_service(query: str) -> bool:
    """True if the query has a SERVICE clause (federation)."""
    return any(kw == "SERVICE" for kw, _, _ in _keywords(query))
