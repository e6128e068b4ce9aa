"""Stage 4, extract: a recipe's ingredients and steps, named in the page's
markup, are the article's, though readability scores no list; put back in the
page's order, under their label, and never twice."""

from __future__ import annotations

import lxml.html
import pytest

from unwall.pipeline import run

INTRODUCTION = (
    "<p>We take you along on a skiing holiday, or at least to the meal after it. The diced "
    "pumpkin comes ready cut and goes into the sauce, which turns a fine orange colour.</p>"
)
INGREDIENTS = ["400 g diced pumpkin", "1 clove of garlic", "200 g pasta", "75 g grated cheddar"]
STEPS = [
    "Bring a large pot of salted water to the boil for the pasta.",
    "Roast the pumpkin with the garlic, olive oil, salt and pepper for twenty minutes.",
    "Blend the pumpkin with the cream and half of the cheese into a smooth sauce.",
]


def microdata_recipe(ingredients: str = "Ingredients", steps_label: str = "<h3>Preparation</h3>") -> str:
    """15gram.be's shape: a description paragraph, then lists with no paragraph in them."""
    ingredient_items = "".join(f"<li itemprop='recipeIngredient'>{item}</li>" for item in INGREDIENTS)
    step_items = "".join(f"<li itemprop='recipeInstructions'>{step}</li>" for step in STEPS)
    return (
        "<div itemscope itemtype='https://schema.org/Recipe'>"
        "<h1 itemprop='name'>Macaroni cheese with pumpkin</h1>"
        f"<div class='recipe-description'>{INTRODUCTION}</div>"
        f"<div class='row'><div id='ingredients'><h3>{ingredients}</h3>"
        f"<div class='detail-block'><ul>{ingredient_items}</ul></div></div>"
        "<div id='order-online'><p>Order these products online</p><button>Shop</button></div>"
        f"<div id='preparation'>{steps_label}<ol>{step_items}</ol></div></div></div>"
    )


def page(body: str) -> str:
    return f"<html lang='en'><head><title>Macaroni cheese</title></head><body>{body}</body></html>"


def content_of(body: str) -> lxml.html.HtmlElement:
    return run(page(body), "https://recipes.example/macaroni").content


def test_a_recipe_s_lists_without_paragraphs_are_kept_under_their_labels() -> None:
    content = content_of(microdata_recipe())
    text = " ".join(content.text_content().split())
    for line in [*INGREDIENTS, *STEPS]:
        assert line in text
    headings = [heading.text_content() for heading in content.iter("h2", "h3", "h4")]
    assert headings[-2:] == ["Ingredients", "Preparation"]
    # In the page's order: the introduction, the ingredients, the steps.
    assert text.index("skiing holiday") < text.index(INGREDIENTS[0]) < text.index(STEPS[0])
    assert [len(content.findall(".//ul/li")), len(content.findall(".//ol/li"))] == [4, 3]
    assert "Order these products" not in text


def test_a_short_line_over_a_part_is_its_heading() -> None:
    content = content_of(microdata_recipe(steps_label="<div class='h2Left'>Directions</div>"))
    assert [heading.text_content() for heading in content.iter("h3")][-1] == "Directions"


def test_a_sentence_before_a_part_is_no_label_of_it() -> None:
    sentence = "<p>Everything below can be prepared a day ahead and kept in the fridge.</p>"
    content = content_of(microdata_recipe(steps_label=sentence))
    headings = [heading.text_content() for heading in content.iter("h2", "h3", "h4")]
    assert "Everything below" not in " ".join(headings)
    assert STEPS[0] in content.text_content()


def test_hrecipe_ingredients_beside_the_directions_come_before_them() -> None:
    # Recipe.com's shape: the directions are paragraphs readability chooses;
    # the ingredients are a list in the box beside them.
    ingredients = "".join(f"<li><div class='ingredient'>{item}</div></li>" for item in INGREDIENTS)
    directions = "".join(f"<div class='step'><p>{step} {step}</p></div>" for step in STEPS)
    body = (
        "<div class='recipeDetail hrecipe'><h1 class='fn'>Macaroni cheese</h1>"
        f"<div class='row'><div id='recipeingredients'><div class='label'>Ingredients</div>\n"
        f"<ul>{ingredients}</ul></div>"
        "<div class='relatedVideo'><a href='/videos'>More videos</a></div></div>\n"
        f"<div class='row'><span class='instructions'>\n{directions}</span></div></div>"
    )
    text = " ".join(content_of(body).text_content().split())
    assert text.index("Ingredients") < text.index(INGREDIENTS[0]) < text.index(STEPS[0])
    assert "More videos" not in text


def test_parts_readability_kept_are_not_doubled() -> None:
    # A recipe written as paragraphs and lists that readability takes whole.
    steps = "".join(f"<p class='instructions'>{step} {step}</p>" for step in STEPS)
    ingredients = "".join(f"<li class='ingredient'>{item}</li>" for item in INGREDIENTS)
    recipe = f"{INTRODUCTION}<ul>{ingredients}</ul>{steps}"
    body = f"<div class='hrecipe'><div class='instructions'>{recipe}</div></div>"
    text = content_of(body).text_content()
    assert text.count(INGREDIENTS[0]) == 1
    assert text.count(STEPS[0]) == 2  # each step paragraph says it twice


def test_a_list_that_the_introduction_names_an_ingredient_of_is_still_put_back() -> None:
    introduction = INTRODUCTION.replace("The diced", f"Only {INGREDIENTS[1]} and some")
    content = content_of(microdata_recipe().replace(INTRODUCTION, introduction))
    assert len(content.findall(".//ul/li")) == len(INGREDIENTS)


@pytest.mark.parametrize(
    "layout",
    [
        # Two recipes: which one is the article's is not for the markup to say.
        "{recipe}{recipe}",
        # A recipe box beside a news story readability chose: not the story's part.
        "<div class='story'>{story}</div><aside>{recipe}</aside>",
    ],
)
def test_parts_of_another_work_are_not_brought_in(layout: str) -> None:
    story = "".join(
        f"<p>The harbour council met on Tuesday to talk about the bridges, number {n}, at length.</p>"
        for n in range(8)
    )
    recipe = microdata_recipe()
    content = content_of(layout.format(recipe=recipe, story=story))
    assert content.findall(".//ol") == []


def test_what_the_page_hides_in_a_part_stays_hidden() -> None:
    hidden = "<li itemprop='recipeIngredient' style='display: none'>a secret spice</li>"
    recipe = microdata_recipe().replace("</ul>", f"{hidden}</ul>")
    content = content_of(recipe)
    assert INGREDIENTS[0] in content.text_content()
    assert "secret spice" not in content.text_content()
