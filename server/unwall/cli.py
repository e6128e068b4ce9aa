"""`unwall clean` and `unwall serve`: thin shells over the pipeline and the service."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace

from unwall import __version__
from unwall.errors import UnwallError
from unwall.formats import MEDIA_TYPES


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="unwall", description="A reader view that strips cookie walls.")
    parser.add_argument("--version", action="version", version=f"unwall {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    clean = commands.add_parser("clean", help="print the clean article of a saved page")
    clean.add_argument("file", nargs="?", default="-", help="the page's HTML file, or - for standard input")
    clean.add_argument("--url", help="the page's address, to make links and images absolute")
    clean.add_argument("--format", choices=tuple(MEDIA_TYPES), default="json")

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1, or UNWALL_HOST)")
    serve.add_argument("--port", type=int, help="port (default 8642, or UNWALL_PORT)")
    serve.add_argument("--workers", type=int, help="worker processes (default: the number of cores)")
    serve.add_argument("--timeout", type=float, help="seconds allowed per extraction (default 10)")
    serve.add_argument("--max-body-bytes", type=int, help="largest accepted body (default 16 MiB)")
    serve.add_argument(
        "--reuse-port",
        action="store_true",
        default=None,
        help="let several unwall processes listen on the same port (SO_REUSEPORT)",
    )
    return parser


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _clean(args: argparse.Namespace) -> int:
    from unwall.formats import render
    from unwall.pipeline import run

    try:
        page = _read_input(args.file)
    except OSError as exc:
        print(f"unwall: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        extraction = run(page, args.url)
    except UnwallError as error:
        print(f"unwall: {error.code}: {error.message}", file=sys.stderr)
        return 1
    output = render(extraction, args.format)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from unwall.service.app import serve
    from unwall.service.config import Settings

    settings = Settings.from_environment()
    overrides = {
        "host": args.host,
        "port": args.port,
        "workers": args.workers,
        "timeout_seconds": args.timeout,
        "max_body_bytes": args.max_body_bytes,
        "reuse_port": args.reuse_port,
    }
    settings = replace(settings, **{k: v for k, v in overrides.items() if v is not None})
    serve(settings)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    if args.command == "clean":
        return _clean(args)
    return _serve(args)


if __name__ == "__main__":
    raise SystemExit(main())
