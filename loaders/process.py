"""One article, start to finish, as a pure function: raw document -> N-Quads.

This is the unit of work the loader farms out to worker processes (and that a
distributed engine such as Spark can run unchanged): it touches no store and
no global state beyond read-only resources (gazetteer, catalogues).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from pyoxigraph import Quad, RdfFormat, serialize

from syriakg.loaders.extract.pipeline import extract
from syriakg.loaders.model import LoadError, RawDocument
from syriakg.loaders.rdf.mapping import EXTRACTOR_VERSION, text_sha256, to_nquads
from syriakg.loaders.text.furniture import build_article


@dataclass(slots=True)
class Processed:
    """What one article turned into."""

    doc_id: str
    source_file: str
    sha256: str
    article_nq: bytes  # the article's named graph, without its commit marker
    marker_nq: bytes  # the `kg:sha256` triple: written last, it marks the graph complete
    shared_nq: list[bytes]  # lines for the shared entities graph
    sentences: int
    facts: dict[str, int]
    warnings: list[str] = field(default_factory=list)


def nquads(quads: list[Quad]) -> bytes:
    return serialize(quads, format=RdfFormat.N_QUADS) if quads else b""


def process_document(raw: RawDocument, base: str) -> Processed | LoadError:
    """Build, extract and map one document; any failure becomes a LoadError naming the file."""
    try:
        article = build_article(raw)
        ex = extract(article)
        nq = to_nquads(ex, base)
    except LoadError as err:
        return err
    except Exception as err:  # noqa: BLE001 - one broken article never stops a load
        where = traceback.extract_tb(err.__traceback__)[-1]
        return LoadError(raw.source_file, f"extraction failed: {type(err).__name__}: {err} "
                                          f"(at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})")
    return Processed(
        doc_id=raw.doc_id,
        source_file=raw.source_file,
        sha256=text_sha256(article.text),
        article_nq=nq.body,
        marker_nq=nq.marker,
        shared_nq=nq.shared,
        sentences=len(ex.sentences),
        facts=ex.fact_counts(),
        warnings=list(article.warnings),
    )


def fingerprint(text: str) -> str:
    """What decides whether a reload may be skipped: the text and the extractor version."""
    return f"{text_sha256(text)}:{EXTRACTOR_VERSION}"
