"""Draw the extension's icons (icons/icon-{16,32,48,128}.png) with the standard
library only: a white "U" on a rounded blue square, anti-aliased by supersampling.

    python3 extension/make_icons.py
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 128)
BLUE = (29, 88, 168)
WHITE = (255, 255, 255)
SAMPLES = 4  # per axis


def _rounded_square(x: float, y: float, radius: float = 0.22) -> bool:
    dx = max(abs(x - 0.5) - (0.5 - radius), 0.0)
    dy = max(abs(y - 0.5) - (0.5 - radius), 0.0)
    return dx * dx + dy * dy <= radius * radius


def _u_stroke(x: float, y: float, half_width: float = 0.085) -> bool:
    left, right, top, bend = 0.32, 0.68, 0.24, 0.54
    radius = (right - left) / 2
    centre = (left + right) / 2
    if y <= bend:
        distance = min(abs(x - left), abs(x - right)) if y >= top else math.inf
        if y < top:  # rounded stroke ends
            distance = min(math.hypot(x - left, y - top), math.hypot(x - right, y - top))
    else:
        distance = abs(math.hypot(x - centre, y - bend) - radius)
    return distance <= half_width


def _pixel(px: int, py: int, size: int) -> tuple[int, int, int, int]:
    inside = letter = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            if _rounded_square(x, y):
                inside += 1
                if _u_stroke(x, y):
                    letter += 1
    total = SAMPLES * SAMPLES
    if not inside:
        return (0, 0, 0, 0)
    share = letter / inside
    colour = tuple(round(b + (w - b) * share) for b, w in zip(BLUE, WHITE, strict=True))
    return (*colour, round(255 * inside / total))


def png(size: int) -> bytes:
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter: none
        for px in range(size):
            rows.extend(_pixel(px, py, size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    folder = Path(__file__).resolve().parent / "icons"
    folder.mkdir(exist_ok=True)
    for size in SIZES:
        (folder / f"icon-{size}.png").write_bytes(png(size))
        print(f"icons/icon-{size}.png")


if __name__ == "__main__":
    main()
