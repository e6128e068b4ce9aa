"""The one error type of Unwall. The HTTP layer maps `status` and `code` to
`{"error": {"code": ..., "message": ...}}`; the CLI prints `message`."""

from __future__ import annotations


class UnwallError(Exception):
    """A documented failure: bad input, limits, no article, overload."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status

    def to_dict(self) -> dict[str, dict[str, str]]:
        return {"error": {"code": self.code, "message": self.message}}

    def __reduce__(self) -> tuple[type[UnwallError], tuple[str, str, int]]:
        # Errors cross the process boundary of the worker pool.
        return (UnwallError, (self.code, self.message, self.status))


# The documented codes, in one place so the OpenAPI document and tests agree.
EMPTY_BODY = "empty_body"
UNDECODABLE = "undecodable"
INVALID_JSON = "invalid_json"
MISSING_HTML = "missing_html"
INVALID_URL = "invalid_url"
INVALID_FORMAT = "invalid_format"
UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
PAYLOAD_TOO_LARGE = "payload_too_large"
TOO_COMPLEX = "too_complex"
NO_ARTICLE = "no_article"
OVERLOADED = "overloaded"
TIMEOUT = "timeout"
WORKER_CRASHED = "worker_crashed"
INTERNAL = "internal_error"
NOT_FOUND = "not_found"
METHOD_NOT_ALLOWED = "method_not_allowed"
MISDIRECTED = "misdirected_request"
FORBIDDEN_ORIGIN = "forbidden_origin"
UNAUTHORIZED = "unauthorized"
REQUEST_TIMEOUT = "request_timeout"
