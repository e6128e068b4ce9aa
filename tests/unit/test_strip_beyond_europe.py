"""The text classifier in languages beyond Europe: scripts written without
spaces between words (Japanese, Chinese, Thai), right-to-left scripts (Arabic,
Hebrew, Persian) and Devanagari, whose vowel signs are combining marks.

The pages are shaped like the ones that kept their boilerplate before these
languages had phrases: Prachatai's related stories and advertising link, Nikkei's
members-only notice, CNN Arabic's comments policy."""

from __future__ import annotations

import lxml.html
import pytest
from lxml.html import HtmlElement

from unwall.model import Removal
from unwall.pipeline.strip import _SENTENCE_SPLIT, strip_page
from unwall.rules import _phrase_set, load_rules, normalize_label, normalize_text

THAI = [
    "ผู้สื่อข่าวได้รับแจ้งจากบุตรชายของผู้เสียหายว่า ผลการตรวจดีเอ็นเอของศพที่ลอยมาติดริมแม่น้ำโขงนั้น "
    "มีความเกี่ยวพันทางสายเลือดกับครอบครัวจริง",
    "ภรรยาของนักเคลื่อนไหวกล่าวว่า ได้ทราบข่าวจากญาติแล้ว แต่ยังไม่ขอพูดอะไร "
    "โดยเบื้องต้นได้ทำใจไว้แต่แรกแล้วว่าเหตุการณ์ลักษณะนี้อาจเกิดขึ้น",
    "ญาติของผู้ลี้ภัยอีกคนหนึ่งได้ติดต่อไปที่พนักงานสอบสวนเจ้าของคดี และได้คำตอบว่าจะทราบผลการตรวจสอบภายในเวลาสองถึงสามวัน",
]
JAPANESE = [
    "６月12日の米朝首脳会談を巡って戦っていたのは、米大統領と北朝鮮の委員長ばかりではなかった。"
    "中国の国家主席も重要な陰の参戦者だった。",
    "核放棄を巡って「検証可能な」の文字がなく、米韓軍事演習の中止にまで踏み込んだ会談は、"
    "一方的な譲歩だったとの見方が広がっている。",
    "専門家の間では、後ろ盾だった中国も「勝ち組」になったかに見えるとの指摘が多い。",
]
CHINESE = [
    "国家统计局周二公布的数据显示，今年前三个季度全国居民人均可支配收入同比增长百分之五点二。",
    "分析人士指出，消费市场总体保持恢复态势，但部分行业的需求仍然偏弱，政策仍需继续发力。",
    "统计局发言人在新闻发布会上表示，下一阶段将继续加大宏观政策调控力度，巩固经济回升向好的态势。",
]
ARABIC = [
    "أكدت جهات سورية معارضة أن فصائل مسلحة تمكنت من السيطرة على مستودعات للأسلحة بريف دمشق تضم كميات "
    "من الصواريخ ومضادات الدروع.",
    "وقال المرصد السوري لحقوق الإنسان إن مقاتلين من عدة كتائب سيطروا على ثلاثة مستودعات للذخيرة بالقرب من "
    "بلدة قلدون في منطقة القلمون.",
    "ودعا الائتلاف الوطني السوري المعارض كافة الفصائل المقاتلة في الشمال إلى ضبط النفس والتحلي بالحكمة "
    "لضمان سلامة المدنيين.",
]
HINDI = [
    "मौसम विभाग ने बताया कि अगले दो दिनों में राज्य के कई जिलों में भारी बारिश हो सकती है और लोगों को "
    "सतर्क रहने की सलाह दी गई है।",
    "अधिकारियों के अनुसार निचले इलाकों में रहने वाले परिवारों को सुरक्षित स्थानों पर ले जाने की तैयारी पूरी कर ली गई है।",
    "जिला प्रशासन ने सभी स्कूलों को दो दिन बंद रखने का आदेश दिया है और राहत दलों को तैनात किया गया है।",
]


def strip(body: str) -> tuple[HtmlElement, list[Removal]]:
    root = lxml.html.document_fromstring(f"<html><head><title>Story</title></head><body>{body}</body></html>")
    return root, strip_page(root, load_rules())


def article(paragraphs: list[str], block: str) -> str:
    first, *rest = (f"<p>{text}</p>" for text in paragraphs)
    return f"<article><h1>Headline</h1>{first}{block}{''.join(rest)}</article>"


def kept_paragraphs(root: HtmlElement) -> list[str]:
    return [" ".join(p.text_content().split()) for p in root.iter("p")]


def body_text(root: HtmlElement) -> str:
    body = root.find("body")
    assert body is not None
    return " ".join(body.text_content().split())


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


def test_a_mark_of_the_phrase_s_own_script_or_a_shared_one_continues_the_word() -> None:
    # Each phrase's boundary lists the marks of its letters' own blocks: an
    # Arabic short vowel (fatha) after 'و' makes 'اقرأ' the end of a longer
    # word, and so does a combining acute accent, which any script takes.
    phrases = _phrase_set(["اقرأ أيضا", "подписка"])
    assert phrases.search_all("وَاقرأ أيضا") == set()
    assert phrases.search_all("اقرأ أيضا") == {"اقرأ أيضا"}
    assert phrases.search_all("подписка\u0301") == set()
    assert phrases.search_all("подписка.") == {"подписка"}


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
    assert load_rules().related_labels.is_label(normalize_label(raw))


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


# --- pages ------------------------------------------------------------------------


def test_thai_related_stories_and_advertising_link_go_the_article_stays() -> None:
    related = (
        "<p><strong>เรื่องที่เกี่ยวข้อง</strong><br>"
        '<a href="/journal/2018/12/80211">ลืออุ้มนักเคลื่อนไหว ผู้ลี้ภัยหายจากที่พัก 12 วันแล้ว</a><br>'
        '<a href="/journal/2019/01/80584">ตำรวจเร่งหาเบาะแสคดีศพถ่วงน้ำโขง</a></p>'
    )
    advert = '<div><a href="/page/banner-promotion">ลงโฆษณากับประชาไท</a></div>'
    root, removals = strip(article(THAI, advert) + related)
    assert kept_paragraphs(root) == THAI
    assert [(r.kind, r.rule) for r in removals] == [
        ("promo", "classifier.promo"),
        ("related", "classifier.related-box"),
    ]
    assert "ลืออุ้ม" not in body_text(root)


def test_thai_follow_us_line_with_its_links_goes() -> None:
    follow = (
        '<div>ติดตามเราได้ที่: <a href="https://fb.me/example">เฟซบุ๊ก</a> '
        '<a href="https://twitter.com/example">ทวิตเตอร์</a></div>'
    )
    root, removals = strip(article(THAI, "") + follow)
    assert kept_paragraphs(root) == THAI
    assert [r.kind for r in removals] == ["promo"]


def test_japanese_members_only_notice_and_its_buttons_go() -> None:
    notice = (
        '<div class="m-articleRegist"><p><span>［有料会員限定］</span> '
        "この記事は会員限定です。電子版に登録すると続きをお読みいただけます。</p>"
        '<div><p>無料・有料プランを選択</p><a href="#">今すぐ登録</a></div>'
        '<div><p>会員の方はこちら</p><a href="#">ログイン</a></div></div>'
    )
    root, removals = strip(article(JAPANESE, "") + notice)
    assert kept_paragraphs(root) == JAPANESE
    assert [(r.kind, r.rule) for r in removals] == [("promo", "classifier.promo")]
    assert "会員限定" not in body_text(root)


def test_japanese_like_box_under_the_article_goes() -> None:
    # ITmedia PC USER: 'If you liked this article, like ITmedia PC USER', a
    # Like button and a follow button.
    box = (
        '<div class="snsSharebox"><div class="sharebox_btn">'
        "<p>この記事が気に入ったら<br>ITmedia PC USER に「いいね！」しよう</p>"
        '<div class="fb-like" data-href="https://www.facebook.com/ITmediaPCUSER/"></div>'
        '<a href="https://twitter.com/itm_pcuser" class="twitter-follow-button">@itm_pcuserさんをフォロー</a>'
        "</div></div>"
    )
    root, _ = strip(article(JAPANESE, "") + box)
    assert kept_paragraphs(root) == JAPANESE
    assert "気に入ったら" not in body_text(root) and "フォロー" not in body_text(root)


@pytest.mark.parametrize("label", ["関連記事", "関連エントリ"])
def test_japanese_related_label_with_its_link_list_goes(label: str) -> None:
    related = (
        f"<div>{label}</div><ul>"
        '<li><a href="/a/1">米朝首脳会談、クシュナー氏が橋渡し</a></li>'
        '<li><a href="/a/2">米、北朝鮮非核化まで制裁継続</a></li></ul>'
    )
    root, removals = strip(article(JAPANESE, related))
    assert kept_paragraphs(root) == JAPANESE
    assert [r.rule for r in removals] == ["classifier.related-label", "classifier.related-label"]


def test_a_column_opening_with_a_post_pager_loses_only_the_pager() -> None:
    # phpspot: the previous post's link, then the post itself, its links and
    # related entries, all in one column of under 400 characters of Japanese.
    column = (
        '<div id="con_left"><div>前の記事 ≪：<a href="/2019/04/slider.html">'
        "CSS3とjQueryで作ったテキストアニメーション</a></div>"
        "<h3>マインドマップ風のツリーを描画できる「Treeviz」</h3>"
        '<div class="entrybody"><p><a href="https://codepen.io/x">Treeviz</a><br>'
        "次のような図形を描画できるcodepenでのサンプルです</p>"
        + "".join(f'<li><a href="/2011/11/{n}.html">関連する記事の見出し{n}</a></li>' for n in range(4))
        + "</div></div>"
    )
    root, removals = strip(column)
    assert [r.text for r in removals] == ["前の記事 ≪： CSS3とjQueryで作ったテキストアニメーション"]
    assert "サンプルです" in body_text(root) and "Treeviz" in body_text(root)


def test_chinese_related_reading_with_a_full_width_label_goes() -> None:
    related = (
        "<div>【相关阅读】"
        '<a href="/a/1">前三季度居民收入稳步增长</a> <a href="/a/2">消费市场延续恢复态势</a></div>'
    )
    labelled_link = '<p><a href="/a/3">延伸阅读：统计局解读三季度经济数据</a></p>'
    root, removals = strip(article(CHINESE, related + labelled_link))
    assert kept_paragraphs(root) == CHINESE
    assert [r.rule for r in removals] == ["classifier.related-box", "classifier.related-box"]


def test_arabic_comments_policy_goes_the_article_stays() -> None:
    policy = (
        '<div style="padding:10px 0;"><p>ترحب الشبكة بالنقاش الحيوي والمفيد، '
        "وكي لا نضطر إلى مراجعة التعليقات قبل نشرها. ننصحك بمراجعة "
        '<a href="/community_guidelines.html">إرشادات الاستخدام</a>.</p>'
        "<p>الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.</p></div>"
    )
    root, removals = strip(article(ARABIC, "") + policy)
    assert kept_paragraphs(root) == ARABIC
    assert [r.kind for r in removals] == ["promo"]


def test_arabic_read_also_link_goes() -> None:
    read_also = '<p>اقرأ أيضا: <a href="/a/1">المعارضة السورية تسيطر على مستودعات أسلحة</a></p>'
    root, removals = strip(article(ARABIC, read_also))
    assert kept_paragraphs(root) == ARABIC
    assert [r.rule for r in removals] == ["classifier.related-box"]


def test_japanese_consent_banner_goes() -> None:
    banner = (
        "<div><p>当サイトはクッキーを利用しております。クッキーの使用に同意いただける場合は"
        "「すべてに同意する」を押してください。</p>"
        "<button>すべてに同意する</button><button>クッキー設定</button></div>"
    )
    root, removals = strip(banner + article(JAPANESE, ""))
    assert kept_paragraphs(root) == JAPANESE
    assert [r.kind for r in removals] == ["consent_dialog"]


def test_hindi_read_this_too_label_and_its_links_go() -> None:
    related = '<p>ये भी पढ़ें:</p><ul><li><a href="/a/1">दिल्ली में भारी बारिश का अलर्ट</a></li></ul>'
    root, removals = strip(article(HINDI, related))
    assert kept_paragraphs(root) == HINDI
    assert [r.kind for r in removals] == ["related", "related"]


def test_a_phrase_that_begins_with_a_vietnamese_letter_is_read_with_latin_text() -> None:
    """Vietnamese letters such as 'ả' sit far from Latin's other accented
    letters in Unicode; a Vietnamese text is still Latin text to the matcher."""
    phrases = _phrase_set(["ảnh hưởng đến quyền riêng tư"])
    text = normalize_text("Việc này ảnh hưởng đến quyền riêng tư của bạn.")
    assert phrases.occurs_in(text)
    assert phrases.occurs_in_raw("Việc này ẢNH HƯỞNG ĐẾN QUYỀN RIÊNG TƯ của bạn.")
