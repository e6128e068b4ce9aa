"""A plain (non-editable) install carries the rule data and the API document."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_rule_data_and_console_script(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = tmp_path.glob("unwall-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule_file in (ROOT / "shared" / "rules").glob("*.json"):
        assert f"unwall/shared/rules/{rule_file.name}" in names
    generated = [*(ROOT / "shared" / "rules" / "generated").glob("*.json")]
    generated += (ROOT / "shared" / "rules" / "generated").glob("LICENSE-*.txt")
    assert len(generated) >= 4  # two rule files, each with its upstream licence
    for generated_file in generated:
        assert f"unwall/shared/rules/generated/{generated_file.name}" in names
    assert "unwall/shared/schema/rules.schema.json" in names
    assert "unwall/shared/api/openapi.json" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "unwall = unwall.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
