"""Pipeline speed, on one core, against the parse floor and readability-lxml.

    python benchmarks/pipeline.py [--corpus DIR ...] [--repeat N] [--json FILE]

For every page: (a) lxml.html parse alone, the floor; (b) readability-lxml
alone, Document(html).summary(); (c) the whole Unwall pipeline; (d) each Unwall
stage. Median and p95 milliseconds, pages per second, peak Python memory
(tracemalloc, in a separate pass so it does not slow the timings), and the
ratios (c)/(a) and (c)/(b) computed page by page. Then the size curve: one
real page repeated to 1, 2, 3, 4 and 5 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
from readability import Document

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "server"))

from unwall.errors import UnwallError  # noqa: E402
from unwall.pipeline import run  # noqa: E402
from unwall.rules import load_rules  # noqa: E402

DEFAULT_CORPORA = [ROOT / "tests" / "fixtures" / "readability", ROOT / "tests" / "fixtures" / "pages"]
BASE_URL = "http://fakehost/test/page.html"
STAGES = ("decode", "parse", "strip", "extract", "enrich", "sanitize", "render")


def load_pages(corpora: list[Path]) -> list[tuple[str, bytes]]:
    pages = []
    for corpus in corpora:
        for source in sorted(corpus.glob("*/source.html")):
            pages.append((f"{corpus.name}/{source.parent.name}", source.read_bytes()))
    return pages


def best_of(repeat: int, action: Callable[[], Any]) -> float:
    """The fastest of `repeat` runs: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        with contextlib.suppress(UnwallError):
            action()
        best = min(best, time.perf_counter() - start)
    return best


def unwall_with_stages(page: bytes) -> dict[str, float]:
    timings: dict[str, float] = {}
    with contextlib.suppress(UnwallError):
        run(page, BASE_URL, timings=timings)
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def peak_memory(action: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    with contextlib.suppress(UnwallError):
        action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def measure(pages: list[tuple[str, bytes]], repeat: int) -> dict[str, Any]:
    load_rules()  # compiled once per process, as in a worker
    rows: list[dict[str, Any]] = []
    for name, page in pages:
        parse = best_of(repeat, lambda page=page: lxml.html.document_fromstring(page))
        readability = best_of(repeat, lambda page=page: Document(page).summary())
        unwall = best_of(repeat, lambda page=page: run(page, BASE_URL))
        stages: dict[str, float] = defaultdict(lambda: float("inf"))
        for _ in range(repeat):
            for stage, seconds in unwall_with_stages(page).items():
                stages[stage] = min(stages[stage], seconds)
        rows.append(
            {
                "page": name,
                "bytes": len(page),
                "parse": parse,
                "readability": readability,
                "unwall": unwall,
                "stages": dict(stages),
                "peak_unwall": peak_memory(lambda page=page: run(page, BASE_URL)),
                "peak_readability": peak_memory(lambda page=page: Document(page).summary()),
            }
        )
    return {"pages": rows, "summary": summarize(rows)}


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def column(key: str) -> list[float]:
        return [row[key] for row in rows]

    summary: dict[str, Any] = {}
    for key in ("parse", "readability", "unwall"):
        values = column(key)
        summary[key] = {
            "median_ms": 1000 * statistics.median(values),
            "p95_ms": 1000 * percentile(values, 0.95),
            "pages_per_second": len(values) / sum(values),
        }
    for stage in STAGES:
        values = [row["stages"].get(stage, 0.0) for row in rows]
        summary[f"stage:{stage}"] = {
            "median_ms": 1000 * statistics.median(values),
            "p95_ms": 1000 * percentile(values, 0.95),
        }
    to_readability = [row["unwall"] / row["readability"] for row in rows]
    to_parse = [row["unwall"] / row["parse"] for row in rows]
    summary["ratio_to_readability"] = {
        "median": statistics.median(to_readability),
        "p95": percentile(to_readability, 0.95),
    }
    summary["ratio_to_parse"] = {"median": statistics.median(to_parse), "p95": percentile(to_parse, 0.95)}
    summary["p95_vs_readability_p95"] = summary["unwall"]["p95_ms"] / summary["readability"]["p95_ms"]
    summary["peak_memory_mb"] = {
        "unwall_max": max(column("peak_unwall")) / 2**20,
        "readability_max": max(column("peak_readability")) / 2**20,
        "unwall_per_page_byte_max": max(r["peak_unwall"] / r["bytes"] for r in rows),
    }
    return summary


def size_curve(page: bytes, sizes_mb: tuple[int, ...] = (1, 2, 3, 4, 5)) -> list[dict[str, float]]:
    """One article, its body repeated, to see how cost grows with size."""
    head, _, rest = page.partition(b"<body")
    body = b"<body" + rest
    curve = []
    for size in sizes_mb:
        copies = max(1, (size * 2**20) // len(body))
        big = head + b"<body><div>" + body * copies + b"</div></body></html>"
        seconds = best_of(2, lambda big=big: run(big, BASE_URL, max_elements=10_000_000))
        curve.append({"megabytes": len(big) / 2**20, "seconds": seconds})
    return curve


def report(results: dict[str, Any]) -> str:
    s = results["summary"]
    lines = [
        "| measure | median ms | p95 ms | pages/s |",
        "|---|---:|---:|---:|",
    ]
    labels = {
        "parse": "(a) lxml parse (floor)",
        "readability": "(b) readability-lxml alone",
        "unwall": "(c) Unwall, whole pipeline",
    }
    for key, label in labels.items():
        row = s[key]
        lines.append(
            f"| {label} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} | {row['pages_per_second']:.1f} |"
        )
    for stage in STAGES:
        row = s[f"stage:{stage}"]
        lines.append(f"| (d) stage {stage} | {row['median_ms']:.2f} | {row['p95_ms']:.2f} | |")
    lines.append("")
    lines.append(
        f"Ratio (c)/(b), page by page: median {s['ratio_to_readability']['median']:.2f}, "
        f"p95 {s['ratio_to_readability']['p95']:.2f}; p95(c)/p95(b) {s['p95_vs_readability_p95']:.2f}"
    )
    lines.append(
        f"Ratio (c)/(a), page by page: median {s['ratio_to_parse']['median']:.1f}, "
        f"p95 {s['ratio_to_parse']['p95']:.1f}"
    )
    memory = s["peak_memory_mb"]
    lines.append(
        f"Peak Python heap (tracemalloc; lxml's own C memory is not counted): "
        f"Unwall {memory['unwall_max']:.1f} MB, readability-lxml {memory['readability_max']:.1f} MB"
    )
    if "size_curve" in results:
        lines.append("")
        lines.append("| page size MB | seconds | per MB |")
        lines.append("|---:|---:|---:|")
        for point in results["size_curve"]:
            lines.append(
                f"| {point['megabytes']:.1f} | {point['seconds']:.3f} | "
                f"{point['seconds'] / point['megabytes']:.3f} |"
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, action="append", help="folders of <page>/source.html")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-size-curve", action="store_true")
    parser.add_argument("--json", type=Path, help="also write per-page results here")
    args = parser.parse_args()
    pages = load_pages(args.corpus or DEFAULT_CORPORA)
    results = measure(pages, args.repeat)
    if not args.no_size_curve:
        sample = (
            next(page for name, page in pages if name.endswith("lemonde-1"))
            if any(name.endswith("lemonde-1") for name, _ in pages)
            else pages[0][1]
        )
        results["size_curve"] = size_curve(sample)
    print(f"{len(pages)} pages, best of {args.repeat} runs each, one process\n")
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
