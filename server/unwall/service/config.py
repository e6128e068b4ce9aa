"""Service settings: defaults, then `UNWALL_*` environment variables, then
command-line flags (applied by the CLI)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from unwall.pipeline.parse import DEFAULT_MAX_ELEMENTS
from unwall.service.pool import default_pool_size

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8642
DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024
DEFAULT_TIMEOUT_SECONDS = 10.0


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"unwall: {name} must be a whole number, not {value!r}") from None


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return float(value)
    except ValueError:
        raise SystemExit(f"unwall: {name} must be a number, not {value!r}") from None


def _env_set(name: str) -> frozenset[str]:
    return frozenset(item.strip().lower() for item in os.environ.get(name, "").split(",") if item.strip())


@dataclass(frozen=True)
class Settings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int = field(default_factory=default_pool_size)
    # Pages waiting for a worker beyond those being processed; more get 503.
    queue_limit: int = 16
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
    max_elements: int = DEFAULT_MAX_ELEMENTS
    # Host names besides the loopback ones that the service answers to.
    allowed_hosts: frozenset[str] = frozenset()
    # With a token, every request must send `Authorization: Bearer <token>`.
    token: str | None = None
    # Empty: any browser extension may call; otherwise only these extension ids.
    extension_ids: frozenset[str] = frozenset()
    # Seconds a client may take to send its whole body.
    read_timeout_seconds: float = 30.0
    # Several `unwall serve` processes may share the port (SO_REUSEPORT); the
    # kernel spreads connections between them.
    reuse_port: bool = False

    @classmethod
    def from_environment(cls) -> Settings:
        return cls(
            host=os.environ.get("UNWALL_HOST") or DEFAULT_HOST,
            port=_env_int("UNWALL_PORT", DEFAULT_PORT),
            workers=_env_int("UNWALL_WORKERS", default_pool_size()),
            queue_limit=_env_int("UNWALL_QUEUE_LIMIT", 16),
            max_body_bytes=_env_int("UNWALL_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
            timeout_seconds=_env_float("UNWALL_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS),
            max_elements=_env_int("UNWALL_MAX_ELEMENTS", DEFAULT_MAX_ELEMENTS),
            allowed_hosts=_env_set("UNWALL_ALLOWED_HOSTS"),
            token=os.environ.get("UNWALL_TOKEN") or None,
            extension_ids=_env_set("UNWALL_EXTENSION_IDS"),
            read_timeout_seconds=_env_float("UNWALL_READ_TIMEOUT_SECONDS", 30.0),
            reuse_port=os.environ.get("UNWALL_REUSE_PORT", "").lower() in {"1", "true", "yes"},
        )
