"""Credentials for a remote triplestore (``push``, ``--endpoint``): taken from the environment or
``~/.netrc``, never from the command line, where they would stay in the shell's history and in
every process listing.

Where they come from, the first found wins:

1. ``CLAIMGRAPH_ENDPOINT_TOKEN``: sent as ``Authorization: Bearer …`` with every request;
2. ``CLAIMGRAPH_ENDPOINT_USER`` and ``CLAIMGRAPH_ENDPOINT_PASSWORD``;
3. the endpoint host's ``machine`` entry of ``~/.netrc`` (``$NETRC`` names another file, as for
   curl), or its ``default`` entry.

A user and password are sent only when the server asks (a 401 with ``WWW-Authenticate``), as HTTP
basic or digest (RFC 7616, MD5 or SHA-256, ``qop=auth``: what Virtuoso's ``/sparql-auth`` and
``/sparql-graph-crud-auth`` ask for); the challenge is then kept for the host, so the next
requests carry their answer at once.
"""
import hashlib
import netrc
import os
import secrets
import threading
import urllib.parse
import urllib.request
from base64 import b64encode
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import QueryError

USER_VAR, PASSWORD_VAR, TOKEN_VAR = "CLAIMGRAPH_ENDPOINT_USER", "CLAIMGRAPH_ENDPOINT_PASSWORD", "CLAIMGRAPH_ENDPOINT_TOKEN"
WHERE_TO_PUT = (f"set {USER_VAR} and {PASSWORD_VAR} (or {TOKEN_VAR}), or add "
                "`machine HOST login USER password PASSWORD` to ~/.netrc")


@dataclass
class Credentials:
    """A user and password, or a token, and where they were found (for messages)."""

    source: str
    user: str = ""
    password: str = ""
    token: str = ""


def display_url(url: str) -> str:
    """``url`` without any user or password in it, for messages."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def refuse_userinfo(url: str) -> None:
    """QueryError (one line, the password left out) when ``url`` carries a user or password."""
    if "@" in urllib.parse.urlsplit(url).netloc:
        raise QueryError(f"{display_url(url)}: a user or password in the URL is refused (it would stay in "
                         f"your shell history and process list); {WHERE_TO_PUT}")


def find_credentials(url: str) -> Credentials | None:
    """The credentials for ``url``'s host (see the module for the order), or None."""
    if os.environ.get(TOKEN_VAR):
        return Credentials(f"${TOKEN_VAR}", token=os.environ[TOKEN_VAR])
    user, password = os.environ.get(USER_VAR), os.environ.get(PASSWORD_VAR)
    if user or password:
        if not (user and password):
            missing = PASSWORD_VAR if user else USER_VAR
            raise QueryError(f"{USER_VAR if user else PASSWORD_VAR} is set but {missing} is not; set both")
        return Credentials(f"${USER_VAR} and ${PASSWORD_VAR}", user=user, password=password)
    return _from_netrc(urllib.parse.urlsplit(url).hostname or "")


def _netrc_path() -> Path:
    return Path(os.environ.get("NETRC") or Path.home() / ".netrc")


def _from_netrc(host: str) -> Credentials | None:
    path = _netrc_path()
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except netrc.NetrcParseError as exc:
        raise QueryError(f"{path}: cannot be read as a netrc file: {exc.msg} (line {exc.lineno})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    if not entry or not entry[0]:
        return None
    return Credentials(f"{path} (machine {host})", user=entry[0], password=entry[2] or "")


def describe_refusal(credentials: Credentials | None) -> str:
    """What to add to a 401: which credentials were refused, or where to put some."""
    if credentials is None:
        return f"no credentials were found: {WHERE_TO_PUT}"
    return f"the credentials from {credentials.source} were refused"


@dataclass
class _Challenge:
    scheme: str  # "basic" or "digest"
    params: dict = field(default_factory=dict)
    count: int = 0


class Authenticator:
    """Answers the challenges of the hosts it meets with ``credentials``: one per command, shared
    by its requests (a host's challenge is kept, so later requests need no 401 round trip)."""

    def __init__(self, credentials: Credentials | None):
        self.credentials = credentials
        self._challenges: dict[tuple, _Challenge] = {}
        self._lock = threading.Lock()

    def header(self, host: tuple, method: str, path: str) -> str | None:
        """The Authorization header for a request to ``host`` (scheme, name, port), if any."""
        c = self.credentials
        if c is None:
            return None
        if c.token:
            return f"Bearer {c.token}"
        with self._lock:
            challenge = self._challenges.get(host)
            if challenge is None:
                return None
            if challenge.scheme == "basic":
                return "Basic " + b64encode(f"{c.user}:{c.password}".encode()).decode()
            challenge.count += 1
            return _digest(c, challenge.params, challenge.count, method, path)

    def challenged(self, host: tuple, headers: list[str], sent: bool) -> bool:
        """Take the ``WWW-Authenticate`` headers of a 401; True when a retry may pass (a scheme
        we answer, and either nothing was sent yet or the server says the nonce was stale)."""
        c = self.credentials
        if c is None or c.token:
            return False
        offers = [_parse_challenge(h) for h in headers]
        offers = [o for o in offers if o and o.scheme in ("digest", "basic")
                  and (o.scheme == "basic" or o.params.get("algorithm", "MD5").upper() in _HASHES)]
        if not offers:
            return False
        offer = min(offers, key=lambda o: o.scheme != "digest")  # digest before basic
        stale = offer.params.get("stale", "").lower() == "true"
        with self._lock:
            before = self._challenges.get(host)
            self._challenges[host] = offer
        # another path of the host may have its own nonce (Virtuoso's -auth endpoints): one more try
        fresh = before is None or before.params.get("nonce") != offer.params.get("nonce")
        return not sent or stale or (fresh and offer.scheme == "digest")


_HASHES = {"MD5": hashlib.md5, "MD5-SESS": hashlib.md5, "SHA-256": hashlib.sha256, "SHA-256-SESS": hashlib.sha256}


def _parse_challenge(header: str) -> _Challenge | None:
    scheme, _, rest = header.strip().partition(" ")
    if not scheme:
        return None
    params = urllib.request.parse_keqv_list(
        [p for p in urllib.request.parse_http_list(rest) if "=" in p]) if rest else {}
    return _Challenge(scheme.lower(), {k.lower(): v for k, v in params.items()})


def _digest(c: Credentials, params: dict, count: int, method: str, path: str) -> str:
    algorithm = params.get("algorithm", "MD5")
    h = lambda text: _HASHES[algorithm.upper()](text.encode()).hexdigest()  # noqa: E731
    realm, nonce = params.get("realm", ""), params.get("nonce", "")
    cnonce, nc = secrets.token_hex(8), f"{count:08x}"
    ha1 = h(f"{c.user}:{realm}:{c.password}")
    if algorithm.upper().endswith("-SESS"):
        ha1 = h(f"{ha1}:{nonce}:{cnonce}")
    ha2 = h(f"{method}:{path}")
    qops = [q.strip() for q in params.get("qop", "").split(",") if q.strip()]
    fields = [f'username="{c.user}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{path}"',
              f"algorithm={algorithm}"]
    if "auth" in qops:
        fields += [f'response="{h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")}"', "qop=auth", f"nc={nc}",
                   f'cnonce="{cnonce}"']
    else:
        fields.append(f'response="{h(f"{ha1}:{nonce}:{ha2}")}"')
    if "opaque" in params:
        fields.append(f'opaque="{params["opaque"]}"')
    return "Digest " + ", ".join(fields)
