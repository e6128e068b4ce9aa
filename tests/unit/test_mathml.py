"""Normalize: MathML becomes linear text, in place of the formula and of the
markup MathJax or KaTeX drew it with."""

from __future__ import annotations

import lxml.html
import pytest

from unwall.pipeline.mathml import linearize_math
from unwall.pipeline.parse import parse_html

QUADRATIC = (
    "<math><mi>x</mi><mo>=</mo><mfrac><mrow><mo>−</mo><mi>b</mi><mo>±</mo><msqrt><msup><mi>b</mi><mn>2</mn>"
    "</msup><mo>−</mo><mn>4</mn><mi>a</mi><mi>c</mi></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac></math>"
)


def linear(body: str) -> str:
    root = parse_html(f"<html><body>{body}</body></html>")
    linearize_math(root)
    assert not list(root.iter("math"))
    return " ".join(root.find("body").text_content().split())


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        (QUADRATIC, "x = (− b ± √(b^2 − 4ac))/(2a)"),
        ("<math><msub><mi>a</mi><mi>k</mi></msub></math>", "a_k"),
        ("<math><msup><mi>e</mi><mrow><mo>−</mo><mn>2</mn><mi>π</mi></mrow></msup></math>", "e^(− 2π)"),
        ("<math><mroot><mi>x</mi><mn>3</mn></mroot></math>", "3√x"),
        ("<math><mfenced><mi>a</mi><mi>b</mi></mfenced></math>", "(a, b)"),
        ("<math><mphantom><mi>z</mi></mphantom><mi>y</mi></math>", "y"),
        ("<math alttext='E = mc^2'><mi>E</mi></math>", "E = mc^2"),
        (
            "<math><semantics><mrow><mi>x</mi></mrow><annotation encoding='application/x-tex'>x</annotation>"
            "</semantics></math>",
            "x",
        ),
    ],
)
def test_a_formula_reads_as_it_would_be_typed(markup: str, text: str) -> None:
    assert linear(f"<p>{markup}</p>") == text


def test_mathjax_markup_goes_with_its_formula_and_the_words_around_stay_apart() -> None:
    body = (
        "<p>Two solutions to <mjx-container class='MathJax CtxtMenu_Attached_0'><mjx-math aria-hidden='true'>"
        "<mjx-mi class='mjx-i'><mjx-c class='mjx-c1D44E'></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml>"
        "<math><mi>a</mi><mo>=</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>and more.</p>"
    )
    root = parse_html(f"<html><body>{body}</body></html>")
    linearize_math(root)
    assert not root.xpath("//mjx-container")
    assert " ".join(root.find("body").text_content().split()) == "Two solutions to a = 0 and more."


def test_katex_shows_its_formula_once() -> None:
    body = (
        "<p>So <span class='katex'><span class='katex-mathml'><math><mi>y</mi></math></span>"
        "<span class='katex-html' aria-hidden='true'><span class='mord'>y</span></span></span>.</p>"
    )
    assert linear(body) == "So y."


def test_a_display_formula_is_its_own_paragraph() -> None:
    root = parse_html(
        f"<html><body><div>{QUADRATIC.replace('<math>', '<math display=block>')}</div></body></html>"
    )
    linearize_math(root)
    assert lxml.html.tostring(root.find(".//div"), encoding="unicode").startswith("<div><p>x = ")
