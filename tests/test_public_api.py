from __future__ import annotations

import newslineage


def test_all_is_sorted_and_importable():
    assert newslineage.__all__ == sorted(newslineage.__all__)
    for name in newslineage.__all__:
        assert getattr(newslineage, name) is not None


def test_compare_is_callable_from_the_package(seed_comparison_lexical):
    assert isinstance(seed_comparison_lexical, newslineage.Comparison)
