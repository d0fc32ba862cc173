"""`syriakg facts`, `syriakg check` and `syriakg verify` on a store folder."""

from __future__ import annotations

import json

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from syriakg.loaders.cli import main
from syriakg.ontology.terms import NIF
from tests.test_lookup_corpus import BASE, E, build_store


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "store"
    s = build_store(path)
    del s
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_facts_text_and_json(store_path, capsys):
    code, out, _ = run(capsys, "facts", "Q58217", "--type", "meeting", "--store", store_path)
    assert code == 0
    assert out.startswith("Sergei Lavrov (Q58217)") and "1 fact(s) (type=meeting)" in out
    assert "meeting/talks status=occurred date=2019-03-05" in out and "✓ “Ngoại trưởng Nga Sergei Lavrov" in out
    code, out, _ = run(capsys, "facts", "tho nhi ky", "--json", "--store", store_path)
    body = json.loads(out)
    assert code == 0 and body["entity"]["iri"] == E + "turkey" and body["total"] == 2


def test_facts_exit_codes(store_path, capsys):
    code, out, err = run(capsys, "facts", "Idlib", "--store", store_path)
    assert code == 3 and "tỉnh Idlib" in out and "2 entities match" in err
    assert run(capsys, "facts", "Kazakhstan", "--store", store_path)[0] == 1
    assert run(capsys, "facts", "Putin", "--from", "tomorrow", "--store", store_path)[0] == 2
    code, _, err = run(capsys, "facts", "Putin", "--store", store_path + "-missing")
    assert code == 2 and "no store" in err


def test_check(store_path, capsys):
    code, out, _ = run(capsys, "check", "tỉnh Idlib", "--type", "casualty", "--count", "12", "--qualifier", "at_least",
                       "--outcome", "killed", "--store", store_path)
    assert code == 0 and "verdict: SUPPORTED" in out and "contradicting (1):" in out and "disputed" in out
    code, out, _ = run(capsys, "check", "Putin", "--type", "meeting", "--object", "Erdogan", "--status", "cancelled",
                       "--json", "--store", store_path)
    assert code == 1 and json.loads(out)["verdict"] == "contradicted"
    assert run(capsys, "check", "Idlib", "--type", "casualty", "--store", store_path)[0] == 3


def test_verify_reports_stale_facts(store_path, capsys):
    code, out, _ = run(capsys, "verify", "--store", store_path)
    assert code == 0 and "all evidence verified" in out
    from syriakg.loaders.store import open_store

    s = open_store(store_path)
    art = NamedNode(BASE + "article/thu-2")
    q = next(s.quads_for_pattern(art, NIF.isString, None, None))
    s.remove(q)
    s.add(Quad(art, NIF.isString, Literal(q.object.value.replace("7 dân thường", "70 dân thường")), q.graph_name))
    s.flush()
    del s
    code, out, _ = run(capsys, "verify", "--store", store_path)
    assert code == 1 and "TEXT CHANGED IN PLACE: " + BASE + "article/thu-2" in out
    code, out, _ = run(capsys, "verify", "--json", "--store", store_path)
    report = json.loads(out)
    assert code == 1 and report["articles_with_bad_hash"] == [BASE + "article/thu-2"]
    stale = {s["fact"] for s in report["stale"]}
    # every fact resting on that article (the casualty, the planned meeting, the violation claim, the agreement)
    assert len(stale) == 4 and all("/thu-2/" in f or f.endswith("sochi_idlib_2018") for f in stale)
