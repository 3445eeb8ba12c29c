// Drawing the STORED match: the console (score board, game list, the next game's title and
// buttons, which actions are offered) and the short description of a match or of what was
// typed that the conflict panel shows. Pure functions of what they are given: ctx holds the
// console's data ({labels, teams, maps}), match the stored match.

import * as logic from "./referee-logic.js";
import { putPhrases } from "./phrases.js";
import { annulledWhy, fill, fmt, gameTitle, single, teamName, titleWhole } from "./referee-words.js";

// One stored game: its title (and map), score and winner; editable: with its "correct"
// button, marked while it is the one being corrected (editing: its number, or null).
export function gameLine(ctx, match, number, game, { editable = false, editing = null } = {}) {
  const L = ctx.labels;
  const li = document.createElement("li");
  li.dataset.game = String(number);
  const w = logic.winnerOf(game.score);
  // its title in one piece ("第2ゲーム", never "第 / 2ゲーム"), a map after it may wrap
  const label = document.createElement("span");
  const title = document.createElement("span");
  title.className = "nowrap";
  title.textContent = gameTitle(L, match, number);
  label.append(title, game.map ? ` · ${game.map}` : "");
  const score = document.createElement("strong");
  score.textContent = logic.scoreText(game.score);
  const who = document.createElement("span");
  who.className = "muted";
  who.textContent = w ? teamName(ctx.teams, w - 1) : L.draw;
  // a game with only a winner (game_score "winner"): its winner, never a 1 – 0 (on a
  // phone on the line under its title, as a score's winner is: .winner-only)
  if (ctx.winner_only && w) {
    [score.textContent, who.textContent] = [fill(L.winner_of, { team: teamName(ctx.teams, w - 1) }), ""];
    li.classList.add("winner-only");
  }
  li.append(label, score, who);
  if (editable) {  // any stored game can be corrected in place, not only the last one
    const edit = document.createElement("button");
    edit.type = "button";
    edit.className = "edit-game";
    edit.dataset.action = "edit-game";
    edit.dataset.number = String(number);
    edit.textContent = L.edit_game;
    edit.setAttribute("aria-label", fill(L.correcting, { game: gameTitle(L, match, number) }));
    li.append(edit);
    li.classList.toggle("editing", editing === number);
  }
  return li;
}

// The game being played: its saved score, named so, never a win yet.
export function playingLine(ctx, match, number, game) {
  const L = ctx.labels;
  const li = document.createElement("li");
  li.dataset.inPlay = "";
  li.className = "in-play";
  const label = document.createElement("span");
  label.textContent = (single(match) ? L.in_play_one : fmt(L.in_play, number)) + (game.map ? ` · ${game.map}` : "");
  const score = document.createElement("strong");
  score.textContent = logic.scoreText(game.score);
  li.append(label, score, document.createElement("span"));
  return li;
}

// A match as the conflict panel shows it: its score, status and games.
export function describe(ctx, match) {
  const L = ctx.labels;
  const box = document.createElement("div");
  const line = document.createElement("p");
  line.className = "big-score";
  line.textContent = logic.matchScoreText(match, L.FF, L.W);
  const status = document.createElement("p");
  const cause = match.forfeit && match.forfeit_reason ? L.forfeit_causes?.[match.forfeit_reason] : null;
  const forfeit = cause ? fill(cause, { team: teamName(ctx.teams, match.forfeited_by - 1) }) : L.forfeit_word;
  status.textContent = (L.status[match.status] || match.status) + (match.forfeit ? ` · ${forfeit}` : "");
  // an annulled result (withdrawn_results), marked as the console's own board marks it:
  // the score struck through beside the word
  box.classList.toggle("annulled", !!match.annulled);
  if (match.annulled) {
    const note = document.createElement("span");
    note.className = "annul-note";
    note.dataset.annulledNote = "";
    note.textContent = L.annulled;
    status.append(" ", note);
  }
  const list = document.createElement("ol");
  list.className = "ref-games compact";
  logic.storedGames(match).forEach((g, i) => list.append(gameLine(ctx, match, i + 1, g)));
  box.append(line, status, list);
  return box;
}

// What the referee typed, as the conflict panel shows it: "Game 3", "9 – 13" (a winner-only
// game: "T1 won"), the map; typed for another pairing (pair: its "A vs B"), the game is
// named with it ("What you typed for game 4 of A vs B"), never as this pairing's game.
// op: the save held by the conflict (its game, the number it was typed for, the game it
// corrects, or its label); now: what the boxes hold (typed()).
export function describeTyped(ctx, match, op, now, pair = null) {
  const L = ctx.labels;
  const box = document.createElement("div");
  const game = op?.game || (now && !now.error ? now : null);
  const title = document.createElement("p");
  const line = document.createElement("p");
  line.className = "big-score";
  if (game) {
    const number = op?.number || logic.nextGameNumber(match);
    const named = op?.editing != null ? fill(L.correcting, { game: gameTitle(L, match, op.editing) })
      : pair ? fill(single(match) ? L.typed_for_one : L.typed_for_game, { n: number, pair })
        : gameTitle(L, match, number);
    title.textContent = named + (game.map ? ` · ${game.map}` : "");
    // a game with only a winner (game_score "winner") is said by its winner, as its line
    // in the game list is (gameLine), never as 1 – 0
    const w = ctx.winner_only && logic.winnerOf(game.score);
    line.textContent = w ? fill(L.winner_of, { team: teamName(ctx.teams, w - 1) })
      : logic.scoreText(game.score);
  } else {
    line.textContent = op?.label || "";
  }
  box.append(title, line);
  return box;
}

// The game being corrected, while the match still has it (it may be gone meanwhile: undone,
// or the match forfeited); else null.
export const stillEditing = (match, editing) =>
  (editing != null && (editing > logic.storedGames(match).length || match.forfeit) ? null : editing);

// The console for the stored match; editing: the number of the game being corrected, or
// null; busy: a save is on its way (every button is disabled).
export function draw(root, ctx, { match: m, editing, busy }) {
  const L = ctx.labels;
  const $ = (sel) => root.querySelector(sel);
  // a forfeit a team's withdrawal made says whose and why beside the status, in place of
  // the bare word ("Forfeit: Team 1 was disqualified"; referee.html draws it alike)
  const cause = m.forfeit && m.forfeit_reason ? L.forfeit_causes?.[m.forfeit_reason] : null;
  $("[data-status]").textContent = m.forfeit && !cause ? `${L.status[m.status]} · ${L.forfeit_word}` : L.status[m.status] || m.status;
  const caused = $("[data-forfeit-reason]");
  caused.hidden = !cause;
  caused.textContent = cause ? fill(cause, { team: teamName(ctx.teams, m.forfeited_by - 1) }) : "";
  root.dataset.state = m.status;
  // a withdrawn team's result its stage annuls: the word, the series struck through, and why
  // (the feed says when a withdrawal or the organizer's rule changes it)
  $("[data-annulled-note]").hidden = !m.annulled;
  $("[data-board]").classList.toggle("annulled", !!m.annulled);
  const why = $("[data-annulled-why]");
  why.hidden = !m.annulled;
  if (m.annulled) why.textContent = annulledWhy(L, ctx.teams, ctx.lang);
  [0, 1].forEach((i) => {
    const el = $(`[data-series="${i}"]`);
    el.textContent = logic.sideText(m, i, L.FF, L.W); // a forfeit, in the page's language
    $(`[data-team="${i}"]`).classList.toggle("won", m.status === "completed" && m.winner === i + 1);
  });
  const list = $("[data-games]");
  const games = logic.storedGames(m);
  list.replaceChildren(...games.map((g, i) => gameLine(ctx, m, i + 1, g, { editable: !m.forfeit, editing })));
  const playing = logic.gameInPlay(m);
  if (playing) list.append(playingLine(ctx, m, games.length + 1, playing));
  const seriesOnly = logic.seriesOnly(m);
  const only = $("[data-series-only]");
  only.hidden = !seriesOnly || m.status === "completed";
  only.textContent = L.series_only;
  const n = logic.nextGameNumber(m);
  $("[data-next-title]").textContent = editing != null
    ? fill(L.correcting, { game: gameTitle(L, m, editing) }) : gameTitle(L, m, n);
  $('[data-action="save-game"]').replaceChildren(...(editing != null ? [L.save_correction]
    : single(m) ? [L.save_result] : titleWhole(fmt(L.save_game, n), gameTitle(L, m, n))));
  $('[data-action="cancel-edit"]').hidden = editing == null;
  // a series-score-only match takes the next game's winner, nothing it could not keep
  // so does a stage whose games have only a winner (game_score "winner": League of Legends),
  // its correction too: no score to step, none in play
  const byWinner = seriesOnly || !!ctx.winner_only;
  for (const el of root.querySelectorAll("[data-stepper], [data-action=\"save-game\"]")) el.hidden = byWinner;
  $('[data-action="save-live"]').hidden = byWinner || editing != null;
  $("[data-map-label]").hidden = byWinner || !ctx.maps;
  $("[data-winner]").hidden = !byWinner;
  root.querySelectorAll("[data-action=\"won\"]").forEach((b) => {
    const title = gameTitle(L, m, editing ?? n);  // "game 3" one word in "T1 won game 3"
    b.replaceChildren(...titleWhole(fill(L.won_game, { team: teamName(ctx.teams, Number(b.dataset.side)), n: editing ?? n }), title));
  });
  const playable = m.teams[0] != null && m.teams[1] != null;
  const open = m.status === "live" || m.status === "ready";
  $("[data-next]").hidden = editing == null && (!playable || !open || n > m.best_of);
  $('[data-action="start"]').hidden = m.status !== "ready";
  $('[data-action="finish"]').hidden = m.status !== "live";
  // a forfeit a withdrawal made stands for a referee (the server refuses a change: 409
  // withdrawal_forfeit): no undo or forfeit, and a line says why; an admin keeps both
  const stands = !!cause && !ctx.admin;
  const standsLine = $("[data-forfeit-stands]");
  standsLine.hidden = !stands;
  standsLine.textContent = stands ? L.forfeit_stands?.[m.forfeit_reason] || "" : "";
  // a match with a team that left is never reopened (409 withdrawn_team_cannot_play), an
  // admin's neither: no undo, and a line says why (a referee above has the forfeit's line)
  const left = ctx.teams.find((t) => t?.withdrawn);
  const closedLine = $("[data-withdrawn-closed]");
  closedLine.hidden = !left || stands;
  closedLine.textContent = left && !stands ? L.withdrawn_closed?.[left.reason || "withdrawn"] || "" : "";
  const undo = $('[data-action="undo"]');
  undo.hidden = stands || !!left || (!(m.games || []).length && !(seriesOnly && m.score.some((v) => v > 0)) && !m.forfeit);
  undo.textContent = m.forfeit ? L.undo_forfeit : seriesOnly ? L.remove_win : single(m) ? L.undo_result : L.undo;
  const forfeit = $('[data-action="forfeit"]');
  forfeit.hidden = stands || !playable || m.status === "pending";
  // a finished match's forfeit is a correction of its result (a no-show entered as a
  // score): said so, as the match's other corrections are
  forfeit.textContent = m.status === "completed" ? L.forfeit_fix : L.forfeit;
  for (const b of root.querySelectorAll("button[data-action]")) b.disabled = busy;
}

// The sides' names wherever the page has them (the board with its nation badges, the
// steppers and what a screen reader says of their buttons), from ctx.teams: drawn again
// when a correction elsewhere changed who plays the match.
export function drawNames(root, ctx) {
  const L = ctx.labels;
  [0, 1].forEach((i) => {
    const t = ctx.teams[i];
    const side = root.querySelector(`[data-team="${i}"]`);
    putPhrases(side.querySelector(".name"), t?.name || L.to_be_decided);
    const flag = side.querySelector(".flag");
    flag.className = `flag n-${t?.flag || ""}`;
    flag.textContent = t?.flag || "";
    if (t?.flag) {
      flag.setAttribute("role", "img");
      flag.setAttribute("aria-label", t.nation || t.flag);
    } else {
      flag.removeAttribute("role");
      flag.removeAttribute("aria-label");
    }
    const name = t?.name || "";
    const stepper = root.querySelector(`[data-stepper="${i}"]`);
    putPhrases(stepper.querySelector(".name"), name);
    stepper.querySelector('[data-step="-1"]').setAttribute("aria-label", fmt(L.lower_score, name));
    stepper.querySelector('[data-step="1"]').setAttribute("aria-label", fmt(L.raise_score, name));
    stepper.querySelector("input").setAttribute("aria-label", name);
  });
}
