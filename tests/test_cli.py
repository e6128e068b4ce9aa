"""`unwall clean` prints the same result as the service, and fails in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from unwall.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "pages" / "frandroid-ai-summit-fr"
EXPECTED = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))


def test_clean_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(FIXTURE / "source.html"), "--url", EXPECTED["url"]]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["title"] == EXPECTED["title"]
    assert answer["lead_image"]["url"] == EXPECTED["lead_image_url"]


@pytest.mark.parametrize("format_name", ["markdown", "text", "html"])
def test_clean_other_formats(format_name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(FIXTURE / "source.html"), "--format", format_name]) == 0
    output = capsys.readouterr().out
    assert "Une politique internationale divisée" in output
    assert "Gérer mes choix" not in output and "Pour aller plus loin" not in output


def test_clean_reads_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "unwall", "clean", "-", "--format", "text"],
        input=(FIXTURE / "source.html").read_bytes(),
        capture_output=True,
        check=False,
        cwd=Path(__file__).parent.parent / "server",
    )
    assert result.returncode == 0, result.stderr
    assert "Une gouvernance internationale" in result.stdout.decode("utf-8")


def test_clean_error_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert main(["clean", str(empty)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("unwall: empty_body:") and error.count("\n") == 1


def test_clean_no_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert main(["clean", str(page)]) == 1
    assert "no_article" in capsys.readouterr().err


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "does-not-exist.html"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_bad_format_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", "-", "--format", "pdf"])
    assert exit_info.value.code == 2
