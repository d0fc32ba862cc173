"""`/facts` API: provenance-checked facts about an entity, and claim checks (JSON documented in OpenAPI, or HTML).

* `GET /facts?entity=...` — `entity` is a Wikidata QID (`Q7747`, `wd:Q7747`),
  a resource IRI (or its path under the base, `entity/putin`), or a name in
  Vietnamese or English, matched without regard to case, accents and
  punctuation (`tho nhi ky` finds Thổ Nhĩ Kỳ).  Filters: `type`, `from`,
  `to`, `status`, `article`; paging: `limit` (1-500, default 50), `offset`.
  - one entity: **200** `FactsPage`;
  - several fit the name: **300 Multiple Choices** with `Candidates` (each
    with its IRI, labels, QID, types and number of facts; ask again with the
    IRI or QID).  A name fitting several entities of which only one has any
    facts resolves to that one; approximate (one-typo) matches are always
    offered as candidates, never taken;
  - nothing fits: **404**; unusable input (control characters, over-long
    values, malformed IRI/date, unknown type/status/article): **400** with
    `{"detail": ..., "parameter": ...}`.
* `GET /facts/check?subject=...&type=...` — a structured claim → `CheckResult`
  with verdict supported / contradicted / not_found and the supporting,
  contradicting and related facts (see `facts_claims`).
* HTML by content negotiation (`Accept: text/html`, or `?format=html`): the
  entity's Linked-Data page frame with the facts and their flagged evidence.

Each fact's evidence is verified when the answer is made (see `lookup`).
The router reads the store through a read-only handle per store version
(`FactService`), in FastAPI's thread pool: its queries are fixed, index-bound
and paged, so they do not need the killable query workers that run
user-written SPARQL.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pyoxigraph import Store

from syriakg.endpoint import conneg, timing
from syriakg.endpoint.facts_claims import AmbiguousReference, Claim, check_claim
from syriakg.endpoint.facts_html import FactsHtml
from syriakg.endpoint.facts_models import Candidates, CheckResult, FactsPage
from syriakg.endpoint.lookup import (
    EVIDENCE_LIMIT,
    MAX_LIMIT,
    BadInput,
    FactFilter,
    FactLookup,
    candidates_answer,
)

router = APIRouter(tags=["Facts"])
log = logging.getLogger("syriakg.endpoint.facts")

JSON = conneg.Fmt("application/json", (), "json", "json")
OFFERS = (JSON, conneg.HTML)
MAX_OFFSET = 1_000_000
MAX_EVIDENCE = 200
FACTS_THREADS = 4  # threads per HTTP worker computing /facts answers (see timing.offloaded)
WARM_DELAY = 1.0  # seconds a store version must stay current before its indexes are built


class FactService:
    """A `FactLookup` per store version: over a read-only handle of the store folder, reopened when the
    loader commits (the version token changes), or over a given `Store` (tests, embedding)."""

    def __init__(self, base: str, *, path: str | None = None, store: Store | None = None,
                 version: Callable[[], str] | None = None) -> None:
        if (path is None) == (store is None):
            raise ValueError("give either a store path or a Store")
        self.base = base
        self.path = path
        self.store = store
        self.version = version or (lambda: "fixed")
        self._lookup: FactLookup | None = None
        self._version: str | None = None
        self._lock = threading.Lock()

    def lookup(self) -> FactLookup:
        v = self.version()
        with self._lock:
            if self._lookup is None or v != self._version:
                store = self.store if self.store is not None else _open_read_only(str(self.path))
                self._lookup = FactLookup(store, self.base)
                self._version = v
                if self.path is not None:  # build the name and fact indexes in the background
                    threading.Thread(target=self._warm, args=(self._lookup, v), name="facts-index", daemon=True).start()
            return self._lookup

    def _warm(self, lookup: FactLookup, version: str) -> None:
        """Build the indexes of a store version once it has stayed current for a moment (a running load
        commits a new version every few seconds; indexes of versions already replaced are not built)."""
        try:
            for step in (lookup.names, lookup.build_index):
                time.sleep(WARM_DELAY)
                if self.version() != version:
                    return
                step()
        except Exception:  # the lookups still answer from the store; say why the index is missing
            log.exception("could not build the facts indexes")

    def index_status(self) -> str:
        """"ready" when the name and fact indexes of the current store version are built, else "building"."""
        if self.path is None:
            return "on demand"  # a given in-memory store: no background build
        lk = self._lookup
        if lk is None or self._version != self.version():
            return "building"
        return "ready" if lk.index is not None and lk._names is not None else "building"

    def reset(self) -> None:
        """Forget cached lookups (after changing a given in-memory store)."""
        with self._lock:
            self._lookup = None


def _open_read_only(path: str, attempts: int = 20) -> Store:
    """Open the store read-only, retrying while a writer's compaction swaps the files being opened."""
    for i in range(attempts):
        try:
            return Store.read_only(path)
        except (OSError, RuntimeError):
            if i == attempts - 1:
                raise
            time.sleep(0.05 * (i + 1))
    raise AssertionError("unreachable")


def get_service(request: Request) -> FactService:
    st = request.app.state
    svc = getattr(st, "facts_service", None)
    if svc is None:
        ep = getattr(st, "endpoint", None)
        if ep is None:
            raise RuntimeError("no store: set app.state.facts_service or mount the router in create_app")
        svc = FactService(ep.settings.base_iri, path=ep.settings.store, version=ep.version)
        st.facts_service = svc
    return svc


def warm(app: Any) -> None:
    """Called at server start (`app.create_app`'s lifespan): open the store and build the name and fact
    indexes in the background now, not at the first /facts request, whose HTTP worker would otherwise spend
    seconds of CPU (for the 35k-article corpus) building them while it serves other clients."""
    st = app.state
    ep = getattr(st, "endpoint", None)
    if getattr(st, "facts_service", None) is None and ep is not None:
        st.facts_service = FactService(ep.settings.base_iri, path=ep.settings.store, version=ep.version)
    svc = getattr(st, "facts_service", None)
    if svc is not None:
        svc.lookup()


def _wants_html(request: Request, fmt: str | None) -> bool | None:
    """True/False, or None when nothing acceptable is on offer (406)."""
    if fmt:
        f = fmt.lower()
        if f in ("html", "json"):
            return f == "html"
        raise BadInput("format", "html or json")
    chosen = conneg.negotiate(request.headers.get("accept"), OFFERS)
    return None if chosen is None else chosen is conneg.HTML


def _error(status: int, detail: str, parameter: str | None = None, **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"detail": detail}
    if parameter:
        body["parameter"] = parameter
    body.update(extra)
    return JSONResponse(body, status_code=status, headers={"Vary": "Accept"})


def _not_acceptable() -> Response:
    return Response("Available as application/json and text/html\n", status_code=406,
                    media_type="text/plain; charset=utf-8")


def _params(request: Request) -> dict[str, str]:
    return {k: v for k, v in request.query_params.items() if k not in ("offset", "format") and v}


RESPONSES: dict[int | str, dict[str, Any]] = {
    300: {"model": Candidates, "description": "The name fits several entities: pick one of the candidates"},
    400: {"description": "Unusable input: `{detail, parameter}`"},
    404: {"description": "No entity matches"},
    406: {"description": "Neither JSON nor HTML is acceptable"},
}


@router.get("/facts", response_model=FactsPage, response_model_exclude_none=True, responses=RESPONSES,
            summary="Facts about an entity, each with its evidence verified against the stored article text")
@timing.offloaded(FACTS_THREADS)
def facts(
    request: Request,
    entity: Annotated[str, Query(description="Wikidata QID (Q7747), resource IRI (or `entity/...`), or a name "
                                             "in Vietnamese or English (case/accent-insensitive)")],
    type: Annotated[str | None, Query(description="meeting, agreement, casualty, statement, position, violation "
                                                  "(or talks, phone_call, visit, summit, negotiation, obstruction)")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY, YYYY-MM or YYYY-MM-DD: facts dated "
                                           "(or, undated or yearless, reported) on or after")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")] = None,
    status: Annotated[str | None, Query(description="occurred, planned, possible, proposed, cancelled, denied")] = None,
    article: Annotated[str | None, Query(description="only facts resting on this article (IRI or id)")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    evidence: Annotated[int, Query(ge=1, le=MAX_EVIDENCE, description="evidence sentences listed and checked per "
                                   "fact (an agreement can rest on thousands); `evidence_count` has the total")] = EVIDENCE_LIMIT,
    format: Annotated[str | None, Query(description="html or json (instead of the Accept header)")] = None,
) -> Response:
    try:
        html = _wants_html(request, format)
    except BadInput as e:
        return _error(400, str(e), e.parameter)
    if html is None:
        return _not_acceptable()
    svc = get_service(request)
    view = FactsHtml(svc.base) if html else None
    try:
        lookup = svc.lookup()
        flt = FactFilter.parse(lookup, type, status, article, date_from, date_to)
        res = lookup.resolve(entity, "entity")
    except BadInput as e:  # the input is not echoed back
        return view.not_found("", str(e), 400) if view else _error(400, str(e), e.parameter)
    if res.status == "ambiguous":
        c = candidates_answer(res, "entity")
        if view:
            return view.candidates(c, _params(request))
        return JSONResponse(c.model_dump(exclude_none=True), status_code=300, headers={"Vary": "Accept"})
    if res.entity is None:
        msg = f"No entity matches {res.query!r}."
        return view.not_found(entity, msg, 404) if view else _error(404, msg, "entity", query=res.query)
    page = lookup.facts(res.entity.iri, flt, limit, offset, query=res.query, info=res.entity, evidence_limit=evidence)
    if view:
        return view.facts_page(page, _params(request))
    return JSONResponse(page.model_dump(exclude_none=True), headers={"Vary": "Accept"})


@router.get("/facts/check", response_model=CheckResult, response_model_exclude_none=True, responses=RESPONSES,
            summary="Check a structured claim: supported, contradicted or not found, with the facts that say so")
@timing.offloaded(FACTS_THREADS)
def check(
    request: Request,
    subject: Annotated[str, Query(description="the entity the claim is about: QID, IRI or name")],
    type: Annotated[str, Query(description="meeting (or a kind of meeting), casualty, statement, position, "
                                           "violation, agreement")],
    object: Annotated[str | None, Query(description="another entity: the other party of a meeting, the office "
                                                    "of a position, the agreement or accused of a violation, "
                                                    "a party of an agreement")] = None,
    place: Annotated[str | None, Query(description="where (entity)")] = None,
    date: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    status: Annotated[str | None, Query(description="meetings: occurred (default), planned, possible, proposed, "
                                                    "cancelled, denied")] = None,
    count: Annotated[int | None, Query(ge=0, description="casualties: the figure")] = None,
    qualifier: Annotated[str | None, Query(description="casualties: exactly (default), at_least, more_than, "
                                                       "about, at_most")] = None,
    outcome: Annotated[str | None, Query(description="casualties: killed, injured, displaced, refugees, "
                                                     "missing, captured")] = None,
    quote: Annotated[str | None, Query(description="statements: words the subject said")] = None,
    act: Annotated[str | None, Query(description="statements: say, announce, confirm, deny, call_for, reject, "
                                                 "warn, accuse")] = None,
    format: Annotated[str | None, Query(description="html or json")] = None,
) -> Response:
    try:
        html = _wants_html(request, format)
    except BadInput as e:
        return _error(400, str(e), e.parameter)
    if html is None:
        return _not_acceptable()
    svc = get_service(request)
    try:
        claim = Claim.parse(subject, type, object, place, date, status, count, qualifier, outcome, quote, act)
        result = check_claim(svc.lookup(), claim)
    except BadInput as e:
        return _error(400, str(e), e.parameter)
    except AmbiguousReference as e:
        c = candidates_answer(e.resolution, e.parameter)
        if html:
            return FactsHtml(svc.base).candidates(c, _params(request))
        return JSONResponse(c.model_dump(exclude_none=True), status_code=300, headers={"Vary": "Accept"})
    if html:
        return FactsHtml(svc.base).check(result)
    return JSONResponse(result.model_dump(exclude_none=True), headers={"Vary": "Accept"})
