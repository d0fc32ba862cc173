"""Serialising query results under a size limit.

pyoxigraph's own result serialisers consume the whole solution iterator, so a
row limit cannot be enforced through them.  SELECT rows are therefore read in
Python (stopping at the limit), written as SPARQL JSON, and, for the other
result formats, handed back to pyoxigraph's parser/serialiser pair.
CONSTRUCT/DESCRIBE triples go through a counting generator straight into
pyoxigraph's RDF serialisers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import (
    encode_basestring as _enc,  # JSON string literal, non-ASCII kept (as ensure_ascii=False)
)

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from syriakg.endpoint.conneg import Fmt
from syriakg.ontology.terms import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class TooManyResults(Exception):
    """The result has more rows/triples than the configured limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def term_json(t: object) -> dict:
    """One RDF term in the SPARQL 1.1 Query Results JSON format (RDF-star triples included)."""
    c = type(t)
    if c is NamedNode:
        return {"type": "uri", "value": t.value}  # type: ignore[attr-defined]
    if c is Literal:
        d = {"type": "literal", "value": t.value}  # type: ignore[attr-defined]
        lang = t.language  # type: ignore[attr-defined]
        if lang:
            d["xml:lang"] = lang
        else:
            dt = t.datatype.value  # type: ignore[attr-defined]
            if dt != XSD_STRING:
                d["datatype"] = dt
        return d
    if c is BlankNode:
        return {"type": "bnode", "value": t.value}  # type: ignore[attr-defined]
    if c is Triple:
        return {
            "type": "triple",
            "value": {
                "subject": term_json(t.subject),  # type: ignore[attr-defined]
                "predicate": term_json(t.predicate),  # type: ignore[attr-defined]
                "object": term_json(t.object),  # type: ignore[attr-defined]
            },
        }
    raise TypeError(f"not an RDF term: {t!r}")


def term_text(t: object) -> str:
    """`term_json(t)` already written as JSON text (the hot path of SELECT results: no dicts, no json.dumps)."""
    c = type(t)
    if c is NamedNode:
        return '{"type":"uri","value":' + _enc(t.value) + "}"  # type: ignore[attr-defined]
    if c is Literal:
        lang = t.language  # type: ignore[attr-defined]
        if lang:
            return '{"type":"literal","value":' + _enc(t.value) + ',"xml:lang":' + _enc(lang) + "}"  # type: ignore[attr-defined]
        dt = t.datatype.value  # type: ignore[attr-defined]
        if dt != XSD_STRING:
            return '{"type":"literal","value":' + _enc(t.value) + ',"datatype":' + _enc(dt) + "}"  # type: ignore[attr-defined]
        return '{"type":"literal","value":' + _enc(t.value) + "}"  # type: ignore[attr-defined]
    if c is BlankNode:
        return '{"type":"bnode","value":' + _enc(t.value) + "}"  # type: ignore[attr-defined]
    return json.dumps(term_json(t), ensure_ascii=False, separators=(",", ":"))


def solutions_json(solutions: Iterable, variables: list[str], limit: int) -> tuple[bytes, int]:
    """SPARQL JSON for SELECT solutions; raises TooManyResults past `limit` rows (0 = no limit).

    Rows are read in Python (so the limit stops the engine there) and written as JSON text directly:
    the same document as `json.dumps` of the `term_json` dicts, at a fraction of the cost.
    """
    names = [_enc(v) + ":" for v in variables]
    rows = []
    append = rows.append
    n = 0
    for sol in solutions:
        n += 1
        if limit and n > limit:
            raise TooManyResults(limit)
        append("{" + ",".join([k + term_text(x) for k, x in zip(names, sol, strict=True) if x is not None]) + "}")
    head = json.dumps({"vars": variables}, ensure_ascii=False, separators=(",", ":"))
    return ('{"head":' + head + ',"results":{"bindings":[' + ",".join(rows) + "]}}").encode("utf-8"), n


def convert_results(json_body: bytes, fmt: Fmt) -> bytes:
    """Re-serialise SPARQL JSON results into another result format."""
    if fmt.name == "JSON":
        return json_body
    parsed = parse_query_results(json_body, format=QueryResultsFormat.JSON)
    return parsed.serialize(format=fmt.results_format)


def limited(items: Iterable, limit: int) -> Iterator:
    n = 0
    for it in items:
        n += 1
        if limit and n > limit:
            raise TooManyResults(limit)
        yield it


def graph_bytes(triples: Iterable, fmt: Fmt, limit: int) -> bytes:
    """Serialise triples (or quads, for dataset formats) with readable prefixes where the format has them."""
    kw: dict = {}
    if fmt.rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N3, RdfFormat.RDF_XML):
        kw["prefixes"] = PREFIXES
    try:
        return serialize(limited(triples, limit), format=fmt.rdf_format, **kw)
    except OSError as e:  # an exception raised inside our generator comes back wrapped
        cause = e.__cause__ or e.__context__
        if isinstance(cause, TooManyResults):
            raise cause from None
        raise
