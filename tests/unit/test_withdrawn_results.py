"""What a withdrawal does to a round robin's table (``withdrawn_results``): rulebooks
differ, so the stage says.

Annul (the table as if the team never entered):
- FIGC, NOIF art. 53 comma 3 (as amended 2019; calcioa5live.com, 19/07/2019): "Qualora
  una società si ritiri dal Campionato o ne venga esclusa per qualsiasi ragione, tutte le
  gare disputate nel corso del campionato di competenza non hanno valore per la
  classifica, che viene formata senza tenere conto dei risultati delle gare della società
  rinunciataria od esclusa."
- AFC Champions League 2020 Competition Regulations, art. 6.1 and 6.2.1, as the AFC
  applied them to Johor Darul Ta'zim (AFC statement, 13 Nov 2020, via ANI): "all matches
  of Johor Darul Ta'zim are cancelled and considered null and void ... all points and
  goals in those matches shall not be taken into consideration when determining the final
  rankings in the Group Stage."

Annul before half (kept from the season's second half on):
- Belgian darts federation (NBDF), art. P1: points already won are struck out when a team
  gives up before the end of the first-leg matches; giving up in the return leg, the
  first leg's points are kept.
- FLVW (Westphalia's FA) Spielordnung § 52 (3): a withdrawn team's games "wenn die
  Maßnahme bis zum 30. April erforderlich wird, nicht zu werten; wenn die Maßnahme ab dem
  1. Mai erforderlich wird, entsprechend ihrem Ausgang zu werten. Nicht ausgetragene
  Spiele werden für den Gegner mit 2 : 0 Toren als gewonnen gewertet." (a date where we
  count played matches: the rule of the same kind).

Keep (played results stand, the rest forfeits):
- ESL Pro Tour rulebook 2.14.1 (update of September 2025, pro.eslgaming.com): if ESL
  finds no replacement, the withdrawing team's matches are recorded as forfeits.
- LCK official rules 2020, 7.2: "경기 결과는 경기를 이기기 위해 필요한 최소 스코어로 기록된다
  (예: 3전 2선승제에서는 2-0, 5전 3선승제에서는 3-0). 몰수패 처리된 경기에서 다른 통계는 기록되지
  않는다." (forfeit_score 0: 2-0 in maps, no rounds).
- Smogon's Survivor 1v1 pools (a Pokémon Showdown tournament): a player who played and
  then dropped out has the unfinished matches "marked as forfeits rather than voids ...
  The only way a dropped player's matches will be voided is if they didn't participate at
  all" (so esports leagues do not all agree either: ESL Benelux deleted GameFist's
  matches in 2020).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from tournament.formats import registry
from tournament.formats.results import MatchResult, Row
from tournament.formats.types import FormatError
from tournament.formats.withdrawal import annulled

RR = registry.get("round_robin")
SEEDING = [1, 2, 3, 4]


def result(a: int, b: int, goals: tuple[int, int], *, forfeit: int | None = None,
           completed: bool = True) -> MatchResult:
    winner = 1 if goals[0] > goals[1] else 2
    score = (1, 0) if winner == 1 else (0, 1)
    if not completed:
        score, winner = (0, 0), None
    return MatchResult(number=0, round=1, bracket=None, group=1, teams=(a, b),
                       score=score if forfeit is None else (0, 0), winner=winner,
                       completed=completed, forfeit=forfeit,
                       games=() if forfeit is not None or not completed else (goals,))


# A football league of four: team 4 beat team 1 3-0, then withdrew; its two other matches
# are forfeits (team 4 the side that forfeits). Among the others: 1 beat 2 2-0, 3 beat 1
# 1-0, 2 beat 3 1-0.
PLAYED = [result(1, 2, (2, 0)), result(3, 1, (1, 0)), result(2, 3, (1, 0)),
          result(4, 1, (3, 0))]
FORFEITS = [result(2, 4, (1, 0), forfeit=2), result(4, 3, (0, 1), forfeit=1)]


def table(rule: str, results: list[MatchResult], **more: object) -> list[Row]:
    settings = RR.parse_settings({"game_score": "goals", "advance": 2,
                                  "withdrawn_results": rule, **more})
    return RR.standings(SEEDING, results, settings, resolutions=[],
                        withdrawn=frozenset({4}), complete=True)


def line(rows: list[Row]) -> list[tuple[int, int | None, int, int, int, str]]:
    return [(r.team_id, r.rank, r.points, r.goals_for, r.goals_against, r.status)
            for r in rows]


def test_keep_counts_the_played_results_and_the_forfeits():
    """Today's rule, the default: 2 and 3 have their walkovers (6 points each), 1 its 0-3
    loss; 3 is ahead of 2 on goal difference."""
    assert line(table("keep", PLAYED + FORFEITS)) == [
        (3, 1, 6, 1, 1, "advanced"), (2, 2, 6, 1, 2, "advanced"),
        (1, 3, 3, 2, 4, "eliminated"), (4, 4, 3, 3, 0, "eliminated")]
    stored = RR.standings(SEEDING, PLAYED + FORFEITS, RR.parse_settings(
        {"game_score": "goals", "advance": 2}), resolutions=[], withdrawn=frozenset({4}),
        complete=True)
    assert line(stored) == line(table("keep", PLAYED + FORFEITS))  # a stored stage: keep


def test_annul_draws_the_table_as_if_the_team_never_entered():
    """NOIF art. 53.3 / AFC: no points and no goals from any match of team 4. Everyone is
    on 3 points; 1 (+1) goes through with 3 (0), not 2 (-1); team 4's row is empty and
    last."""
    rows = table("annul", PLAYED + FORFEITS)
    assert line(rows) == [
        (1, 1, 3, 2, 1, "advanced"), (3, 2, 3, 1, 1, "advanced"),
        (2, 3, 3, 1, 2, "eliminated"), (4, 4, 0, 0, 0, "eliminated")]
    assert (rows[-1].wins, rows[-1].losses) == (0, 0)
    assert [r.as_dict().get("annulled", False) for r in rows] == [False] * 3 + [True]
    assert not any(r.annulled for r in table("keep", PLAYED + FORFEITS))
    # the forfeit score does not bring the forfeits back
    assert line(table("annul", PLAYED + FORFEITS, forfeit_score=3)) == line(rows)


def test_annul_before_half_strikes_out_a_team_that_played_less_than_half():
    """Team 4 played 1 of its 3 matches: struck out, as ``annul``."""
    assert line(table("annul_before_half", PLAYED + FORFEITS)) == \
        line(table("annul", PLAYED + FORFEITS))
    assert annulled(PLAYED + FORFEITS, {4}, "annul_before_half") == {4}


def test_annul_before_half_keeps_a_team_that_played_half_or_more():
    """Team 4 also played 3 (lost 0-1), so it played 2 of 3 before it withdrew: its results
    stand and its match with 2 is a walkover (a 3-0 one with ``forfeit_score`` 3)."""
    results = [*PLAYED, FORFEITS[0], result(4, 3, (0, 1))]
    assert annulled(results, {4}, "annul_before_half") == frozenset()
    assert annulled(results, {4}, "annul") == {4}
    rows = table("annul_before_half", results, forfeit_score=3)
    assert line(rows) == line(table("keep", results, forfeit_score=3))
    assert [r.team_id for r in rows] == [2, 3, 1, 4]
    assert (rows[0].goals_for, rows[0].goals_against) == (4, 2)  # 1-0, 0-2, 3-0 awarded


def test_a_stage_played_out_before_the_withdrawal_keeps_its_results():
    """A team that played every match of the stage and withdrew later (from the next
    stage) left nothing here to annul: the finished table stands (its place still goes
    below the teams still in)."""
    results = [*PLAYED, result(2, 4, (1, 0)), result(4, 3, (0, 1))]
    for rule in ("annul", "annul_before_half"):
        assert annulled(results, {4}, rule) == frozenset()  # type: ignore[arg-type]
        assert line(table(rule, results)) == line(table("keep", results))


def test_a_forfeit_before_the_withdrawal_leaves_a_played_out_stage_as_it_stood():
    """Team 4 forfeited to 2 and played its other matches, then withdrew from a later
    stage: with the time of its withdrawal known, nothing was left to play here and the
    table stands; a forfeit at or after that time (the withdrawal's own) left the stage
    early; without the time (a team withdrawn before it was kept), any forfeit did."""
    at = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
    early = replace(FORFEITS[0], updated_at=at - timedelta(days=1))
    results = [*PLAYED, early, result(4, 3, (0, 1))]
    for rule in ("annul", "annul_before_half"):
        assert annulled(results, {4}, rule, {4: at}) == frozenset()  # type: ignore[arg-type]
    # SQLite hands the times back without their zone: read as UTC
    assert annulled([*PLAYED, replace(early, updated_at=at.replace(tzinfo=None)),
                     result(4, 3, (0, 1))], {4}, "annul", {4: at}) == {4}
    assert annulled(results, {4}, "annul") == {4}
    assert annulled([*PLAYED, replace(early, updated_at=at), result(4, 3, (0, 1))],
                    {4}, "annul", {4: at}) == {4}
    rows = RR.standings(SEEDING, results, RR.parse_settings({
        "game_score": "goals", "withdrawn_results": "annul"}), resolutions=[],
        withdrawn=frozenset({4}), complete=True, withdrawn_at={4: at})
    assert not any(r.annulled for r in rows)


def test_matches_still_to_play_count_as_not_played():
    """Before the machine forfeits them (or when a forfeit is taken back), unplayed matches
    count against the half as well."""
    pending = [result(2, 4, (0, 0), completed=False), result(4, 3, (0, 0), completed=False)]
    assert annulled(PLAYED + pending, {4}, "annul_before_half") == {4}
    assert annulled(PLAYED + pending, {4}, "keep") == frozenset()


@pytest.mark.parametrize("value", ["void", "", None, 1, True])
def test_other_values_are_refused(value: object):
    with pytest.raises(FormatError) as caught:
        RR.parse_settings({"withdrawn_results": value})
    assert caught.value.code == "invalid_settings"
    assert caught.value.field == "settings.withdrawn_results"
    assert caught.value.params["choices"] == ["keep", "annul", "annul_before_half"]


def test_a_ranking_setting_and_not_taken_by_swiss():
    """A change of it alone keeps every match (the table is read again); a Swiss stage
    refuses it: its pairings and who is through at 3 wins were decided by the results
    that stood (FIDE keeps a withdrawn player's played games too)."""
    old = RR.parse_settings({})
    assert RR.reranks_only(old, RR.parse_settings({"withdrawn_results": "annul"}))
    with pytest.raises(FormatError) as caught:
        registry.get("swiss").parse_settings({"withdrawn_results": "annul"})
    assert caught.value.field == "settings.withdrawn_results"


def test_exactly_half_played_is_kept():
    """A double round robin of three: team 4 played its first leg (2 of 4 matches) and
    withdrew before the second, as a team that gives up in the return leg (NBDF P1: the
    first leg's results are kept). One match fewer and it is struck out."""
    first_leg = [result(4, 1, (1, 0)), result(2, 4, (1, 0))]
    second_leg = [result(1, 4, (1, 0), forfeit=2), result(4, 2, (0, 1), forfeit=1)]
    assert annulled(first_leg + second_leg, {4}, "annul_before_half") == frozenset()
    early = [first_leg[0], result(2, 4, (1, 0), forfeit=2), *second_leg]
    assert annulled(early, {4}, "annul_before_half") == {4}
