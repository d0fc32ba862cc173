"""Request parsing shared by the protocol routes: media types, form bodies, parameters, bearer tokens.

`operation_from_post` is the one place that reads a SPARQL protocol POST
(form-encoded or direct) for both operations, query (/sparql) and update
(/update): the two differ only in names, media type and messages (`QUERY_OP`,
`UPDATE_OP`).
"""

from __future__ import annotations

import codecs
import hmac
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote

from fastapi import Request
from fastapi.responses import Response

FORM = "application/x-www-form-urlencoded"


class HTTPProblem(Exception):
    """A client error answered as text/plain with the given status."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}

    def response(self) -> Response:
        return Response(
            (self.message.rstrip("\n") + "\n").encode("utf-8"), status_code=self.status,
            media_type="text/plain; charset=utf-8", headers=self.headers,
        )


def media_type(request: Request) -> tuple[str, dict[str, str]]:
    """The request's media type (lower case) and its parameters; ("", {}) without Content-Type."""
    return split_media_type(request.headers.get("content-type", ""))


def split_media_type(raw: str) -> tuple[str, dict[str, str]]:
    """`type/subtype; k=v` -> ("type/subtype" lower case, {k: v})."""
    parts = [p.strip() for p in raw.split(";")]
    params = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        params[k.strip().lower()] = v.strip().strip('"')
    return parts[0].lower(), params


def decode_utf8(body: bytes, params: dict[str, str], what: str) -> str:
    """SPARQL protocol bodies are UTF-8; another declared charset or invalid bytes are a 4xx."""
    charset = params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise HTTPProblem(415, f"The {what} must be encoded in UTF-8 (got charset={charset}).")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HTTPProblem(400, f"The {what} is not valid UTF-8: {e}") from e


def parse_form(body: bytes, params: dict[str, str]) -> list[tuple[str, str]]:
    text = decode_utf8(body, params, "form body")
    try:
        return parse_qsl(text, keep_blank_values=True, strict_parsing=False, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as e:
        raise HTTPProblem(400, f"The form body has invalid percent-encoded UTF-8: {e}") from e


def parse_query_string(raw: bytes) -> list[tuple[str, str]]:
    """The URL's parameters, exactly as Starlette's `request.query_params.multi_items()` gives them, faster.

    A SPARQL query in a URL is mostly percent escapes, and the standard library decodes those one at a time
    in Python; here `codecs.escape_decode` (C) does it after turning `%XX` into `\\xXX`.  Anything unusual
    (non-ASCII bytes, a malformed escape) goes the standard way.
    """
    if not raw.isascii():
        return parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
    out = []
    for field in raw.split(b"&"):
        if field:
            name, _, value = field.partition(b"=")
            out.append((_unquote_plus(name), _unquote_plus(value)))
    return out


def _unquote_plus(b: bytes) -> str:
    b = b.replace(b"+", b" ")
    if b"%" in b:
        try:
            b = codecs.escape_decode(b.replace(b"\\", b"\\\\").replace(b"%", b"\\x"))[0]
        except ValueError:  # a '%' not followed by two hex digits: the standard decoder keeps it as is
            return unquote(b.decode("ascii"))
    return b.decode("utf-8", "replace")


def values(pairs: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in pairs if k == name]


def one(pairs: list[tuple[str, str]], name: str) -> str | None:
    """The single value of `name`; 400 if it is given more than once."""
    vs = values(pairs, name)
    if len(vs) > 1:
        raise HTTPProblem(400, f"The '{name}' parameter must be given at most once (got {len(vs)}).")
    return vs[0] if vs else None


@dataclass(frozen=True)
class Operation:
    """How one SPARQL protocol operation is sent: its parameter, direct-POST media type, and the other operation."""

    name: str  # "query" or "update": the form / URL parameter
    direct: str  # media type of a direct POST
    other: str  # the other operation's parameter, refused here
    other_message: str  # why it is refused


QUERY_OP = Operation("query", "application/sparql-query", "update", "SPARQL updates go to /update, not /sparql.")
UPDATE_OP = Operation("update", "application/sparql-update", "query", "Queries go to /sparql, not /update.")


def operation_from_post(op: Operation, content_type: str, body: bytes, url_pairs: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The operation text and all its parameters from a protocol POST; HTTPProblem for anything the spec refuses.

    Form-encoded: the text is the form's `op.name` field, and the other parameters may come in the body or
    the URL.  Direct: the text is the UTF-8 body and the parameters come from the URL only.
    """
    mt, params = split_media_type(content_type)
    if mt == FORM:
        pairs = parse_form(body, params)
        if values(pairs, op.other):
            raise HTTPProblem(400, op.other_message)
        text = one(pairs, op.name)
        if text is None:
            raise HTTPProblem(400, f"The form has no '{op.name}' parameter.")
        return text, pairs + url_pairs
    if mt == op.direct:
        if values(url_pairs, op.name):
            article = "an" if op.name[0] in "aeiou" else "a"
            raise HTTPProblem(400, f"A direct POST carries the {op.name} in the body, not in {article} '{op.name}' URL parameter.")
        return decode_utf8(body, params, op.name), url_pairs
    if not mt:
        raise HTTPProblem(415, f"POST needs Content-Type {FORM} or {op.direct}.")
    raise HTTPProblem(415, f"Unsupported media type {mt!r}: use {FORM} or {op.direct}.")


def require_writer(request: Request, token: str | None) -> None:
    """Writes need a configured token and `Authorization: Bearer <token>`.

    No token configured: writes are disabled (403).  Token configured but
    missing or wrong credentials: 401 with `WWW-Authenticate: Bearer`.
    """
    if not token:
        raise HTTPProblem(403, "Writes are disabled on this server (start it with --update-token or SYRIAKG_UPDATE_TOKEN).")
    auth = request.headers.get("authorization", "")
    scheme, _, given = auth.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPProblem(401, "This write needs 'Authorization: Bearer <token>'.", {"WWW-Authenticate": 'Bearer realm="syriakg"'})
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise HTTPProblem(401, "Invalid bearer token.", {"WWW-Authenticate": 'Bearer realm="syriakg", error="invalid_token"'})


def service_url(request: Request, path: str) -> str:
    """Absolute URL of one of our routes as the client sees it (used as base IRI and in descriptions)."""
    return f"{request.url.scheme}://{request.url.netloc}{path}"
