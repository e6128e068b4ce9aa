"""Extract the consent-banner texts of two open-source consent libraries, in
every language the classifier's phrase data covers, into a test fixture.

    python3 tools/corpus/extract_consent_translations.py \\
        --klaro KLARO_PACKAGE_DIR --tarteaucitron TARTEAUCITRON_PACKAGE_DIR \\
        [--out tests/fixtures/snippets/consent-library-translations.json]

The package dirs are unpacked npm packages (`npm pack klaro tarteaucitronjs`,
then `tar xzf` each: the `package/` folders). Needs PyYAML (klaro keeps its
translations as YAML).

Why: the rendered fixture pages show these libraries' dialogs, but selector rules
catch them by their ids whatever the language. These texts were written and
translated by the libraries' communities, not by us, so they test the phrase
lists on their own: tests/test_consent_translations.py puts each banner on a page
with no platform id and checks the text classifier removes it.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path
from typing import Any

# Every language the phrase data covers: each one either library ships is a test.
PHRASES = Path(__file__).parents[2] / "shared" / "rules" / "phrases.json"
LANGUAGES = tuple(json.loads(PHRASES.read_text("utf-8"))["languages"])
# tarteaucitron names some language files by country.
TARTEAUCITRON_FILE = {"sv": "se", "zh": "cn"}
_PLACEHOLDER = re.compile(r"\s*\{[a-zA-Z]+\}\s*")


def _clean(text: str, filler: str = "analytics, marketing") -> str:
    """Klaro's placeholders (`{purposes}`, `{title}`) filled in, as rendered."""
    text = " ".join(_PLACEHOLDER.sub(f" {filler} ", text).split())
    return text.replace(" ?", "?").replace(" .", ".")


def klaro_file(package: Path, lang: str) -> Path:
    return package / "src" / "translations" / f"{lang}.yml"


def tarteaucitron_file(package: Path, lang: str) -> Path:
    return package / "lang" / f"tarteaucitron.{TARTEAUCITRON_FILE.get(lang, lang)}.js"


def klaro_banner(package: Path, lang: str) -> dict[str, Any]:
    import yaml  # only this tool needs it

    data = yaml.safe_load(klaro_file(package, lang).read_text("utf-8"))
    notice = data["consentNotice"]
    contextual = data.get("contextualConsent", {})
    return {
        "library": "klaro",
        "lang": lang,
        "notice": [_clean(notice["description"])],
        "buttons": [
            label for label in (data.get("ok"), data.get("decline"), notice.get("learnMore")) if label
        ],
        # Not every translation has the contextual-consent texts (klaro then shows English).
        "embed_notice": _clean(contextual["description"], "YouTube") if "description" in contextual else None,
        "embed_buttons": [contextual[key] for key in ("acceptOnce", "acceptAlways") if key in contextual],
    }


def tarteaucitron_banner(package: Path, lang: str) -> dict[str, Any]:
    source = tarteaucitron_file(package, lang).read_text("utf-8")
    body = source[source.index("{") : source.rindex("}") + 1]
    # The file is a JavaScript object literal of JSON-compatible strings, some
    # of them split with `+` ("...\\n" + "\\n" in the Turkish file).
    body = re.sub(r",(\s*[}\]])", r"\1", body)
    body = re.sub(r'"\s*\+\s*"', "", body)
    data = json.loads(body)

    def text(key: str) -> str:
        # The library writes these strings as HTML ('&quot;' in the Greek file).
        return html.unescape(data[key])

    return {
        "library": "tarteaucitron",
        "lang": lang,
        "notice": [text("alertBigPrivacy")],
        "buttons": [text("acceptAll"), text("denyAll"), text("personalize")],
        "embed_notice": f"YouTube {text('fallback')}",
        "embed_buttons": [text("allow")],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--klaro", type=Path, required=True)
    parser.add_argument("--tarteaucitron", type=Path, required=True)
    parser.add_argument(
        "--out", type=Path, default=Path("tests/fixtures/snippets/consent-library-translations.json")
    )
    args = parser.parse_args(argv)
    klaro_version = json.loads((args.klaro / "package.json").read_text("utf-8"))["version"]
    tarteaucitron_version = json.loads((args.tarteaucitron / "package.json").read_text("utf-8"))["version"]
    banners = []
    missing = []
    for lang in LANGUAGES:
        # Not every library has every language: a banner is extracted where one has it.
        if klaro_file(args.klaro, lang).exists():
            banners.append(klaro_banner(args.klaro, lang))
        else:
            missing.append(f"klaro {lang}")
        if tarteaucitron_file(args.tarteaucitron, lang).exists():
            banners.append(tarteaucitron_banner(args.tarteaucitron, lang))
        else:
            missing.append(f"tarteaucitron {lang}")
    document = {
        "description": (
            "Consent banner texts (notice, button labels, blocked-embed text) as the libraries ship them, "
            "extracted by tools/corpus/extract_consent_translations.py. Test data: the phrase lists of "
            "shared/rules/phrases.json must catch these banners without any platform selector."
        ),
        "sources": {
            "klaro": f"npm klaro {klaro_version}, src/translations/<lang>.yml; BSD-3-Clause, "
            "tests/fixtures/pages/LICENSES/klaro.txt",
            "tarteaucitron": f"npm tarteaucitronjs {tarteaucitron_version}, lang/tarteaucitron.<lang>.js; "
            "MIT, tests/fixtures/pages/LICENSES/tarteaucitron.txt",
        },
        "banners": banners,
    }
    args.out.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(banners)} banners written to {args.out}", file=sys.stderr)
    if missing:
        print(f"no translation in: {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
