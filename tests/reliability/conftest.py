"""Reliability tests drive a real `unwall serve` process with the bounded load
generator of benchmarks/load.py (loopback only)."""

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))
