"""The pipeline's warm-up page: a worker reads it before its first request,
so it must stay an article that takes the common paths (a failure there
would stop every worker at its start)."""

from __future__ import annotations

from unwall.pipeline import WARM_UP_PAGE, WARM_UP_URL, run


def test_the_warm_up_page_reads_as_an_article_through_the_common_paths() -> None:
    article = run(WARM_UP_PAGE, WARM_UP_URL).article
    said = (article.title, article.byline, article.published)
    assert said == ("Bridges reopen", "Jane Doe", "2025-04-02T06:00:00+00:00")
    assert article.lead_image is not None
    assert "cookies" not in article.text and "Read more" not in article.text
    assert "What comes next" in article.text and "The old bridge at dawn." in article.text
    assert any(removal.kind == "consent_dialog" for removal in article.removed)
