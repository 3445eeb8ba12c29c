"""Where a Japanese name may break on a narrow card: between a run of kanji and a run of
kana ("仁川<wbr>ファルコンズ") and after a middle dot ("ソウル・<wbr>タイガース").

Chromium's ``word-break: auto-phrase`` keeps a proper name whole as one phrase, so a name a
little wider than a phone's bracket card was broken before its last character
("仁川ファルコン/ズ"); a ``<wbr>`` there gives it a break between its words instead. The
text is unchanged (``textContent``); a name of one script gets none."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = r"\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff"  # hiragana, katakana (not the middle dot)
BREAKS = re.compile(rf"(?<=[{HAN}])(?=[{KANA}])|(?<=[{KANA}])(?=[{HAN}])|(?<=・)(?=\S)")


def phrase_parts(name: str) -> list[str]:
    """The name cut at each place it may break."""
    return BREAKS.split(name)


def phrases(name: str) -> Markup:
    """The name, escaped, with a ``<wbr>`` at each place it may break."""
    return Markup("<wbr>").join(escape(part) for part in phrase_parts(name))
