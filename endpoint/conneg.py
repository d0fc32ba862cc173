"""HTTP content negotiation (RFC 9110 Accept with q-values) over the formats pyoxigraph writes."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat


@dataclass(frozen=True)
class Fmt:
    media_type: str  # what we send in Content-Type
    aliases: tuple[str, ...]  # other media types that select this format
    kind: str  # "results" (SELECT/ASK), "graph" (triples), "dataset" (quads) or "html"
    name: str  # pyoxigraph format attribute name, or "html"

    @property
    def results_format(self) -> QueryResultsFormat:
        return getattr(QueryResultsFormat, self.name)

    @property
    def rdf_format(self) -> RdfFormat:
        return getattr(RdfFormat, self.name)

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/") or self.media_type.endswith(("+json", "/json", "+xml"))
        return self.media_type + ("; charset=utf-8" if text else "")


# First entry of each list = default when the client accepts anything.
RESULT_FORMATS = (
    Fmt("application/sparql-results+json", ("application/json",), "results", "JSON"),
    Fmt("application/sparql-results+xml", ("application/xml", "text/xml"), "results", "XML"),
    Fmt("text/csv", (), "results", "CSV"),
    Fmt("text/tab-separated-values", (), "results", "TSV"),
)
GRAPH_FORMATS = (
    Fmt("text/turtle", ("application/x-turtle",), "graph", "TURTLE"),
    Fmt("application/n-triples", ("text/plain",), "graph", "N_TRIPLES"),
    Fmt("application/rdf+xml", ("application/xml", "text/xml"), "graph", "RDF_XML"),
    Fmt("application/ld+json", ("application/json",), "graph", "JSON_LD"),
    Fmt("application/trig", ("application/x-trig",), "graph", "TRIG"),
    Fmt("application/n-quads", ("text/x-nquads",), "graph", "N_QUADS"),
    Fmt("text/n3", ("text/rdf+n3",), "graph", "N3"),
)
# formats that can carry named graphs (a whole dataset: GET /store without ?graph)
DATASET_FORMATS = tuple(f for f in GRAPH_FORMATS if f.rdf_format.supports_datasets)
HTML = Fmt("text/html", ("application/xhtml+xml",), "html", "html")


def parse_accept(header: str | None) -> list[tuple[str, float, int]]:
    """[(media range, q, position)] from an Accept header; an absent/empty header means `*/*`."""
    if not header or not header.strip():
        return [("*/*", 1.0, 0)]
    out = []
    for pos, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        mt = bits[0].lower()
        if not mt:
            continue
        if mt == "*":
            mt = "*/*"
        q = 1.0
        for b in bits[1:]:
            k, _, v = b.partition("=")
            if k.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(v)))
                except ValueError:
                    q = 0.0
        out.append((mt, q, pos))
    return out


def _specificity(media_range: str, mt: str) -> int:
    """-1 if `media_range` does not match `mt`, else 0 (*/*), 1 (type/*), 2 (exact)."""
    if media_range == mt:
        return 2
    major, _, minor = media_range.partition("/")
    if minor == "*" and (major == "*" or mt.split("/")[0] == major):
        return 0 if major == "*" else 1
    return -1


def negotiate(accept: str | None, offers: tuple[Fmt, ...]) -> Fmt | None:
    """The offer the client prefers (highest q, then most specific range, then our order); None = 406."""
    ranges = parse_accept(accept)
    best: tuple[float, int, int, int] | None = None
    chosen: Fmt | None = None
    for idx, fmt in enumerate(offers):
        for mt in (fmt.media_type, *fmt.aliases):
            # the q of a media type is the q of the most specific range that matches it
            match: tuple[int, float, int] | None = None
            for rng, q, pos in ranges:
                spec = _specificity(rng, mt)
                if spec >= 0 and (match is None or spec > match[0]):
                    match = (spec, q, pos)
            if match is None or match[1] <= 0:
                continue
            spec, q, pos = match
            # prefer: higher q, explicitly named type, earlier in the header, our default order
            key = (q, spec, -pos if spec == 2 else 0, -idx)
            if best is None or key > best:
                best, chosen = key, fmt
    return chosen


def offers_text(offers: tuple[Fmt, ...]) -> str:
    return ", ".join(f.media_type for f in offers)


def rdf_format_for_content_type(content_type: str | None) -> RdfFormat | None:
    """The parser for a request body's Content-Type (parameters ignored), or None if unsupported."""
    if not content_type:
        return None
    mt = content_type.split(";")[0].strip().lower()
    for fmt in GRAPH_FORMATS:
        if mt == fmt.media_type or mt in fmt.aliases:
            if mt in ("application/xml", "text/xml"):
                return RdfFormat.RDF_XML
            if mt == "application/json":
                return RdfFormat.JSON_LD
            return fmt.rdf_format
    return None
