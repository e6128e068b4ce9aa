"""The text classifier in languages beyond Europe: scripts written without
spaces between words (Japanese, Chinese, Thai), right-to-left scripts (Arabic,
Hebrew, Persian) and Devanagari, whose vowel signs are combining marks."""

from __future__ import annotations

import pytest

from unwall.pipeline.strip import _SENTENCE_SPLIT
from unwall.rules import _phrase_set, normalize_label, normalize_text

# --- matching: word boundaries per script --------------------------------------------


UNSPACED_PROMO = ["登録すると続きをお読み", "ลงโฆษณากับ", "สมัครรับจดหมายข่าว", "sign up for"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Japanese and Thai run words together: the phrase sits inside a run of letters.
        ("電子版に登録すると続きをお読みいただけます。", {"登録すると続きをお読み"}),
        ("ลงโฆษณากับประชาไท", {"ลงโฆษณากับ"}),
        ("สมัครรับจดหมายข่าวได้ทุกวัน", {"สมัครรับจดหมายข่าว"}),
        # Latin-script phrases keep their word boundaries.
        ("sign up for our newsletter", {"sign up for"}),
        ("he wanted to resign up for good", set()),
        ("sign up forever", set()),
    ],
)
def test_a_phrase_in_a_script_without_spaces_needs_no_word_boundary(text: str, found: set[str]) -> None:
    assert _phrase_set(UNSPACED_PROMO).search_all(normalize_text(text)) == found


def test_a_devanagari_vowel_sign_continues_the_word() -> None:
    # 'कर' ends no word of 'करें': its vowel sign 'ें' is a combining mark, which
    # `\w` alone does not count as part of a word.
    phrases = _phrase_set(["हमें फॉलो कर"])
    assert phrases.search_all("हमें फॉलो करें") == set()
    assert phrases.search_all("हमें फॉलो कर दिया") == {"हमें फॉलो कर"}
    # Nor does a phrase start right after one: 'कर' is no word of 'सेकर'.
    assert _phrase_set(["कर"]).search_all("सेकर") == set()


def test_right_to_left_text_is_matched_as_written() -> None:
    phrases = _phrase_set(["اقرأ أيضا", "אתר זה משתמש בעוגיות"])
    assert phrases.search_all(normalize_text("\u200f  اقرأ أيضا: مقال")) == {"اقرأ أيضا"}
    assert phrases.search_all(normalize_text("אתר זה משתמש בעוגיות. המשך")) == {"אתר זה משתמש בעוגיות"}
    assert phrases.search_all(normalize_text("לאתר זה משתמש בעוגיות")) == set()


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("【相关阅读】", "相关阅读"),
        ("関連記事：", "関連記事"),
        ("\u200fاقرأ أيضا:", "اقرأ أيضا"),
        ("ये भी पढ़ें।", "ये भी पढ़ें"),
    ],
)
def test_labels_lose_full_width_and_right_to_left_punctuation(raw: str, label: str) -> None:
    assert normalize_label(raw) == label


def test_a_full_width_stop_ends_a_sentence_without_a_space() -> None:
    # Consent coverage is measured per sentence: '。' is followed by the next one directly.
    assert [
        s for s in _SENTENCE_SPLIT.split("当サイトはクッキーを利用しております。詳細はこちら！次") if s
    ] == [
        "当サイトはクッキーを利用しております。",
        "詳細はこちら！",
        "次",
    ]
    assert _SENTENCE_SPLIT.split("One. Two") == ["One.", "Two"]
