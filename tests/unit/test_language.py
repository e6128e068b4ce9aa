"""Enrich: the language of a page that declares none, guessed from its text.
Never a wrong language: a close call answers None."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unwall.pipeline import run
from unwall.pipeline.language import (
    approximate_words,
    direction_of,
    guess_language,
    is_shifted_ciphertext,
    load_language_data,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _declared_pages() -> list[tuple[str, Path]]:
    pages = []
    for folder in sorted((FIXTURES / "readability").iterdir()):
        metadata = folder / "expected-metadata.json"
        if metadata.exists() and (json.loads(metadata.read_text("utf-8")).get("lang") or ""):
            pages.append(
                (json.loads(metadata.read_text("utf-8"))["lang"][:2].lower(), folder / "source.html")
            )
    for folder in sorted((FIXTURES / "pages").iterdir()):
        expected = folder / "expected.json"
        if expected.exists():
            lang = json.loads(expected.read_text("utf-8")).get("lang")
            if lang:
                pages.append((lang[:2].lower(), folder / "source.html"))
    return pages


DECLARED = _declared_pages()


def test_the_real_pages_cover_many_languages() -> None:
    assert len({lang for lang, _ in DECLARED}) >= 8


@pytest.mark.parametrize(("lang", "source"), DECLARED, ids=[str(s.parent.name) for _, s in DECLARED])
def test_the_article_text_of_a_real_page_says_its_declared_language(lang: str, source: Path) -> None:
    text = run(source.read_bytes(), "https://news.example/story").article.text
    assert guess_language(text) in {lang, None}


def test_most_real_pages_get_a_guess() -> None:
    guesses = [
        guess_language(run(s.read_bytes(), "https://news.example/story").article.text) for _, s in DECLARED
    ]
    assert sum(g is not None for g in guesses) >= 0.8 * len(guesses)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("東京都は月曜日、新しい予算案を発表した。学校と図書館のための費用が含まれている。", "ja"),
        ("市议会周二晚上开会讨论明年的预算，其中包括学校和图书馆的新资金。", "zh"),
        ("시의회는 화요일 저녁에 모여 내년 예산을 논의했다.", "ko"),
        ("מועצת העיר התכנסה ביום שלישי בערב כדי לדון בתקציב לשנה הבאה.", "he"),
        ("اجتمع مجلس المدينة مساء الثلاثاء لمناقشة ميزانية العام المقبل.", "ar"),
        # Barta24, Bangladesh; the other scripts of South and Southeast Asia and the Caucasus.
        ("কোভিড-১৯ মোকাবিলায় সংহতির আহ্বান জানিয়েছেন রাষ্ট্রদূত।", "bn"),
        ("மாநகராட்சி கூட்டம் செவ்வாய்க்கிழமை நடைபெற்றது.", "ta"),
        ("နေပြည်တော်တွင် အစည်းအဝေး ကျင်းပခဲ့သည်။", "my"),
        ("ქალაქის საბჭო სამშაბათს შეიკრიბა.", "ka"),
        ("Քաղաքային խորհուրդը հավաքվեց երեքշաբթի երեկոյան։", "hy"),
    ],
)
def test_a_script_of_one_language_names_it(text: str, lang: str) -> None:
    assert guess_language(text) == lang


def test_spanish_and_catalan_are_told_apart() -> None:
    spanish = (
        "El ayuntamiento se reunió el martes por la noche para debatir el presupuesto del próximo año, "
        "que incluye dinero para las escuelas y las bibliotecas. Los vecinos hablaron de los impuestos "
        "y del coste de la vida en los barrios más antiguos, pero el alcalde dijo que el plan es justo."
    )
    catalan = (
        "L'ajuntament es va reunir dimarts al vespre per debatre el pressupost de l'any vinent, que "
        "inclou diners per a les escoles i les biblioteques. Els veïns van parlar dels impostos i del "
        "cost de la vida als barris més antics, però l'alcalde va dir que el pla és just."
    )
    assert guess_language(spanish) == "es"
    assert guess_language(catalan) == "ca"


# The same news paragraph in close languages: told apart by the words they do not share.
CLOSE_LANGUAGES = {
    "sk": (
        "Vláda v utorok schválila návrh rozpočtu na budúci rok. Podľa ministra financií sa deficit "
        "zníži, ale opozícia tvrdí, že čísla nie sú reálne. Premiér uviedol, že krajina musí šetriť"
        " aj v budúcnosti a že ďalšie opatrenia prídu, keď parlament návrh prerokuje. Ekonómovia sú"
        " skeptickí, pretože rast je slabý a ceny energií sa zvyšujú. Ministerstvo tiež plánuje "
        "zmeny v daniach, ktoré by mali platiť od januára."
    ),
    "cs": (
        "Vláda v úterý schválila návrh rozpočtu na příští rok. Podle ministra financí se deficit "
        "sníží, ale opozice tvrdí, že čísla nejsou reálná. Premiér uvedl, že země musí šetřit i v "
        "budoucnosti a že další opatření přijdou, když parlament návrh projedná. Ekonomové jsou "
        "skeptičtí, protože růst je slabý a ceny energií se zvyšují. Ministerstvo také plánuje "
        "změny v daních, které by měly platit od ledna."
    ),
    "hr": (
        "Vlada je u utorak prihvatila prijedlog proračuna za iduću godinu. Prema riječima ministra "
        "financija, deficit će se smanjiti, ali oporba tvrdi da brojke nisu realne. Premijer je "
        "rekao da zemlja mora štedjeti i da će nove mjere doći kada Sabor raspravi prijedlog. "
        "Ekonomisti su skeptični jer je rast slab, a cijene energije rastu. Ministarstvo također "
        "planira promjene poreza koje bi trebale vrijediti od siječnja."
    ),
    "sl": (
        "Vlada je v torek sprejela predlog proračuna za prihodnje leto. Po besedah finančnega "
        "ministra se bo primanjkljaj zmanjšal, opozicija pa trdi, da številke niso realne. Premier "
        "je dejal, da mora država varčevati tudi v prihodnje in da bodo nadaljnji ukrepi prišli, ko"
        " bo parlament obravnaval predlog. Ekonomisti so skeptični, ker je rast šibka in cene "
        "energije naraščajo. Ministrstvo načrtuje tudi spremembe davkov, ki naj bi veljale od "
        "januarja."
    ),
    "bg": (
        "Правителството одобри във вторник проектобюджета за следващата година. Според финансовия "
        "министър дефицитът ще намалее, но опозицията твърди, че числата не са реалистични. "
        "Премиерът каза, че страната трябва да пести и че нови мерки ще има, когато парламентът "
        "обсъди проекта. Икономистите са скептични, тъй като растежът е слаб, а цените на енергията"
        " се покачват. Министерството планира и промени в данъците, които ще влязат в сила от "
        "януари."
    ),
    "ru": (
        "Правительство во вторник одобрило проект бюджета на следующий год. По словам министра "
        "финансов, дефицит сократится, но оппозиция утверждает, что цифры нереалистичны. Премьер "
        "сказал, что стране нужно экономить и что новые меры будут, когда парламент обсудит проект."
        " Экономисты настроены скептически, так как рост слабый, а цены на энергию растут. "
        "Министерство также планирует изменения в налогах, которые должны вступить в силу с января."
    ),
    "et": (
        "Valitsus kiitis teisipäeval heaks järgmise aasta eelarve eelnõu. Rahandusministri sõnul "
        "väheneb puudujääk, kuid opositsioon väidab, et numbrid ei ole realistlikud. Peaminister "
        "ütles, et riik peab kokku hoidma ja et uued meetmed tulevad siis, kui parlament eelnõu "
        "arutab. Majandusteadlased on skeptilised, sest kasv on nõrk ja energia hinnad tõusevad. "
        "Ministeerium kavandab ka maksumuudatusi, mis peaksid kehtima jaanuarist."
    ),
    "fi": (
        "Hallitus hyväksyi tiistaina ensi vuoden talousarvioesityksen. Valtiovarainministerin "
        "mukaan alijäämä pienenee, mutta oppositio väittää, että luvut eivät ole realistisia. "
        "Pääministeri sanoi, että maan on säästettävä ja että uusia toimia tulee, kun eduskunta "
        "käsittelee esityksen. Taloustieteilijät ovat skeptisiä, koska kasvu on heikkoa ja energian"
        " hinnat nousevat. Ministeriö suunnittelee myös verotuksen muutoksia, joiden on määrä tulla"
        " voimaan tammikuussa."
    ),
    "lt": (
        "Vyriausybė antradienį pritarė kitų metų biudžeto projektui. Pasak finansų ministro, "
        "deficitas sumažės, tačiau opozicija tvirtina, kad skaičiai nėra realūs. Premjeras sakė, "
        "kad šalis turi taupyti ir kad nauji sprendimai bus priimti, kai Seimas apsvarstys "
        "projektą. Ekonomistai skeptiški, nes augimas yra lėtas, o energijos kainos kyla. "
        "Ministerija taip pat planuoja mokesčių pakeitimus, kurie turėtų įsigalioti nuo sausio."
    ),
}


@pytest.mark.parametrize("lang", sorted(CLOSE_LANGUAGES))
def test_close_languages_are_told_apart(lang: str) -> None:
    # Twice the paragraph: one alone holds too few function words to decide.
    assert guess_language(" ".join([CLOSE_LANGUAGES[lang]] * 2)) == lang


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The minister resigns today", 4),
        ("首相が辞任を表明", 5),  # a run of text, and two characters a word
        ("习近平会见美国总统", 5),
        ("총리가 오늘 사임했다", 3),  # Korean parts its words with spaces
        ("Премьер-министр ушёл в отставку", 4),
    ],
)
def test_a_short_text_is_counted_in_words_in_any_script(text: str, words: int) -> None:
    assert approximate_words(text) == words


def test_too_little_text_is_no_language() -> None:
    assert guess_language("Budget vote") is None
    assert guess_language("") is None
    assert guess_language("12 345 — 678") is None


def test_right_to_left_languages_get_their_direction() -> None:
    assert direction_of("he") == "rtl"
    assert direction_of("ar-EG") == "rtl"
    assert direction_of("en") is None
    assert direction_of(None) is None


@given(st.text(max_size=300))
def test_any_text_gets_a_known_language_or_none(text: str) -> None:
    known = {script for script, _ in load_language_data().scripts} | {
        lang for weights in load_language_data().word_weights.values() for lang in weights
    }
    assert guess_language(text) in known | {None}


# --- enciphered paywall text ----------------------------------------------------------------------------


def _shifted(text: str) -> str:
    """As a paywall enciphers: every letter one code point up ('z' wraps to 'a')."""
    return "".join(
        "a" if ch == "z" else "A" if ch == "Z" else chr(ord(ch) + 1) if ch.isalpha() else ch for ch in text
    )


PLAIN_PARAGRAPHS = [
    "Der Hamburger Großmarkt ist eines der wichtigsten Versorgungsorgane für die Hansestadt, sagt die "
    "Geschäftsführerin, und die Hygienevorschriften gehören zu den strengsten, die es in Deutschland gibt.",
    "The harbour master said the new breakwater would protect the fishing fleet from the winter storms "
    "that flooded the quay twice last year, and the council agreed to pay for it.",
    "Le conseil municipal a voté mardi le budget du port, qui prévoit une nouvelle digue pour protéger "
    "les bateaux de pêche des tempêtes de l'hiver dernier.",
]


@pytest.mark.parametrize("plain", PLAIN_PARAGRAPHS)
def test_shifted_ciphertext_is_told_from_its_plain_text(plain: str) -> None:
    assert is_shifted_ciphertext(_shifted(plain))
    assert not is_shifted_ciphertext(plain)


@pytest.mark.parametrize(
    "text",
    [
        # Formulas, reference lists and credits hold few function words, and
        # shifted back, letters alone become words ('b' is 'a').
        "1 + (q^2)/(1 − q) + (q^6)/(1 − q)(1 − q^2) + ⋯ = ∏_(j = 0)^∞1/(1 − q^(5j + 2))(1 − q^(5j + 3))",
        "^ a b Hobbs, Joseph J. (2016). Fundamentals of World Regional Geography. Cengage Learning. p. 367. "
        "ISBN 978-1-305-85495-6.",
        "Photos by cmgirl (Shutterstock), Macrovector (Shutterstock), J E Theriot, davidd, George Redgrave, "
        "Dan Foy, Nick Ares",
        "SPIEGEL TV Übersicht SPIEGEL TV Magazin SPIEGEL TV Reportage SPIEGEL TV Programm SPIEGEL Geschichte",
    ],
)
def test_text_with_few_function_words_is_no_ciphertext(text: str) -> None:
    assert not is_shifted_ciphertext(text)


_FUNCTION_WORDS = sorted(
    word for word in load_language_data().word_weights if len(word) > 1 and word.isascii()
)


@given(st.lists(st.sampled_from(_FUNCTION_WORDS), min_size=12, max_size=60))
def test_a_text_of_function_words_is_never_ciphertext(words: list[str]) -> None:
    text = " ".join(words)
    assert not is_shifted_ciphertext(text)
