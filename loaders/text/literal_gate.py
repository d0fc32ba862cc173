"""Cheap gates for regexes that scan every position of a text.

A pattern such as `(?<=\\w)\\s+(?P<op>Tuy\\s+nhiên|Trước\\s+đó|...)` has no literal
prefix the regex engine can skip to, so a search tries it at every character.
Every match does contain one of the literal words its group starts with, and
`str.__contains__` finds those many times faster: when none of them is in the
text, the search cannot match and need not run.

The words are read from the compiled pattern itself (its parse tree), so a
gate never goes stale when the pattern gains an alternative; a pattern whose
group does not start with literals in every branch gets no gate (None).
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["required_literals"]


def _prefixes(items: list) -> set[str] | None:
    """Literal strings one of which starts every match of the sequence `items` (None if unknown)."""
    if not items:
        return None
    op, av = items[0]
    if op is _c.LITERAL:
        run = [chr(av)]
        for op2, av2 in items[1:]:
            if op2 is not _c.LITERAL:
                break
            run.append(chr(av2))
        return {"".join(run)}
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _prefixes(list(alt))
            if got is None:
                return None
            out |= got
        return out
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None
        return _prefixes(list(sub))
    if op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
        return {chr(v) for _, v in av}
    return None


def _find_group(items: list, gid: int) -> list | None:
    for op, av in items:
        if op is _c.SUBPATTERN:
            if av[0] == gid:
                return list(av[3])
            got = _find_group(list(av[3]), gid)
            if got is not None:
                return got
        elif op is _c.BRANCH:
            for alt in av[1]:
                got = _find_group(list(alt), gid)
                if got is not None:
                    return got
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            got = _find_group(list(av[1]), gid)
            if got is not None:
                return got
    return None


def required_literals(pattern: re.Pattern[str], group: str) -> tuple[str, ...] | None:
    """Literal strings one of which occurs in (starts the named `group` of) every match of `pattern`,
    or None when they cannot be read off the pattern (case-insensitive, or a branch without a literal
    start).  The group must not be optional for the result to hold: callers pass a group that every
    match contains."""
    if pattern.flags & re.IGNORECASE or group not in pattern.groupindex:
        return None
    tree = _p.parse(pattern.pattern, pattern.flags)
    seq = _find_group(list(tree), pattern.groupindex[group])
    if seq is None:
        return None
    got = _prefixes(seq)
    return tuple(sorted(got)) if got else None
