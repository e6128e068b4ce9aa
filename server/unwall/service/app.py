"""The HTTP shell: translate requests to pipeline jobs and answers to responses.
No extraction logic lives here."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

from unwall import __version__, errors
from unwall.errors import UnwallError
from unwall.formats import MEDIA_TYPES, check_format, format_from_accept
from unwall.render.html_page import CONTENT_SECURITY_POLICY
from unwall.service.config import Settings
from unwall.service.guard import CORS_KEY, AccessPolicy, access_middleware, is_loopback_address
from unwall.service.home import HOME_CSP, HOME_PAGE
from unwall.service.pool import Job, WorkerPool

log = logging.getLogger(__name__)

POOL_KEY = web.AppKey("pool", WorkerPool)
SETTINGS_KEY = web.AppKey("settings", Settings)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})
# The reader page's own policy (its style pinned by hash), sent as a header too,
# where frame-ancestors also works.
READER_PAGE_CSP = CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'"
# The longest `url` the document allows (shared/api/openapi.json, its maxLength).
MAX_URL_CHARS = 8192
# aiohttp answers a request line or header longer than its limit (8190 bytes by
# default) itself, in text/plain, before any middleware: room for the longest
# documented `url` with every character percent-encoded (3 bytes each), plus the
# path and the other parameters. A longer `url` that fits gets our JSON 400.
MAX_REQUEST_LINE_BYTES = 3 * MAX_URL_CHARS + 8192
# Statuses aiohttp raises itself, mapped to our codes.
_HTTP_CODES = {
    404: errors.NOT_FOUND,
    405: errors.METHOD_NOT_ALLOWED,
    413: errors.PAYLOAD_TOO_LARGE,
    415: errors.UNSUPPORTED_MEDIA_TYPE,
}


def error_response(error: UnwallError, request: web.Request | None = None) -> web.Response:
    headers = dict(request.get(CORS_KEY, {})) if request is not None else {}
    if error.status == 503:
        headers["Retry-After"] = "1"
    return web.json_response(error.to_dict(), status=error.status, headers=headers)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """One error shape everywhere, including aiohttp's own 404/405/413."""
    try:
        return await handler(request)
    except UnwallError as error:
        return error_response(error, request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = _HTTP_CODES.get(exc.status, "http_error")
        message = exc.text if exc.text and not exc.text.startswith(str(exc.status)) else exc.reason
        if exc.status == 413:
            limit = request.app[SETTINGS_KEY].max_body_bytes
            message = f"The body is larger than the limit of {limit} bytes."
        return error_response(UnwallError(code, message or exc.reason, exc.status), request)
    except Exception:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(UnwallError(errors.INTERNAL, "Internal error.", 500), request)


def _check_url(url: object) -> str | None:
    if url is None or url == "":
        return None
    if not isinstance(url, str):
        raise UnwallError(errors.INVALID_URL, "`url` must be a string.", 400)
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.netloc or len(url) > MAX_URL_CHARS:
        raise UnwallError(
            errors.INVALID_URL, f"`url` must be an absolute http(s) address, not {url[:200]!r}.", 400
        )
    return url


async def _read_page(request: web.Request) -> tuple[str | bytes, str | None, str | None]:
    """(page, url from the body if any, content type for decoding)."""
    media_type = request.content_type if request.headers.get("Content-Type") else ""
    try:
        async with asyncio.timeout(request.app[SETTINGS_KEY].read_timeout_seconds):
            body = await request.read()
    except TimeoutError:
        raise UnwallError(errors.REQUEST_TIMEOUT, "The request body arrived too slowly.", 408) from None
    if not body:
        raise UnwallError(errors.EMPTY_BODY, "The request body is empty: send the page's HTML.", 400)
    if media_type in HTML_TYPES:
        return body, None, request.headers.get("Content-Type")
    if media_type == "application/json":
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise UnwallError(errors.INVALID_JSON, f"The body is not valid JSON: {exc}.", 400) from None
        if not isinstance(data, dict) or "html" not in data:
            raise UnwallError(
                errors.MISSING_HTML, 'The JSON body needs an "html" field with the page\'s HTML.', 400
            )
        html = data["html"]
        if not isinstance(html, str) or not html.strip():
            raise UnwallError(errors.MISSING_HTML, 'The "html" field must be a non-empty string.', 400)
        return html, _check_url(data.get("url")), None
    if media_type == "application/x-www-form-urlencoded":  # the home page's form
        form = await request.post()
        html = form.get("html")
        if not isinstance(html, str) or not html.strip():
            raise UnwallError(
                errors.MISSING_HTML, 'The form needs an "html" field with the page\'s HTML.', 400
            )
        return html, _check_url(form.get("url") or None), None
    raise UnwallError(
        errors.UNSUPPORTED_MEDIA_TYPE,
        f"Content-Type {media_type!r} is not supported: send text/html or application/json.",
        415,
    )


def _choose_format(request: web.Request) -> str:
    requested = request.query.get("format")
    if requested is not None:
        return check_format(requested)
    return format_from_accept(request.headers.get("Accept"))


async def reader(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    format_name = _choose_format(request)
    query_url = _check_url(request.query.get("url"))
    page, body_url, content_type = await _read_page(request)
    job = Job(
        page=page,
        url=body_url or query_url,
        content_type=content_type,
        format_name=format_name,
        max_elements=settings.max_elements,
    )
    body = await request.app[POOL_KEY].submit(job)
    headers = {"Content-Security-Policy": READER_PAGE_CSP} if format_name == "html" else {}
    return web.Response(body=body, content_type=MEDIA_TYPES[format_name], charset="utf-8", headers=headers)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": __version__})


OPENAPI_PATH = Path(__file__).resolve().parent.parent / "shared" / "api" / "openapi.json"


async def openapi(request: web.Request) -> web.Response:
    return web.Response(body=OPENAPI_PATH.read_bytes(), content_type="application/json", charset="utf-8")


async def home(request: web.Request) -> web.Response:
    return web.Response(
        text=HOME_PAGE,
        content_type="text/html",
        charset="utf-8",
        headers={"Content-Security-Policy": HOME_CSP},
    )


def make_app(settings: Settings, pool: WorkerPool | None = None) -> web.Application:
    # client_max_size is aiohttp's body limit; a little room for JSON quoting of the page.
    policy = AccessPolicy(
        extra_hosts=settings.allowed_hosts, token=settings.token, extension_ids=settings.extension_ids
    )
    app = web.Application(
        middlewares=[json_errors, access_middleware(policy)], client_max_size=settings.max_body_bytes
    )
    app[SETTINGS_KEY] = settings
    app[POOL_KEY] = pool or WorkerPool(settings.workers, settings.queue_limit, settings.timeout_seconds)

    async def pool_lifecycle(app: web.Application) -> AsyncIterator[None]:
        await app[POOL_KEY].start()
        yield
        await app[POOL_KEY].close()

    app.cleanup_ctx.append(pool_lifecycle)
    app.router.add_post("/v1/reader", reader)
    app.router.add_get("/healthz", health)
    app.router.add_get("/openapi.json", openapi)
    app.router.add_get("/", home)
    return app


def serve(settings: Settings) -> None:
    if not is_loopback_address(settings.host) and not settings.token:
        raise SystemExit(
            f"unwall: refusing to listen on {settings.host} without a token: any machine on the "
            "network could use the service. Set UNWALL_TOKEN, or listen on 127.0.0.1."
        )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = make_app(settings)
    print(
        f"Unwall {__version__} listening on http://{settings.host}:{settings.port} "
        f"({settings.workers} workers)",
        flush=True,
    )
    web.run_app(
        app,
        host=settings.host,
        port=settings.port,
        print=None,
        reuse_port=settings.reuse_port or None,
        # Passed on to each connection's RequestHandler (aiohttp 3.14 takes them as
        # keywords; an unknown keyword is dropped there with only a warning).
        max_line_size=MAX_REQUEST_LINE_BYTES,
        max_field_size=MAX_REQUEST_LINE_BYTES,
    )
