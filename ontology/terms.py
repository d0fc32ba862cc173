"""The one namespace module: every IRI the code writes or queries comes from here.

`ontology/syriakg.ttl` is the single source of the project vocabulary; the
`KG_TERMS` listed below must each be declared there, and every term declared
there must be listed here (checked by `tests/test_ontology.py`).  The standard
vocabularies (schema.org, PROV-O, NIF, SEM, ITS) are only named, not declared.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

KG_NS = "https://w3id.org/syriakg/ontology#"
SCHEMA_NS = "https://schema.org/"
PROV_NS = "http://www.w3.org/ns/prov#"
NIF_NS = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SEM_NS = "http://semanticweb.cs.vu.nl/2009/11/sem/"
OWL_NS = "http://www.w3.org/2002/07/owl#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
WD_NS = "http://www.wikidata.org/entity/"
ITSRDF_NS = "http://www.w3.org/2005/11/its/rdf#"
SH_NS = "http://www.w3.org/ns/shacl#"
DCTERMS_NS = "http://purl.org/dc/terms/"

DEFAULT_BASE = "https://w3id.org/syriakg/resource/"

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "schema": SCHEMA_NS,
    "prov": PROV_NS,
    "nif": NIF_NS,
    "sem": SEM_NS,
    "owl": OWL_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "wd": WD_NS,
    "itsrdf": ITSRDF_NS,
}


def sparql_prefixes() -> str:
    """PREFIX lines for every prefix above, for queries the code writes."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


# --- project terms (declared in ontology/syriakg.ttl) -----------------------
KG_CLASSES = (
    # events
    "Meeting", "Talks", "PhoneCall", "Visit", "Summit", "Negotiation",
    # agreements and claims about them
    "Agreement", "ViolationClaim", "ObstructionClaim",
    # casualties, statements, positions
    "CasualtyClaim", "Statement", "PositionHolding", "Position",
    # text
    "Caption",
    # value sets
    "Status", "CountQualifier", "Outcome", "SpeechAct",
    # entities that schema.org has no class for
    "EthnicGroup", "ArmedGroup",
    # cross-article merging (derived graph `graph/events`, loaders/link)
    "CanonicalEvent", "CanonicalCasualty",
)
KG_PROPERTIES = (
    # articles
    "sourceFile", "sha256", "headerDateText", "dateConflict", "wireAgency",
    "photoCredit", "extractorVersion", "bodyEnd",
    # facts
    "status", "date", "dateText", "topic", "party", "agreement", "claimant",
    "accused", "count", "countText", "countQualifier", "outcome", "victims",
    "speaker", "quote", "speechAct", "holder", "position", "textSha256",
    "reportedIn", "sameEventAs",
    # cross-article merging
    "report", "reportedStatus", "reportedDate", "reportedCount",
)
KG_INDIVIDUALS = (
    # kg:Status
    "Occurred", "Planned", "Possible", "Proposed", "Cancelled", "Denied",
    # kg:CountQualifier
    "Exactly", "AtLeast", "MoreThan", "About", "AtMost", "Vague",
    # kg:Outcome
    "Killed", "Injured", "Displaced", "Refugees", "Missing", "Captured",
    # kg:SpeechAct
    "Say", "Announce", "Confirm", "Deny", "CallFor", "Reject", "Warn", "Accuse",
)
KG_TERMS = KG_CLASSES + KG_PROPERTIES + KG_INDIVIDUALS


class _Vocab:
    """Attribute access to the IRIs of one namespace: `KG.Meeting`, `SCHEMA.headline`."""

    def __init__(self, ns: str, terms: tuple[str, ...] | None = None) -> None:
        self._ns = ns
        self._terms = frozenset(terms) if terms is not None else None

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._terms is not None and name not in self._terms:
            raise AttributeError(f"{name!r} is not a term of {self._ns}; declare it in ontology/syriakg.ttl")
        node = NamedNode(self._ns + name)
        setattr(self, name, node)
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return getattr(self, name)

    @property
    def ns(self) -> str:
        return self._ns


KG = _Vocab(KG_NS, KG_TERMS)
SCHEMA = _Vocab(SCHEMA_NS)
PROV = _Vocab(PROV_NS)
NIF = _Vocab(NIF_NS)
SEM = _Vocab(SEM_NS)
OWL = _Vocab(OWL_NS)
RDF = _Vocab(RDF_NS)
RDFS = _Vocab(RDFS_NS)
XSD = _Vocab(XSD_NS)
WD = _Vocab(WD_NS)
ITSRDF = _Vocab(ITSRDF_NS)

RDF_TYPE = NamedNode(RDF_NS + "type")

# Meeting kinds used by the fact model -> ontology class local name.
EVENT_CLASS = {
    "meeting": "Meeting",
    "talks": "Talks",
    "phone_call": "PhoneCall",
    "visit": "Visit",
    "summit": "Summit",
    "negotiation": "Negotiation",
}
STATUS = {s.lower(): s for s in ("Occurred", "Planned", "Possible", "Proposed", "Cancelled", "Denied")}
QUALIFIER = {
    "exactly": "Exactly", "at_least": "AtLeast", "more_than": "MoreThan",
    "about": "About", "at_most": "AtMost", "vague": "Vague",
}
OUTCOME = {o.lower(): o for o in ("Killed", "Injured", "Displaced", "Refugees", "Missing", "Captured")}
SPEECH_ACT = {
    "say": "Say", "announce": "Announce", "confirm": "Confirm", "deny": "Deny",
    "call_for": "CallFor", "reject": "Reject", "warn": "Warn", "accuse": "Accuse",
}
ENTITY_CLASS = {
    "person": SCHEMA_NS + "Person",
    "country": SCHEMA_NS + "Country",
    "place": SCHEMA_NS + "Place",
    "organization": SCHEMA_NS + "Organization",
    "armed_group": KG_NS + "ArmedGroup",
    "ethnic_group": KG_NS + "EthnicGroup",
}

# Named graphs outside the per-article ones.
def graph_iri(base: str, name: str) -> NamedNode:
    """The IRI of a shared named graph: `ontology`, `entities`, `agreements`, `events`."""
    return NamedNode(f"{base}graph/{name}")
