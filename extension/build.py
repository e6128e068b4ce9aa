"""Package the extension for each browser from the one source folder:

    python3 extension/build.py          # or: make extension
    -> dist/unwall-chrome.zip, dist/unwall-firefox.zip

The source manifest serves both browsers when loaded unpacked. Each package
keeps only its browser's keys: Chromium's gets `background.service_worker`,
Firefox's gets `background.scripts` and `browser_specific_settings`, so neither
store warns about keys it does not know. The zips are reproducible (fixed
timestamps, sorted names).
"""

from __future__ import annotations

import argparse
import copy
import json
import zipfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parent
ROOT = SOURCE.parent
PACKAGED_SUFFIXES = {".js", ".html", ".css", ".png"}
TIMESTAMP = (2024, 1, 1, 0, 0, 0)


def manifest_for(browser: str, manifest: dict[str, object]) -> dict[str, object]:
    result = copy.deepcopy(manifest)
    background = dict(result["background"])  # type: ignore[arg-type]
    if browser == "chrome":
        background.pop("scripts", None)
        result.pop("browser_specific_settings", None)
    elif browser == "firefox":
        background.pop("service_worker", None)
    else:
        raise ValueError(browser)
    result["background"] = background
    return result


def package_files() -> list[Path]:
    files = []
    for path in sorted(SOURCE.rglob("*")):
        relative = path.relative_to(SOURCE)
        if not path.is_file() or relative.parts[0] in {"node_modules", "__pycache__"}:
            continue
        if path.suffix in PACKAGED_SUFFIXES:
            files.append(path)
    return files


def build(out_dir: Path) -> list[Path]:
    manifest = json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = []
    for browser in ("chrome", "firefox"):
        target = out_dir / f"unwall-{browser}.zip"
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            entries = [("manifest.json", json.dumps(manifest_for(browser, manifest), indent=2) + "\n")]
            entries += [(p.relative_to(SOURCE).as_posix(), p.read_bytes()) for p in package_files()]
            for name, data in sorted(entries, key=lambda entry: entry[0]):
                info = zipfile.ZipInfo(name, TIMESTAMP)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        outputs.append(target)
    return outputs


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    args = parser.parse_args()
    for path in build(args.out):
        print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


if __name__ == "__main__":
    main()
