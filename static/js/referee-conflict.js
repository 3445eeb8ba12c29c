// The conflict panel ([data-conflict]): the stored match changed under what was typed (a
// 409 answer, or the live feed while something was typed). It shows who changed it and
// when, the stored match next to what was typed, and offers to put what was typed on top
// of the stored result (named for the game it becomes) or to keep the stored result.

import * as logic from "./referee-logic.js";
import { describe, describeTyped } from "./referee-draw.js";
import { ago, fill, fmt, gameTitle } from "./referee-words.js";

// "Changed by X (3 minutes ago)"; who: {id, name, at, action, cause, reset} of the
// audit's last entry, or null. An entry written on this match by another match's
// correction (match.repair) says whose correction of which match, and what it did here.
export function changedBy(ctx, who) {
  const L = ctx.labels;
  const when = ago(L, ctx.lang, who?.at);
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

// Fills and shows the panel for the save op held by the conflict; match: the stored match,
// now: what the boxes hold (typed()), note: a line to add ("" for none).
export function drawConflict(panel, ctx, { match, op, who, note = "", now }) {
  const L = ctx.labels;
  panel.hidden = false;
  panel.querySelector("[data-conflict-title]").textContent = L.conflict_title;
  panel.querySelector("[data-conflict-who]").textContent = changedBy(ctx, who);
  panel.querySelector("[data-conflict-stored]").replaceChildren(describe(ctx, match));
  panel.querySelector("[data-conflict-mine]").replaceChildren(describeTyped(ctx, match, op, now));
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
  const noted = panel.querySelector("[data-conflict-note]");
  noted.hidden = !note;
  noted.textContent = note;
  const warn = panel.querySelector("[data-conflict-warn]");
  const same = !fixing && game && room && op?.number != null && op.number < next;
  warn.hidden = !same;
  warn.textContent = same ? fill(L.same_game, { n: op.number, next }) : "";
}
