"""Who may talk to the service.

Unwall listens on the user's machine, where any web page in their browser can
send it requests. Three checks, in this order, keep those pages out:

1. Host: only loopback names (and names the user configured) are served. A
   DNS-rebinding page reaches us under its own host name, and gets 421.
2. Origin: a request from a web origin (http/https) gets 403; the extension
   (chrome-extension://, moz-extension://, optionally pinned ids), clients
   that send no Origin (curl, scripts) and the service's own pages (the home
   page's form: browsers send Origin on every POST, same-origin ones too) are
   served. CORS headers go only to extension origins.
3. Token: with a token configured, every request must carry it as
   `Authorization: Bearer`.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from aiohttp.typedefs import Middleware

from unwall import errors
from unwall.errors import UnwallError

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
EXTENSION_SCHEMES = ("chrome-extension://", "moz-extension://", "safari-web-extension://")
CORS_MAX_AGE_SECONDS = "600"

# The CORS headers an allowed origin gets, kept on the request for error answers.
CORS_KEY = web.RequestKey("unwall.cors_headers", dict[str, str])

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class AccessPolicy:
    extra_hosts: frozenset[str] = frozenset()
    token: str | None = None
    # Empty: any extension may call; otherwise only these extension ids.
    extension_ids: frozenset[str] = frozenset()

    def host_allowed(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        host = host_header.strip().lower()
        if host.startswith("["):  # [::1]:8642
            name = host.split("]")[0] + "]"
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        if name in LOOPBACK_NAMES or name in self.extra_hosts:
            return True
        try:
            return ipaddress.ip_address(name.strip("[]")).is_loopback
        except ValueError:
            return False

    def origin_allowed(self, origin: str | None) -> bool:
        if origin is None:
            return True  # curl and scripts send none; browsers always send one on POST
        origin = origin.strip()
        if not origin.startswith(EXTENSION_SCHEMES):
            return False
        if not self.extension_ids:
            return True
        extension_id = origin.split("://", 1)[1].strip("/").lower()
        return extension_id in self.extension_ids

    def token_valid(self, authorization: str | None) -> bool:
        if self.token is None:
            return True
        scheme, _, presented = (authorization or "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            presented.strip().encode(), self.token.encode()
        )


def is_loopback_address(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_same_origin(origin: str, host_header: str | None) -> bool:
    """Whether `origin` is the service itself, as the browser reached it. The
    Host was checked first, so a rebinding page's own name never gets here."""
    if not host_header:
        return False
    return origin.strip().lower() == "http://" + host_header.strip().lower()


def access_middleware(policy: AccessPolicy) -> Middleware:
    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not policy.host_allowed(request.headers.get("Host")):
            raise UnwallError(errors.MISDIRECTED, "This service only answers to its loopback address.", 421)
        origin = request.headers.get("Origin")
        if origin is not None and is_same_origin(origin, request.headers.get("Host")):
            origin = None  # our own page: needs no CORS, and is no other page
        if not policy.origin_allowed(origin):
            raise UnwallError(errors.FORBIDDEN_ORIGIN, f"Requests from {origin!r} are not allowed.", 403)
        cors = _cors_headers(origin)
        if request.method == "OPTIONS" and origin is not None:
            return web.Response(status=204, headers=cors)
        if not policy.token_valid(request.headers.get("Authorization")):
            raise UnwallError(
                errors.UNAUTHORIZED,
                "A token is required: send it as 'Authorization: Bearer <token>'.",
                401,
            )
        request[CORS_KEY] = cors  # error answers made further out carry them too
        response = await handler(request)
        response.headers.update(cors)
        return response

    return guard


def _cors_headers(origin: str | None) -> dict[str, str]:
    if origin is None:
        return {}
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Authorization, Accept",
        "Access-Control-Max-Age": CORS_MAX_AGE_SECONDS,
        "Vary": "Origin",
    }
