"""The Unicode blocks of the writing systems the pipeline treats apart, named once.

Several rules ask one question of a character: is it written without spaces
between words? Phrase edges need no word boundary there, a word count counts
characters, a description cannot be compared word by word. Each rule composes
its character class from these names, so the answers agree and a script added
here reaches every rule that asks.
"""

THAI = "\u0e00-\u0e7f"
LAO = "\u0e80-\u0eff"
MYANMAR = "\u1000-\u109f"
KHMER = "\u1780-\u17ff"
CJK_PUNCTUATION = "\u3000-\u303f"
# Hiragana and katakana, not the middle dot between katakana words (U+30FB).
KANA = "\u3040-\u30fa\u30fc-\u30ff"
KATAKANA_MIDDLE_DOT = "\u30fb"
KATAKANA_PHONETIC_EXTENSIONS = "\u31f0-\u31ff"
CJK_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HANGUL_SYLLABLES = "\uac00-\ud7af"
HALFWIDTH_KATAKANA = "\uff66-\uff9f"
HALFWIDTH_AND_FULLWIDTH_FORMS = "\uff00-\uffef"

# Letters of the scripts that part no words with spaces. Korean is not one of
# them: it writes a space between words.
UNSPACED_LETTERS = (
    THAI + LAO + MYANMAR + KHMER + KANA + KATAKANA_PHONETIC_EXTENSIONS + CJK_IDEOGRAPHS + HALFWIDTH_KATAKANA
)
# Chinese and Japanese characters: about two of them make a word.
CHINESE_AND_JAPANESE = KANA + KATAKANA_PHONETIC_EXTENSIONS + CJK_IDEOGRAPHS + HALFWIDTH_KATAKANA
