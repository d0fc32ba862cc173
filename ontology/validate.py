"""SHACL validation of a store against `ontology/shapes.ttl`.

`validate_store(store)` copies the union of the store's named graphs (all but
the ontology graph) into an rdflib graph and runs pyshacl with the shapes,
mixing in the ontology so that `sh:targetClass` also reaches instances of
subclasses.  Warnings (severity `sh:Warning`, e.g. an entity without an @vi
label) are reported but do not make the graph non-conforming.

The copy goes through N-Triples text: pyoxigraph terms print as N-Triples,
which rdflib parses back losslessly (datatypes, language tags, blank nodes).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import rdflib
from pyoxigraph import DefaultGraph, Store

ONTOLOGY_DIR = Path(__file__).resolve().parent
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_TTL = ONTOLOGY_DIR / "syriakg.ttl"


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES_TTL, format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_TTL, format="turtle")


def is_ontology_graph(graph_name: str) -> bool:
    """The ontology's named graph is `{base}graph/ontology` whatever the base."""
    return graph_name.rstrip("/").endswith("graph/ontology")


def store_to_rdflib(store: Store, include_ontology_graph: bool = False) -> rdflib.Graph:
    """The union of the store's graphs as one rdflib graph (duplicates across graphs merge)."""
    lines: list[str] = []
    for q in store.quads_for_pattern(None, None, None, None):
        g = q.graph_name
        if not include_ontology_graph and not isinstance(g, DefaultGraph) and is_ontology_graph(g.value):
            continue
        lines.append(f"{q.subject} {q.predicate} {q.object} .\n")
    out = rdflib.Graph()
    if lines:
        out.parse(data="".join(lines), format="nt")
    return out


def validate_graph(data: rdflib.Graph, with_ontology: bool = True) -> tuple[bool, str]:
    """Validate an rdflib graph against the shapes: (conforms, report text)."""
    import pyshacl  # imported lazily: pyshacl is a test/validation dependency

    conforms, _report_graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph() if with_ontology else None,
        inference="none",
        allow_warnings=True,
        advanced=True,
    )
    return bool(conforms), str(text)


def validate_store(store: Store) -> tuple[bool, str]:
    """Validate the store's data (the ontology graph excluded) against `ontology/shapes.ttl`."""
    return validate_graph(store_to_rdflib(store))
