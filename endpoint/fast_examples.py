"""Fast equivalents of the shipped example queries, run when a user sends one of them verbatim.

Oxigraph (0.5) plans a query from its text alone: the optimizer (sparopt) orders joins greedily by
size estimates that look only at which positions of a pattern are bound, never at the data.  Several
competency questions end with the evidence patterns
`?sentence nif:anchorOf ?evidence ; nif:referenceContext/kg:sourceFile ?file .` written after their
OPTIONALs; the group is then a join of that pattern (estimated smaller) with the whole OPTIONAL chain,
so the engine starts from every sentence's anchor (1.3M on the 35k-article store) and evaluates the
claims/holdings/meetings once per sentence.  No triple added to the data changes that plan.

The query texts are a public contract (users run them as they are, ../shared/competency-questions),
so they are not edited.  Instead `static/queries/fast/<name>.rq` holds, for each slow example, an
equivalent formulation (same solutions; tested on the seed store, compared on the 35k store) whose
join order Oxigraph gets right; `equivalent(query)` returns it when `query` is that example: the same
text up to comment lines and whitespace, with the contents of any `VALUES ?x { ... }` block free
(CQ2 and CQ8 tell users to change the person on their VALUES line), and the query itself otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

QUERIES = Path(__file__).resolve().parent / "static" / "queries"
FAST = QUERIES / "fast"

# A VALUES block with plain terms (prefixed names, IRIs, numbers; no strings, no nested braces).
_VALUES = re.compile(r"VALUES\s+(\?\w+)\s*\{([^{}\"']*)\}")


def normalize(text: str) -> str:
    """The query without its comment lines, runs of whitespace collapsed to one space."""
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    return " ".join(" ".join(lines).split())


def _template(verbatim: str) -> re.Pattern[str]:
    """A pattern matching the normalized example, each VALUES block's contents captured."""
    text = normalize(verbatim)
    out, pos = [], 0
    for m in _VALUES.finditer(text):
        out.append(re.escape(text[pos:m.start()]))
        out.append(r"VALUES\s*" + re.escape(m.group(1)) + r"\s*\{([^{}\"']*)\}")
        pos = m.end()
    out.append(re.escape(text[pos:]))
    return re.compile("".join(out))


@lru_cache(maxsize=1)
def _pairs() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(name, template of the shipped example, text of its fast equivalent) for every fast/<name>.rq."""
    pairs = []
    for fast in sorted(FAST.glob("*.rq")):
        verbatim = QUERIES / fast.name
        fast_text = fast.read_text(encoding="utf-8")
        if verbatim.is_file() and len(_VALUES.findall(normalize(fast_text))) == len(
                _VALUES.findall(normalize(verbatim.read_text(encoding="utf-8")))):
            pairs.append((fast.stem, _template(verbatim.read_text(encoding="utf-8")), fast_text))
    return tuple(pairs)


def match(query: str) -> str | None:
    """The name of the shipped example `query` is (up to comments, whitespace and VALUES contents), or None."""
    return _match(query)[0]


def _match(query: str) -> tuple[str | None, str]:
    if "SELECT" not in query:  # every example is a SELECT: cheap exit for other traffic
        return None, query
    text = normalize(query)
    for name, template, fast in _pairs():
        m = template.fullmatch(text)
        if m is None:
            continue
        # the fast text has the same VALUES blocks in the same order: put the user's contents in them
        return name, _fill_values(fast, m.groups())
    return None, query


def _fill_values(text: str, contents: tuple[str, ...]) -> str:
    blocks = iter(contents)
    return _VALUES.sub(lambda v: f"VALUES {v.group(1)} {{{next(blocks)}}}", text)


def equivalent(query: str) -> str:
    """The fast equivalent of `query` when it is a shipped example with one, else `query` unchanged."""
    return _match(query)[1]
