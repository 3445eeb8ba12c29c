"""What an event's game title (``Event.game``, free text) tells the pages.

One rule for now: whether the referee console offers a game's optional map box. A title
whose games are all played on one map, or on a stage nobody records (a MOBA, a fighting
game, football, a card game), gets no box; a title played on a map picked game by game
(VALORANT, CS2, Overwatch, Rainbow Six Siege, StarCraft …) keeps it, and so does a title
this list does not know (an optional box costs a glance; a missing one loses the maps an
organizer wanted). A stage that counts goals (``game_score: "goals"``) is football whatever
its title says. Maps already stored are shown wherever they were, box or not.

Titles are compared without case, spaces or punctuation ("Counter-Strike 2" is
``counterstrike2``), by their start ("Tekken 8", "League of Legends Champions Korea"); a
short name (three Latin characters or fewer: LoL, CS, R6S; one Hangul or kana one: 롤)
matches alone or followed by digits only (CS2, 철권8 is a prefix match), so "cod" never
matches "Codenames".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

# titles whose games are played on a map chosen game by game (the box stays)
MAPS = (
    "valorant", "발로란트", "ヴァロラント",
    "counterstrike", "cs", "csgo", "카운터스트라이크", "カウンターストライク",
    "overwatch", "오버워치", "オーバーウォッチ",
    "rainbowsix", "r6", "r6s", "r6siege", "레인보우식스", "レインボーシックス",
    "callofduty", "cod", "콜오브듀티", "コールオブデューティ",
    "starcraft", "스타크래프트", "スタークラフト",
    "warcraft", "ageofempires", "aoe", "halo", "brawlstars", "splatoon", "スプラトゥーン",
)
# titles without a map to record: one map (a MOBA), a stage nobody records (fighting
# games), a pitch (football), a table (card and puzzle games)
NO_MAPS = (
    "leagueoflegends", "lol", "리그오브레전드", "롤", "リーグオブレジェンド",
    "wildrift", "와일드리프트", "ワイルドリフト",
    "dota", "도타", "honorofkings", "arenaofvalor", "mobilelegends", "pokemonunite",
    "ポケモンユナイト", "포켓몬유나이트",
    "tekken", "철권", "鉄拳", "streetfighter", "sf", "스트리트파이터", "ストリートファイター",
    "guiltygear", "kingoffighters", "kof", "kofxv", "mortalkombat", "supersmashbros", "smash",
    "大乱闘", "granblue", "dragonball", "blazblue", "virtuafighter", "버추어파이터",
    "バーチャファイター",
    "efootball", "위닝일레븐", "ウイニングイレブン", "fifa", "eafc", "easportsfc", "fconline",
    "fc온라인", "pes", "rocketleague", "로켓리그", "ロケットリーグ",
    "hearthstone", "하스스톤", "ハースストーン", "teamfighttactics", "tft", "legendsofruneterra",
    "puyopuyo", "뿌요뿌요", "ぷよぷよ", "tetris", "테트리스", "テトリス", "nba2k", "chess",
)


def _key(title: str) -> str:
    """The title without case, accents ("Pokémon"), spaces, punctuation or a leading
    "The" ("THE KING OF FIGHTERS XV")."""
    plain = unicodedata.normalize("NFKD", title.casefold())
    # Latin accents only (U+0300-U+036F): kana's voicing marks and Hangul's jamo stay
    kept = "".join(ch for ch in plain if not "\u0300" <= ch <= "\u036f")
    key = "".join(ch for ch in unicodedata.normalize("NFC", kept) if ch.isalnum())
    return key.removeprefix("the") if len(key) > 6 else key


def _known(key: str, names: tuple[str, ...]) -> bool:
    for name in names:
        if key == name:
            return True
        short = len(name) <= (3 if name.isascii() else 1)
        if key.startswith(name) and (not short or key[len(name):].isdigit()):
            return True
    return False


def has_maps(game: str | None) -> bool | None:
    """True for a title played on maps, False for one without, None when unknown."""
    key = _key(game or "")
    if not key:
        return None
    if _known(key, MAPS):
        return True
    if _known(key, NO_MAPS):
        return False
    return None


def map_box(game: str | None, settings: Mapping[str, Any]) -> bool:
    """Whether the referee console offers a game's optional map box."""
    if settings.get("game_score") == "goals":  # football: a pitch, never a map
        return False
    return has_maps(game) is not False
