"""Part of stage 5, enrich: the language of a page that declares none (or an
English its CMS declared by default), guessed from the article's text with the
data of shared/rules/languages.json.

A script that belongs to one language (kana, Hangul, Hebrew...) names it; for
the Latin and Cyrillic scripts, the language whose most frequent words occur
most often wins, when it wins clearly. A wrong language is worse than none
(it picks hyphenation and quotes), so a close call answers None.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from unwall.rules import read_rule_file
from unwall.writing_systems import CHINESE_AND_JAPANESE

# Chinese and Japanese write no spaces: two of their characters make about a
# word. Korean's words are parted by spaces and counted as they are.
_WIDE_SCRIPT_CHARACTERS = re.compile(f"[{CHINESE_AND_JAPANESE}]")


def approximate_words(text: str) -> int:
    """How many words a short text (a title, a heading, a link) holds, in any script."""
    return len(text.split()) + len(_WIDE_SCRIPT_CHARACTERS.findall(text)) // 2


# Enough text to decide; a long article does not need reading to the end.
SAMPLE_CHARS = 5000
# Letters of one script that make a text that script's language (unless the
# data says less, for letters one language of a shared script writes alone).
MIN_SCRIPT_SHARE = 0.3
# A guess needs this many function-word hits, and this lead over the runner-up.
MIN_FUNCTION_WORD_HITS = 8
MIN_LEAD_OVER_RUNNER_UP = 1.5
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "yi"})

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageData:
    # (language, its letters, the share of a text's letters that names it)
    scripts: tuple[tuple[str, re.Pattern[str], float], ...]
    # Any letter of those scripts: most texts hold none, and one scan says so.
    any_script: re.Pattern[str]
    # word -> {language: weight}; a word several languages share ('de' is
    # Spanish, Catalan, Portuguese, French...) counts for each by a share.
    word_weights: dict[str, dict[str, float]]


@lru_cache(maxsize=1)
def load_language_data() -> LanguageData:
    data = read_rule_file("languages.json")
    scripts = []
    for script in data["scripts"]:
        ranges = "".join(
            f"\\u{start}-\\u{end}" for start, end in (span.split("-") for span in script["ranges"])
        )
        share = script.get("min_share", MIN_SCRIPT_SHARE)
        scripts.append((script["lang"], re.compile(f"[{ranges}]"), share))
    owners: dict[str, list[str]] = {}
    for lang, entry in data["languages"].items():
        for word in entry["function_words"]:
            owners.setdefault(word, []).append(lang)
    weights = {word: {lang: 1 / len(langs) for lang in langs} for word, langs in owners.items()}
    any_script = re.compile("|".join(pattern.pattern for _, pattern, _ in scripts) or "(?!)")
    return LanguageData(tuple(scripts), any_script, weights)


def guess_language(text: str) -> str | None:
    """An ISO 639-1 code, or None when the text does not say clearly."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if letters == 0:
        return None
    data = load_language_data()
    if data.any_script.search(sample) is not None:
        for lang, pattern, share in data.scripts:
            if len(pattern.findall(sample)) >= share * letters:
                return lang
    return _by_function_words(sample.lower(), data.word_weights)


def _by_function_words(text: str, word_weights: dict[str, dict[str, float]]) -> str | None:
    scores: dict[str, float] = {}
    for word, count in Counter(_WORD.findall(text)).items():
        for lang, weight in word_weights.get(word, {}).items():
            scores[lang] = scores.get(lang, 0.0) + weight * count
    ranked = sorted(((score, lang) for lang, score in scores.items()), reverse=True) + [(0.0, "")] * 2
    (best, lang), (runner_up, _) = ranked[0], ranked[1]
    if best >= MIN_FUNCTION_WORD_HITS and best >= MIN_LEAD_OVER_RUNNER_UP * runner_up:
        return lang
    return None


def is_shifted_ciphertext(text: str) -> bool:
    """Paywalls that ship the paragraphs a subscriber reads as ciphertext, every
    letter shifted by one ('Ibncvsh' for 'Hamburg'), decode them by script for
    subscribers only: the text holds no function word of any language until
    each letter is shifted back, and then it holds many."""
    # A letter alone is a formula's, a list's or an initial ('b' is 'a' shifted
    # back). The opening words tell, however long the paragraph.
    sample = text[:SAMPLE_CIPHERTEXT_CHARS].lower()
    words = [word for word in _WORD.findall(sample) if len(word) > 1]
    if len(words) < MIN_CIPHERTEXT_WORDS:
        return False
    weights = load_language_data().word_weights
    plain, most_plain = 0, MAX_FUNCTION_WORD_SHARE_OF_CIPHERTEXT * len(words)
    for word in words:  # a language's text says so within its first words
        if word in weights:
            plain += 1
            if plain >= most_plain:
                return False
    shifted_back = [
        shifted for shifted in (word.translate(_SHIFT_BACK) for word in words) if shifted in weights
    ]
    if len(set(shifted_back)) < MIN_DISTINCT_FUNCTION_WORDS_SHIFTED_BACK:
        return False
    return len(shifted_back) >= max(
        MIN_FUNCTION_WORD_SHARE_SHIFTED_BACK * len(words), MIN_GAIN_SHIFTED_BACK * plain
    )


# Letters shifted back by one code point ('b' -> 'a', 'ý' -> 'ü'); 'a' wraps to 'z'.
_SHIFT_BACK = {code: code - 1 for code in range(ord("b"), ord("z") + 1)} | {ord("a"): ord("z")}
_SHIFT_BACK |= {code: code - 1 for code in range(0xE1, 0x100)}
MIN_CIPHERTEXT_WORDS = 12
SAMPLE_CIPHERTEXT_CHARS = 200
# Text of a language: a sixth of its words or more are function words (short
# words of 54 languages; a few shifted ones are words too, 'jo', 'bo'). Shifted
# back, ciphertext holds as many, several times what it held before.
MAX_FUNCTION_WORD_SHARE_OF_CIPHERTEXT = 0.15
MIN_FUNCTION_WORD_SHARE_SHIFTED_BACK = 0.15
MIN_GAIN_SHIFTED_BACK = 3
MIN_DISTINCT_FUNCTION_WORDS_SHIFTED_BACK = 4


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month name (lower case, every language of the data) -> 1..12; English
    abbreviations too ('Dec', 'Sept'), as datelines write them."""
    languages = read_rule_file("languages.json")["languages"]
    numbers: dict[str, int] = {}
    for entry in languages.values():
        for number, name in enumerate(entry.get("months", []), start=1):
            numbers.setdefault(name, number)
        for number, names in enumerate(entry.get("month_variants", []), start=1):
            for name in names:
                numbers.setdefault(name, number)
    for number, name in enumerate(languages["en"]["months"], start=1):
        numbers.setdefault(name[:3], number)
    numbers.setdefault("sept", 9)
    return numbers


@lru_cache(maxsize=64)
def month_numbers_in(lang: str | None) -> dict[str, int]:
    """month_numbers(), with the page language's own names first where two
    languages name different months alike ('listopada': November in Polish,
    October in Croatian)."""
    numbers = month_numbers()
    entry = read_rule_file("languages.json")["languages"].get((lang or "").split("-")[0].lower())
    if entry is None:
        return numbers
    own = dict(numbers)
    for number, name in enumerate(entry.get("months", []), start=1):
        own[name] = number
    for number, names in enumerate(entry.get("month_variants", []), start=1):
        own.update(dict.fromkeys(names, number))
    return own


def direction_of(lang: str | None) -> str | None:
    """'rtl' for a language written right to left, else None (the default)."""
    if lang and lang.split("-")[0].lower() in RIGHT_TO_LEFT:
        return "rtl"
    return None
