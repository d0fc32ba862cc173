"""Unit tests: SPARQL text helpers and content negotiation."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat

from syriakg.endpoint import conneg
from syriakg.endpoint.sparqltext import (
    add_using_clauses,
    query_form,
    query_has_dataset_clause,
    query_uses_service,
    update_has_dataset_clause,
)


@pytest.mark.parametrize(
    "query,expected",
    [
        ("SELECT * FROM <http://g> WHERE { ?s ?p ?o }", True),
        ("select * from named <http://g> { graph ?g { ?s ?p ?o } }", True),
        ("SELECT ?from WHERE { ?s <http://x/from> ?from }", False),
        ('SELECT * WHERE { ?s ?p "FROM the start" }', False),
        ("SELECT * WHERE { ?s ex:from ?o } # FROM <x>", False),
        ("PREFIX from: <http://x/> SELECT * WHERE { ?s from:p ?o }", False),
        ('SELECT * WHERE { ?s ?p """multi\nline FROM""" }', False),
    ],
)
def test_query_has_dataset_clause(query, expected):
    assert query_has_dataset_clause(query) is expected


def test_update_dataset_clause_and_using_insertion():
    assert update_has_dataset_clause("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert update_has_dataset_clause("DELETE { ?s ?p ?o } USING <g> WHERE { ?s ?p ?o }")
    assert not update_has_dataset_clause("INSERT DATA { <a> <b> 'USING' }")
    upd = "INSERT DATA { <a> <b> <c> } ; DELETE WHERE { ?s ?p ?o } ; INSERT { ?s a <T> } WHERE { ?s a <U> }"
    out = add_using_clauses(upd, ["http://g1"], ["http://n1"])
    assert out.count("USING <http://g1>") == 1 and out.count("USING NAMED <http://n1>") == 1
    assert out.index("USING <http://g1>") > out.index("INSERT { ?s a <T> }")  # on the modify operation only
    assert "DELETE WHERE { ?s ?p ?o }" in out  # the short form cannot take USING


def test_query_form_and_service():
    assert query_form("PREFIX select: <x> # SELECT\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert query_form("ASK {}") == "ASK"
    assert query_uses_service("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }")
    assert not query_uses_service("SELECT * { ?s <http://x/SERVICE> 'SERVICE' }")


@pytest.mark.parametrize(
    "accept,offers,expected",
    [
        (None, conneg.RESULT_FORMATS, "JSON"),
        ("*/*", conneg.GRAPH_FORMATS, "TURTLE"),
        ("application/sparql-results+json,*/*;q=0.9", conneg.RESULT_FORMATS, "JSON"),  # what YASGUI sends
        ("text/turtle,*/*;q=0.9", conneg.GRAPH_FORMATS, "TURTLE"),
        ("application/rdf+xml;q=0.5, text/turtle;q=0.4", conneg.GRAPH_FORMATS, "RDF_XML"),
        ("text/csv;q=0, */*", conneg.RESULT_FORMATS, "JSON"),
        ("text/csv;q=0", conneg.RESULT_FORMATS, None),
        ("image/png", conneg.GRAPH_FORMATS, None),
        ("APPLICATION/N-TRIPLES", conneg.GRAPH_FORMATS, "N_TRIPLES"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", (conneg.HTML, *conneg.GRAPH_FORMATS), "html"),
    ],
)
def test_negotiate(accept, offers, expected):
    got = conneg.negotiate(accept, offers)
    assert (got.name if got else None) == expected


def test_request_body_formats():
    assert conneg.rdf_format_for_content_type("text/turtle; charset=utf-8") is conneg.GRAPH_FORMATS[0].rdf_format
    assert conneg.rdf_format_for_content_type("application/xml") == RdfFormat.RDF_XML
    assert conneg.rdf_format_for_content_type("image/png") is None
    assert conneg.rdf_format_for_content_type(None) is None
