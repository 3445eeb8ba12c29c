// What each of the console's actions would save, and what it asks first, worked out from the
// STORED match and what was typed. Pure functions: ctx holds the console's data ({labels,
// teams, maps, allow_draws}), match the stored match. An action's answer is either
// {refused, fields} (the message to show, the score boxes it is about, redraw: the console
// is drawn again first) or
// {op, question}: op is the save (payload, its label, and what it is: a game, a correction,
// an undo, a forfeit...), question what to ask before it ("": nothing of its own).

import * as logic from "./referee-logic.js";
import {
  annulledWhy, fill, fmt, gameTitle, nameOf, nothingText, pairScore, single, teamName, tiedText,
} from "./referee-words.js";

// Nothing typed or a mistake in the boxes: what to say; else null.
function typedRefusal(L, match, game) {
  if (!game) return { refused: nothingText(L, match), fields: [0, 1] };
  if (game.error) return { refused: game.error, fields: game.fields };
  return null;
}

// A game typed short of what wins one: the line of its question ("" when it looks whole).
// With the stage's game_first_to (Tekken 3 rounds): a side must reach it. Without it, in a
// stage that counts rounds or points: a winner's score below every earlier game's looks
// like a score in play saved as the game (1 – 0 after games won 3 – 1, 3 – 2). Goals and
// winner-only games are never asked about (a 1 – 0 football game is whole).
export function shortGame(ctx, match, game, number) {
  const L = ctx.labels;
  if (!game?.score || ctx.winner_only || ctx.game_score === "goals") return "";
  const top = Math.max(...game.score);
  const said = { game: gameTitle(L, match, number), score: logic.scoreText(game.score) };
  if (ctx.first_to) {
    if (top >= ctx.first_to) return "";
    return fill(ctx.game_score === "points" ? L.short_game_points : L.short_game_rounds,
                { ...said, n: ctx.first_to });
  }
  const earlier = logic.storedGames(match).filter((_, i) => i + 1 !== number)
    .map((g) => Math.max(...g.score)).filter((x) => x > 0);
  if (!earlier.length || top >= Math.min(...earlier)) return "";
  return fill(L.looks_short, { ...said, least: Math.min(...earlier) });
}

// Saving the game typed, or (side 0 or 1: a series-score-only match, or a stage whose games
// have only a winner) the game won by side.
export function gameOp(ctx, match, typedNow, side = null) {
  const L = ctx.labels;
  // a winner's button left over from a drawing before the match got a game list
  if (side != null && !logic.seriesOnly(match) && !ctx.winner_only) return { refused: nothingText(L, match), redraw: true };
  const game = side == null ? typedNow : { score: side === 0 ? [1, 0] : [0, 1], map: null };
  const refused = typedRefusal(L, match, game);
  if (refused) return refused;
  const added = logic.addGame(match, game, ctx.allow_draws);
  if (added.error) return { refused: tiedText(L, match), fields: [0, 1] };
  const op = { payload: added.payload, clears: true, game, added, number: logic.nextGameNumber(match), side };
  let question = "";
  if (added.decided) {
    const w = logic.winnerOf(added.score);
    // the score the match will show: a one-game match's is its game's (2 – 2, 13 – 9);
    // "X wins" reads with the winner's score first (wins 2 – 1, never wins 1 – 2)
    const final = single(match) ? game.score : added.score;
    const shown = logic.scoreText(final);
    const winnerFirst = logic.scoreText(w === 2 ? [final[1], final[0]] : final);
    const [decides, draws] = single(match) ? [L.decides_one, L.decides_draw_one] : [L.decides, L.decides_draw];
    question = added.draw ? fill(draws, { score: shown })
      : fill(decides, { team: teamName(ctx.teams, w - 1), score: winnerFirst });
    op.finishLabel = L.save_and_finish;
  }
  const short = shortGame(ctx, match, game, op.number);
  if (short) {
    question = question ? `${short}\n${question}` : short;
    op.finishLabel = op.finishLabel || L.save_anyway;
    op.warned = true; // saved against the warning: its button looks risky (confirmChoices)
  }
  return { op, question };
}

// Correcting stored game number editing with the score typed; {cancel: true} when the game
// cannot be corrected (the correction is dropped).
export function correctionOp(ctx, match, editing, typedNow) {
  const L = ctx.labels;
  const refused = typedRefusal(L, match, typedNow);
  if (refused) return refused;
  // no map box for this title: the corrected game keeps the map stored with it (if any)
  const game = ctx.maps ? typedNow : { ...typedNow, map: logic.storedGames(match)[editing - 1]?.map || null };
  const fixed = logic.replaceGame(match, editing, game, ctx.allow_draws);
  if (fixed.error === "tied") return { refused: tiedText(L, match), fields: [0, 1] };
  if (fixed.error) return { cancel: true };
  const op = { payload: fixed.payload, clears: true, game, editing, finishLabel: L.save_correction,
               label: L.save_correction };
  // the game's score before and after, each with the teams it belongs to; a game with
  // only a winner is said by its winner, not 1 – 0 becoming 0 – 1
  const told = (score) => (ctx.winner_only ? teamName(ctx.teams, logic.winnerOf(score) - 1) : pairScore(ctx.teams, score));
  const short = shortGame(ctx, match, game, editing);
  op.warned = !!short;
  const question = (short ? `${short}\n` : "") + fill(ctx.winner_only ? L.correct_winner : L.correct_confirm, {
    game: gameTitle(L, match, editing), from: told(fixed.old.score), to: told(game.score) });
  return { op, question };
}

// Saving the score of the game being played: spectators see it, nothing counts it yet.
export function liveOp(ctx, match, typedNow) {
  const L = ctx.labels;
  const refused = typedRefusal(L, match, typedNow);
  if (refused) return refused;
  const op = { payload: logic.playGame(match, typedNow).payload, live: true, game: typedNow, label: L.save_live,
               finishLabel: L.save_live };
  return { op, question: "" };
}

export function startOp(ctx) {
  return { op: { payload: { status: "live" }, label: ctx.labels.start }, question: "" };
}

export function finishOp(ctx, match) {
  const L = ctx.labels;
  if (!logic.canFinish(match, ctx.allow_draws)) {
    return { refused: fill(L.not_decided, { score: logic.scoreText(match.score), best_of: match.best_of }) };
  }
  const op = { payload: { status: "completed" }, finishLabel: L.finish, label: L.finish };
  const score = logic.scoreText(single(match) ? logic.shownScore(match) : logic.countedScore(match));
  return { op, question: fill(L.finish_confirm, { score }) };
}

// Undoing the last stored game (null: there is none).
export function undoOp(ctx, match) {
  const L = ctx.labels;
  const undone = logic.undoGame(match);
  if (!undone) return null;
  const label = single(match) ? L.undo_result : L.undo;
  const op = { payload: undone.payload, undo: true, finishLabel: label, label };
  // a game with only a winner is said by its winner ("Remove game 2 (T1 won)?"), not 1 – 0
  const w = ctx.winner_only ? logic.winnerOf(undone.removed.score) : 0;
  const score = w ? fill(L.winner_of, { team: teamName(ctx.teams, w - 1) }) : logic.scoreText(undone.removed.score);
  const question = single(match) ? fill(L.undo_result_confirm, { score }) : fill(L.undo_confirm, { n: undone.number, score });
  return { op, question };
}

// A forfeit entered by mistake: the match is open again (ready, no score), as before it.
export function undoForfeitOp(ctx, match) {
  const L = ctx.labels;
  const op = { payload: { status: "ready" }, undo: true, finishLabel: L.undo_forfeit, label: L.undo_forfeit };
  return { op, question: fill(L.undo_forfeit_confirm, { team: teamName(ctx.teams, match.forfeited_by - 1) }) };
}

// A series-score-only match: which side to take one game win off (a button per side that
// has one, saying its score before and after).
export function removeWinChoices(ctx, match) {
  const sides = [0, 1].filter((i) => match.score[i] > 0);
  return sides.map((i) => [String(i), `${teamName(ctx.teams, i)} (${match.score[i]} → ${match.score[i] - 1})`, "danger"]);
}

export function removeWinOp(ctx, match, side) {
  const L = ctx.labels;
  const removed = logic.removeWin(match, side);
  if (!removed) return null;
  // the side's button already said its score before and after: no second question for that
  const op = { payload: removed.payload, undo: true, chosen: true, finishLabel: L.remove_win, label: L.remove_win };
  return { op, question: "" };
}

export function forfeitChoices(ctx) {
  const L = ctx.labels;
  return [["1", fmt(L.forfeits, teamName(ctx.teams, 0)), "danger"], ["2", fmt(L.forfeits, teamName(ctx.teams, 1)), "danger"]];
}

// Side i (0 or 1) forfeits.
export function forfeitOp(ctx, match, i) {
  const L = ctx.labels;
  const label = fmt(L.forfeits, teamName(ctx.teams, i));
  const op = { payload: { forfeit: i + 1 }, forfeit: true, finishLabel: label, label };
  let question = fill(L.forfeit_confirm, { team: teamName(ctx.teams, i), other: teamName(ctx.teams, 1 - i) });
  if (match.score[0] + match.score[1] > 0 || (match.games || []).length) {
    question += `\n${fill(L.forfeit_replaces, { score: logic.scoreText(match.score) })}`;
  }
  return { op, question };
}

// What a save would lose, as lines of its question (after the action's own): a series score
// it lowers (or, for a correction, changes), recorded games it drops.
export function lossParts(ctx, match, op, question) {
  const L = ctx.labels;
  const parts = question ? [question] : [];
  const { lower, dropped, after } = logic.losses(match, op.payload);
  // a one-game match has no series score to lower: its question names the result
  const series = { from: logic.scoreText(match.score), to: logic.scoreText(after.score) };
  if (op.editing != null) {  // a corrected game: the series as it becomes, either way
    if (!single(match) && series.from !== series.to) {
      parts.push(fill(L.series_change, { from: pairScore(ctx.teams, match.score),
                                         to: pairScore(ctx.teams, after.score) }));
    }
  } else if (lower && !op.forfeit && !op.chosen && !single(match)) parts.push(fill(L.lowers, series));
  if (dropped && !op.undo && !op.forfeit) parts.push(fill(L.drops, { n: dropped }));
  // correcting an annulled result: allowed, and said that it still does not count
  if (match.annulled && (op.editing != null || op.undo)) parts.push(annulledWhy(L, ctx.teams, ctx.lang));
  return { parts, lower, dropped };
}

// The question's one button: the action's own label, else "save anyway" for a loss; red
// ("danger", as the forfeit's) for a save that loses something or goes against a warning
// (a game short of what wins one), the plain save's blue otherwise.
export function confirmChoices(ctx, op, { lower, dropped }) {
  const L = ctx.labels;
  const label = op.finishLabel || (lower || dropped ? L.save_anyway : L.confirm);
  return [["yes", label, op.forfeit || lower || dropped || op.warned ? "danger" : "primary"]];
}

// What a correction does, from its preview (seen: {match, moves}, the API's answer): who
// wins the match after it (or that it goes on, or is a draw) when that changes (said of a
// corrected game, winner: an undo or a forfeit undone already says the match reopens),
// then each later match whose teams it changes, naming who takes whose place (a place
// taken out waits for the match that fills it again: move.waits_for), and a bracket reset
// no longer needed in one line of its own (move.out_of_play: it is removed, not replayed).
export function afterLines(ctx, stored, seen, winner = true) {
  const L = ctx.labels;
  const out = [];
  const m = seen.match;
  if (winner && m && (m.winner !== stored.winner || m.status !== stored.status || !!m.draw !== !!stored.draw)) {
    const games = m.games || [];
    const s = single(stored) && games.length === 1 ? games[0] : m.score;
    if (m.status === "completed" && m.winner) {
      const first = m.winner === 2 ? [s[1], s[0]] : s; // the winner's score first
      out.push(fill(L.winner_after, { team: teamName(ctx.teams, m.winner - 1), score: logic.scoreText(first) }));
    } else if (m.status === "completed") {
      out.push(fill(L.draw_after, { score: logic.scoreText(s) }));
    } else {
      out.push(fill(L.open_after, { score: logic.scoreText(m.score) }));
    }
  }
  for (const move of seen.moves || []) {
    const match = `M${move.number}`;
    if (move.out_of_play) {
      out.push(fill(move.reset ? L.move_gone_played : L.move_gone, { match }));
      continue;
    }
    const after = move.teams_after || [null, null];
    const waits = move.waits_for || [null, null];
    [0, 1].forEach((i) => {
      const [was, now] = [move.teams_before[i], after[i]];
      if (was === now) return;
      const names = { match, old: nameOf(ctx, was), new: nameOf(ctx, now),
                      from: waits[i] == null ? "" : `M${waits[i]}` };
      const left = waits[i] == null ? L.move_out : L.move_wait;
      out.push(fill(was == null ? L.move_new : now == null ? left : L.move_in, names));
    });
  }
  return out;
}

// The M numbers of the reset line (confirmLosses' "clears the results of"), less those a
// line of afterLines already says go with their match (a bracket reset taken out of play).
export function goneNumbers(seen) {
  return (seen.moves || []).filter((m) => m.out_of_play).map((m) => m.number);
}
