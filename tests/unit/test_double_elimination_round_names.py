"""Double elimination rounds named as start.gg, Challonge, Liquipedia and casters name them:
each bracket's last three rounds counted back from its final (Upper final, semifinal,
quarterfinal; Lower final, the Lower semifinal before it, the Lower quarterfinal before
that), earlier rounds by number, the grand final and its reset by name. Walked over every
size from 2 to 64 teams (byes), every grand final, every ``lower_start`` that fits and
groups, against the plan itself: the rule counts the rounds each bracket plays, so it
does not share ``round_label``'s arithmetic. A GSL group (four teams, no grand final) is
named as broadcasters and Liquipedia name it instead: opening matches, winners' match,
elimination match, decider match (ko 첫 경기, 승자전, 패자전, 최종전; ja 初戦, 勝者戦,
敗者戦, 最終戦)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from tournament import i18n
from tournament.formats import double_elimination as de
from tournament.formats import registry
from tournament.formats.types import Feed, FormatError, MatchPlan, StagePlan

FMT = registry.get("double_elimination")
SIDE = {"winners": "Upper", "losers": "Lower"}
FROM_END = ("final", "semifinal", "quarterfinal")


def expected(plan: list[MatchPlan]) -> dict[tuple[str, int], tuple[str, Any]]:
    """Each (bracket, round) of one bracket's plan named by the rule."""
    names: dict[tuple[str, int], tuple[str, Any]] = {}
    for bracket, side in SIDE.items():
        rounds = sorted({m.round for m in plan if m.bracket == bracket})
        for i, r in enumerate(reversed(rounds)):
            names[(bracket, r)] = (f"{side} {FROM_END[i]}", None) if i < len(FROM_END) \
                else (f"{side} round %d", r)
    names[("grand_final", 1)] = ("Grand final", None)
    names[("grand_final", 2)] = ("Bracket reset", None)
    return names


def check_bracket(plan: list[MatchPlan], label: Any) -> Counter[str]:
    """Every match of one bracket named by the rule, and the named rounds are the ones the
    names say (two upper semifinals, one lower semifinal feeding the lower final …)."""
    names = expected(plan)
    by_number = {m.number: m for m in plan}
    seen: Counter[str] = Counter()
    for m in plan:
        got = label(m)
        assert got == names[(str(m.bracket), m.round)], (m, got)
        seen[got[0]] += 1
        if got[0] == "Lower final":  # the upper final's loser meets the lower semifinal's winner
            fed = {by_number[s.match].bracket: by_number[s.match] for s in m.slots
                   if isinstance(s, Feed)}
            assert label(fed["winners"]) == ("Upper final", None), m
            if "losers" in fed:
                assert label(fed["losers"]) == ("Lower semifinal", None), m
        if got[0] == "Lower semifinal":
            winner_to = by_number[m.winner_to[0]] if m.winner_to else None
            assert winner_to is not None and label(winner_to) == ("Lower final", None), m
    for name, count in (("Upper final", 1), ("Lower final", 1), ("Lower semifinal", 1),
                        ("Upper semifinal", 2), ("Upper quarterfinal", 4),
                        ("Lower quarterfinal", 2)):
        assert seen[name] in (0, count), (name, seen)
    return seen


def one(plan: StagePlan, teams: int) -> Counter[str]:
    return check_bracket(plan.matches,
                         lambda m: FMT.round_label(m.bracket, m.round, teams))


@pytest.mark.parametrize("grand_final", ["single", "reset", "none"])
def test_every_bracket_size_names_its_last_rounds(grand_final):
    for teams in range(2, 65):
        if teams == 2 and grand_final == "none":
            continue  # refused: no lower bracket to finish
        plan = de.plan(list(range(1, teams + 1)), grand_final=grand_final)
        seen = one(plan, teams)
        rounds = (teams - 1).bit_length()  # upper rounds of the bracket of 2**k slots
        assert seen["Upper final"] == 1
        assert seen["Upper semifinal"] == (2 if rounds >= 2 else 0), (teams, seen)
        assert seen["Upper quarterfinal"] == (4 if rounds >= 3 else 0), (teams, seen)
        assert seen["Lower final"] == (1 if rounds >= 2 else 0), (teams, seen)
        assert seen["Lower quarterfinal"] == (2 if rounds >= 3 else 0), (teams, seen)
        assert seen["Grand final"] == (grand_final != "none")
        assert seen["Bracket reset"] == (grand_final == "reset")


def test_a_top_8_starts_with_the_winners_semifinals_and_losers_round_1():
    """Evo's top 8 (4 and 4) and top 6 (4 and 2): the first upper column is the winners
    semifinals, as everyone calls it, not "Upper round 2"; the lower side plays round 1,
    the quarterfinal, semifinal and final."""
    for lower in (4, 2):
        plan = de.plan(list(range(1, 5 + lower)), grand_final="reset", lower_start=lower)
        teams = 4 + lower
        names = [(m.number, FMT.round_label(m.bracket, m.round, teams)[0])
                 for m in plan.matches]
        assert names == [(1, "Upper semifinal"), (2, "Upper semifinal"),
                         (3, "Lower round %d"), (4, "Lower round %d"),
                         (5, "Lower quarterfinal"), (6, "Lower quarterfinal"),
                         (7, "Upper final"), (8, "Lower semifinal"), (9, "Lower final"),
                         (10, "Grand final"), (11, "Bracket reset")]
        one(plan, teams)


def test_every_lower_start_that_fits_is_named_by_the_rule():
    tried = 0
    for teams in range(3, 65):
        for lower in range(1, teams):
            for grand_final in ("single", "none"):
                try:
                    plan = de.plan(list(range(1, teams + 1)), grand_final=grand_final,
                                   lower_start=lower)
                except FormatError:
                    continue
                tried += 1
                seen = one(plan, teams)
                assert seen["Upper final"] == 1 and seen["Lower final"] == 1, (teams, lower)
    assert tried > 500


def test_groups_name_rounds_by_their_own_bracket():
    """Groups larger or smaller than a GSL group's four (and groups of four that play a
    grand final): each group's rounds by its own bracket's size, with the double
    elimination's names."""
    for teams, groups, grand_final in (
            (12, 2, "none"), (24, 2, "none"), (64, 4, "none"), (20, 3, "none"),
            (6, 2, "none"), (8, 2, "single"), (16, 4, "reset")):
        settings = {"groups": groups, "grand_final": grand_final}
        plan = de.plan(list(range(1, teams + 1)), groups=groups, grand_final=grand_final)
        for g in range(1, groups + 1):
            mine = [m for m in plan.matches if m.group == g]
            check_bracket(mine, lambda m, n=teams, s=settings: FMT.match_label(
                {"bracket": m.bracket, "round": m.round, "group": m.group}, n, s))


GSL = ("Opening matches", "Winners' match", "Elimination match", "Decider match")
OPENER = "Opening match %d"


def check_gsl(plan: list[MatchPlan], label: Any) -> None:
    """A GSL group's five matches by GSL's names, each the match its name says: the two
    openers, each by its own name (Opening match 1 is 1 v 4 and played first, Opening
    match 2 is 2 v 3), their winners in the winners' match, their losers in the
    elimination match, and the decider between the winners' match's loser and the
    elimination match's winner."""
    assert len(plan) == 5, plan
    names = {m.number: label(m) for m in plan}
    by_name = {names[m.number]: m for m in plan}
    first, second = by_name[(OPENER, 1)], by_name[(OPENER, 2)]
    assert first.number < second.number
    seeds = sorted(t for m in (first, second) for t in m.slots if isinstance(t, int))
    assert (first.slots, second.slots) == ((seeds[0], seeds[3]), (seeds[1], seeds[2]))
    openers = {first.number, second.number}
    others = {n: name for n, name in names.items() if n not in openers}
    assert all(param is None for _, param in others.values()), names
    assert Counter(name for name, _ in others.values()) == Counter(GSL[1:]), names
    named = {name: m for m in plan for name in [names[m.number][0]] if name != OPENER}

    def fed(m: MatchPlan) -> set[tuple[int, str]]:
        return {(s.match, s.outcome) for s in m.slots if isinstance(s, Feed)}

    assert fed(named[GSL[1]]) == {(n, "winner") for n in openers}
    assert fed(named[GSL[2]]) == {(n, "loser") for n in openers}
    assert fed(named[GSL[3]]) == {(named[GSL[1]].number, "loser"),
                                  (named[GSL[2]].number, "winner")}


def test_a_gsl_group_names_its_rounds_as_broadcasters_do():
    """Every group of four without a grand final (the 4-team groups of a stage whose other
    groups are larger: those keep the bracket names), and a stage of one such bracket."""
    tried = 0
    for teams, groups in ((8, 2), (16, 4), (32, 8), (9, 2), (13, 3), (4, 1)):
        settings = {"groups": groups, "grand_final": "none"}
        plan = de.plan(list(range(1, teams + 1)), groups=groups, grand_final="none")
        for g in range(1, groups + 1):
            mine = [m for m in plan.matches if (m.group or 1) == g]
            label = lambda m, n=teams, s=settings: FMT.match_label(  # noqa: E731
                {"bracket": m.bracket, "round": m.round, "group": m.group,
                 "number": m.number}, n, s)
            if FMT.field_of(teams, settings, g if groups > 1 else None) == 4:
                check_gsl(mine, label)
                tried += 1
            else:
                assert not {label(m)[0] for m in mine} & set(GSL), (teams, g)
                check_bracket(mine, label)
    assert tried == 2 + 4 + 8 + 1 + 2 + 1  # 9 teams: 5 and 4; 13: 5, 4 and 4


def test_four_teams_with_a_grand_final_or_a_lower_start_are_no_gsl_group():
    for settings in ({"grand_final": "single"}, {"grand_final": "reset"}, {},
                     {"grand_final": "none", "lower_start": 1}):
        try:
            plan = de.plan([1, 2, 3, 4], grand_final=settings.get("grand_final", "single"),
                           lower_start=settings.get("lower_start", 0))
        except FormatError:
            continue
        check_bracket(plan.matches, lambda m, s=settings: FMT.match_label(
            {"bracket": m.bracket, "round": m.round, "group": None}, 4, s))


def test_the_stage_page_columns_and_a_tiebreaker_in_a_gsl_group():
    """The stage page's columns (``layout``) name a GSL group's rounds so; a tiebreaker
    match in it keeps its own name."""
    plan = de.plan(list(range(1, 9)), groups=2, grand_final="none")
    stage = {"team_count": 8, "settings": {"groups": 2, "grand_final": "none"},
             "standings": [], "matches": [{"number": m.number, "bracket": m.bracket,
                                           "round": m.round, "group": m.group}
                                          for m in plan.matches]}
    for section in FMT.layout(stage):
        titles = {b["bracket"]: [c["label"] for c in b["columns"]]
                  for b in section["brackets"]}
        assert titles == {"winners": [GSL[0], GSL[1]], "losers": [GSL[2], GSL[3]]}
        # no "Upper bracket" / "Lower bracket" over rounds that already say it
        assert [b["title"] for b in section["brackets"]] == [None, None]
        first = section["brackets"][0]["columns"][0]
        assert [m["name"] for pair in first["pairs"] for m in pair] == [
            (OPENER, 1), (OPENER, 2)]
    assert FMT.round_name("tiebreaker", 3, 8, stage["settings"], 1) == ("Tiebreaker", None)


def test_every_name_is_translated():
    words = {"ko": ("승자조 준준결승", "승자조 준결승", "승자조 결승",
                    "패자조 준준결승", "패자조 준결승", "패자조 결승"),
             "ja": ("勝者側準々決勝", "勝者側準決勝", "勝者側決勝",
                    "敗者側準々決勝", "敗者側準決勝", "敗者側決勝")}
    gsl = {"ko": ("첫 경기", "승자전", "패자전", "최종전"),
           "ja": ("初戦", "勝者戦", "敗者戦", "最終戦")}
    for lang, shown in words.items():
        _ = i18n.gettext(lang)
        assert tuple(_(f"{side} {end}") for side in ("Upper", "Lower")
                     for end in reversed(FROM_END)) == shown
        assert tuple(_(name) for name in GSL) == gsl[lang]
        assert [_(OPENER) % n for n in (1, 2)] == {"ko": ["1경기", "2경기"],
                                                   "ja": ["第1試合", "第2試合"]}[lang]
