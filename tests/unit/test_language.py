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
        # Arabic's script: Urdu and Persian by the letters only they write.
        ("شہر کی کونسل نے منگل کی شام اگلے سال کے بجٹ پر بات چیت کے لیے اجلاس کیا۔", "ur"),
        (
            "شورای شهر روز سه‌شنبه برای بررسی بودجه سال آینده که پول مدرسه‌ها و کتابخانه‌ها را "
            "در بر می‌گیرد جلسه گذاشت.",
            "fa",
        ),
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
    "sr": (
        "Влада је у уторак усвојила предлог буџета за наредну годину. Према речима министра финансија, "
        "дефицит ће се смањити, али опозиција тврди да бројке нису реалне. Премијер је рекао да земља "
        "мора да штеди и да ће нове мере доћи када скупштина размотри предлог. Економисти су скептични "
        "јер је раст слаб, а цене енергије расту. Министарство такође планира промене пореза које би "
        "требало да важе од јануара."
    ),
    "mk": (
        "Владата во вторник го усвои предлогот за буџетот за следната година. Според министерот за "
        "финансии, дефицитот ќе се намали, но опозицијата тврди дека бројките не се реални. Премиерот "
        "рече дека земјата мора да штеди и дека ќе има нови мерки кога Собранието ќе го разгледа "
        "предлогот. Економистите се скептични бидејќи растот е слаб, а цените на енергијата растат. "
        "Министерството планира и промени во даноците, кои треба да важат од јануари."
    ),
    "be": (
        "Урад у аўторак ухваліў праект бюджэту на наступны год. Па словах міністра фінансаў, дэфіцыт "
        "скароціцца, але апазіцыя сцвярджае, што лічбы нерэалістычныя. Прэм'ер сказаў, што краіне трэба "
        "эканоміць і што новыя меры будуць, калі парламент абмяркуе праект. Эканамісты настроены "
        "скептычна, бо рост слабы, а цэны на энергію растуць. Міністэрства таксама плануе змены ў "
        "падатках, якія павінны ўступіць у сілу са студзеня."
    ),
    "uk": (
        "Уряд у вівторок схвалив проєкт бюджету на наступний рік. За словами міністра фінансів, дефіцит "
        "скоротиться, але опозиція стверджує, що цифри нереалістичні. Прем'єр сказав, що країні потрібно "
        "економити і що нові заходи будуть, коли парламент обговорить проєкт. Економісти налаштовані "
        "скептично, бо зростання слабке, а ціни на енергію зростають. Міністерство також планує зміни в "
        "податках, які мають набути чинності з січня."
    ),
    "kk": (
        "Үкімет сейсенбі күні келесі жылғы бюджет жобасын мақұлдады. Қаржы министрінің айтуынша, "
        "тапшылық азаяды, бірақ оппозиция сандар шындыққа сай емес деп санайды. Премьер-министр елдің "
        "үнемдеуі керек екенін және парламент жобаны талқылағанда жаңа шаралар болатынын айтты. "
        "Экономистер күмәнмен қарайды, себебі өсім әлсіз, ал энергия бағасы өсіп келеді. Министрлік "
        "сондай-ақ қаңтардан бастап күшіне енетін салық өзгерістерін жоспарлап отыр."
    ),
    "ms": (
        "Kerajaan pada hari Selasa meluluskan cadangan bajet bagi tahun hadapan. Menurut menteri "
        "kewangan, defisit akan berkurangan, tetapi pembangkang mendakwa bahawa angka tersebut tidak "
        "realistik. Perdana Menteri berkata beliau yakin negara boleh berjimat dan langkah baharu akan "
        "diambil "
        "apabila Parlimen membincangkan cadangan itu. Ahli ekonomi ragu-ragu kerana pertumbuhan adalah "
        "lemah dan harga tenaga semakin meningkat. Kementerian juga merancang perubahan cukai yang "
        "turut berkuat kuasa selepas Januari, iaitu cukai jualan."
    ),
    "id": (
        "Pemerintah pada hari Selasa menyetujui rancangan anggaran untuk tahun depan. Menurut menteri "
        "keuangan, defisit akan berkurang, tetapi pihak oposisi menyatakan bahwa angka-angka itu tidak "
        "realistis. Presiden mengatakan bahwa negara harus berhemat dan langkah-langkah baru akan "
        "diambil ketika DPR membahas rancangan tersebut. Para ekonom skeptis karena pertumbuhan masih "
        "lemah dan harga energi terus naik. Kementerian juga merencanakan perubahan pajak yang "
        "seharusnya berlaku mulai Januari."
    ),
    "gl": (
        "O Goberno aprobou o martes o proxecto de orzamentos para o próximo ano. Segundo o ministro de "
        "Facenda, o déficit vai diminuír, pero a oposición sostén que as cifras non son realistas. O "
        "presidente dixo que o país ten que aforrar e que haberá novas medidas cando o Parlamento debata "
        "o proxecto. Os economistas son escépticos porque o crecemento é débil e os prezos da enerxía "
        "están a subir. O ministerio tamén prevé cambios nos impostos, que deberían entrar en vigor en "
        "xaneiro."
    ),
    "pt": (
        "O Governo aprovou na terça-feira a proposta de orçamento para o próximo ano. Segundo o "
        "ministro das Finanças, o défice vai diminuir, mas a oposição afirma que os números não são "
        "realistas. O primeiro-ministro disse que o país tem de poupar e que haverá novas medidas "
        "quando o Parlamento discutir a proposta. Os economistas estão céticos porque o crescimento é "
        "fraco e os preços da energia estão a subir. O ministério também prevê mudanças nos impostos, "
        "que deverão entrar em vigor em janeiro."
    ),
    "az": (
        "Hökumət çərşənbə axşamı gələn ilin büdcə layihəsini təsdiqləyib. Maliyyə nazirinin sözlərinə "
        "görə, kəsir azalacaq, lakin müxalifət rəqəmlərin real olmadığını iddia edir. Baş nazir bildirib "
        "ki, ölkə qənaət etməlidir və parlament layihəni müzakirə etdikdə yeni tədbirlər görüləcək. "
        "İqtisadçılar şübhə ilə yanaşırlar, çünki artım zəifdir və enerji qiymətləri yüksəlir. Nazirlik "
        "həmçinin yanvardan qüvvəyə minməli olan vergi dəyişikliklərini planlaşdırır."
    ),
    "tr": (
        "Hükümet salı günü gelecek yıl için bir bütçe taslağını onayladı. Maliye bakanına göre bu açık "
        "daha da azalacak, ama muhalefet rakamların gerçekçi olmadığını ve bu planın da işe yaramayacağını"
        " savunuyor. Başbakan, ülkenin tasarruf etmesi gerektiğini ve meclis taslağı görüştükten sonra "
        "yeni önlemlerin geleceğini söyledi. Ekonomistler ise şüpheci, çünkü büyüme zayıf ve enerji "
        "fiyatları her ay yükseliyor. Bakanlık ayrıca ocak ayından itibaren geçerli olacak vergi "
        "değişikliklerini de planlıyor."
    ),
    "sq": (
        "Qeveria miratoi të martën projektbuxhetin për vitin e ardhshëm. Sipas ministrit të financave, "
        "deficiti do të ulet, por opozita pretendon se shifrat nuk janë reale. Kryeministri tha se "
        "vendi duhet të kursejë dhe se masa të reja do të vijnë kur parlamenti ta shqyrtojë projektin. "
        "Ekonomistët janë skeptikë, sepse rritja është e dobët dhe çmimet e energjisë po rriten. "
        "Ministria planifikon gjithashtu ndryshime në taksa, të cilat duhet të hyjnë në fuqi nga janari."
    ),
    "tl": (
        "Inaprubahan ng pamahalaan noong Martes ang panukalang badyet para sa susunod na taon. Ayon sa "
        "kalihim ng pananalapi, bababa ang depisit, ngunit iginiit ng oposisyon na hindi makatotohanan "
        "ang mga numero. Sinabi ng pangulo na kailangang magtipid ang bansa at may mga bagong hakbang "
        "kapag tinalakay ng Kongreso ang panukala. Nag-aalinlangan ang mga ekonomista dahil mahina ang "
        "paglago at tumataas ang presyo ng enerhiya. Nagpaplano rin ang kagawaran ng mga pagbabago sa "
        "buwis na dapat ipatupad simula Enero."
    ),
    "sw": (
        "Serikali siku ya Jumanne iliidhinisha rasimu ya bajeti ya mwaka ujao. Kwa mujibu wa waziri wa "
        "fedha, nakisi itapungua, lakini upinzani unadai kwamba takwimu hizo si halisi. Waziri mkuu "
        "alisema kwamba nchi inapaswa kubana matumizi na kwamba hatua mpya zitachukuliwa wakati bunge "
        "litakapojadili rasimu hiyo. Wachumi wana shaka kwa sababu ukuaji ni dhaifu na bei za nishati "
        "zinapanda. Wizara pia inapanga mabadiliko ya kodi ambayo yanatarajiwa kuanza kutumika mwezi "
        "Januari."
    ),
    "is": (
        "Ríkisstjórnin samþykkti á þriðjudag fjárlagafrumvarp næsta árs. Að sögn fjármálaráðherra mun "
        "hallinn minnka, en stjórnarandstaðan heldur því fram að tölurnar séu ekki raunhæfar. "
        "Forsætisráðherra sagði að landið þyrfti að spara og að nýjar aðgerðir kæmu þegar Alþingi hefði "
        "fjallað um frumvarpið. Hagfræðingar eru efins, því hagvöxtur er veikur og orkuverð fer "
        "hækkandi. Ráðuneytið áformar einnig breytingar á sköttum sem eiga að taka gildi í janúar."
    ),
    "eu": (
        "Gobernuak asteartean onartu zuen datorren urteko aurrekontu proiektua. Ogasun ministroaren "
        "arabera, defizita murriztu egingo da, baina oposizioak dio zifrak ez direla errealistak. Lehen "
        "ministroak esan zuen herrialdeak aurreztu egin behar duela eta neurri berriak etorriko direla "
        "parlamentuak proiektua eztabaidatzen duenean. Ekonomialariak eszeptikoak dira, hazkundea ahula "
        "delako eta energiaren prezioak igotzen ari direlako. Ministerioak zergen aldaketak ere "
        "aurreikusten ditu, urtarriletik aurrera indarrean egon beharko luketenak."
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
    known = {script for script, _, _ in load_language_data().scripts} | {
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
