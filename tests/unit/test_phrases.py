"""A Japanese name's breaks on a narrow card (``web/phrases.py``): between its kanji and its
kana and after a middle dot, never inside a run of one script; the text is unchanged and
escaped."""

from __future__ import annotations

import pytest

from tournament.web.phrases import phrases

# the names both sides are checked on: these, and tests/e2e/test_live_renames.py runs the same
# through the browser's rule (static/js/phrases.js) to compare
MARKED = [
    ("仁川ファルコンズ", "仁川<wbr>ファルコンズ"),  # not "仁川ファルコン/ズ" on a phone
    ("ソウル・タイガース", "ソウル・<wbr>タイガース"),
    ("名古屋ファントムズ東", "名古屋<wbr>ファントムズ<wbr>東"),
    ("ファルコンズ", "ファルコンズ"), ("大阪", "大阪"), ("チーム1", "チーム1"),
    ("Daejeon Phantoms", "Daejeon Phantoms"), ("인천 팔콘스", "인천 팔콘스"),
    ("<i>東京</i>ローニン", "&lt;i&gt;東京&lt;/i&gt;ローニン"),
    ("大阪・ファントムズ東京", "大阪・<wbr>ファントムズ<wbr>東京"),
    ("・", "・"), ("東・ ", "東・ "),
    ("ﾊﾝｶｸ東京", "ﾊﾝｶｸ東京"), ("𠀋ファルコンズ", "𠀋ファルコンズ"),
]


@pytest.mark.parametrize(("name", "marked"), MARKED)
def test_a_name_breaks_only_between_its_scripts(name: str, marked: str) -> None:
    assert str(phrases(name)) == marked
