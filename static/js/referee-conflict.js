// The conflict panel ([data-conflict]): the stored match changed under what was typed (a
// 409 answer, or the live feed while something was typed). It shows who changed it and
// when, the stored match next to what was typed, and offers to put what was typed on top
// of the stored result (named for the game it becomes) or to keep the stored result.

import * as logic from "./referee-logic.js";
import { describe, describeTyped } from "./referee-draw.js";
import { ago, fill, fmt, gameTitle, pairName, sidesOf, single, titleWhole, unbroken } from "./referee-words.js";

// "Changed by X (3 minutes ago)"; who: {id, name, at, action, cause, reset} of the
// audit's last entry, or null. An entry written on this match by another match's
// correction (match.repair) says whose correction of which match, and what it did here.
// Nodes to put in an element: the relative time is one unbroken span ("たった今", never
// "たった / 今").
export function changedBy(ctx, who) {
  const L = ctx.labels;
  const when = ago(L, ctx.lang, who?.at);
  return unbroken(changedText(ctx, who, when ? "\u0001" : ""), "\u0001", when);
}

function changedText(ctx, who, when) {
  const L = ctx.labels;
  // the bootstrap admin token has no user: its name is the environment variable's
  const byAdmin = who && who.id == null && who.name;
  if (who?.action === "match.repair" && who.cause) {
    const key = `repaired_${who.reset ? "reset" : "teams"}${byAdmin ? "_admin" : ""}`;
    return fill(L[key], { name: who.name, match: `M${who.cause.number}`, when });
  }
  return byAdmin
    ? fill(L.changed_by_admin, { when }) : who && who.name
      ? fill(L.changed_by, { name: who.name, when }) : fill(L.changed, { when: when || "" });
}

// The button that saves what was typed for another pairing (wasFor: its team ids) on this
// one: named as the new pairing's game, as the panel names the old one's ("typed for
// game 4 of A vs B" / "save it as game 1 of the new pairing").
const applyAsNew = (L, match, next) => (single(match) ? L.apply_as_new_one : fmt(L.apply_as_new, next));

// Fills and shows the panel for the save op held by the conflict; match: the stored match,
// now: what the boxes hold (typed()), note: a line to add ("" for none), wasFor: the team
// ids what was typed was for when other teams play the match now (else null).
export function drawConflict(panel, ctx, { match, op, who, note = "", now, wasFor = null }) {
  const L = ctx.labels;
  panel.hidden = false;
  panel.querySelector("[data-conflict-title]").textContent = L.conflict_title;
  panel.querySelector("[data-conflict-who]").replaceChildren(...changedBy(ctx, who));
  panel.querySelector("[data-conflict-stored]").replaceChildren(describe(ctx, match));
  const pair = wasFor ? pairName(L, sidesOf(ctx, { teams: wasFor })) : null;
  panel.querySelector("[data-conflict-mine]").replaceChildren(describeTyped(ctx, match, op, now, pair));
  // a typed game can go on top only while the match still has a game to play: the
  // button names the game it becomes, and says so when the stored one has its number
  const next = logic.nextGameNumber(match);
  const room = match.status !== "completed" && next <= match.best_of;
  const game = !!(op?.game || now);
  const apply = panel.querySelector('[data-action="apply-mine"]');
  const fixing = op?.editing != null; // a correction goes on the game it corrects
  apply.hidden = !fixing && game && !room;
  apply.textContent = fixing ? fill(L.apply_correction, { game: gameTitle(L, match, op.editing) })
    : op?.live && room ? L.save_live : game && room ? fmt(L.apply_as_game, next) : L.apply_mine;
  // the game it is saved as keeps its title whole ("第1ゲーム", never "第 / 1ゲーム"; "game 1"
  // in English, never "game / 1")
  const title = gameTitle(L, match, next);
  if (!fixing && !(op?.live && room) && game && room) {
    apply.replaceChildren(...titleWhole(pair ? applyAsNew(L, match, next) : fmt(L.apply_as_game, next), title));
  }
  const noted = panel.querySelector("[data-conflict-note]");
  noted.hidden = !note;
  noted.textContent = note;
  const warn = panel.querySelector("[data-conflict-warn]");
  // (a game typed for another pairing is numbered in that pairing's series, not this one's)
  const same = !fixing && !pair && game && room && op?.number != null && op.number < next;
  warn.hidden = !same;
  warn.textContent = same ? fill(L.same_game, { n: op.number, next }) : "";
}
