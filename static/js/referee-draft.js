// What the referee typed: the two score boxes and the map box ({points: [input, input],
// map: input}), read as a game, and kept in sessionStorage under the match's key until it
// is saved or dropped, so a reload (or a phone that dropped the tab) does not lose it.

import { fmt, teamName } from "./referee-words.js";

export const draftKey = (matchId) => `referee-draft-${matchId}`;

// The game typed: null when nothing is typed, {error, fields} when a score is not a whole
// number from 0 to the most a game can score (fields: the boxes it is about), else
// {score, map}. ctx: {labels, teams, max_points, maps} of the console's data.
export function typed(boxes, ctx) {
  const L = ctx.labels;
  const raw = boxes.points.map((p) => p.value.trim());
  if (raw.every((v) => v === "")) return null;
  const bad = [0, 1].filter((i) => raw[i] !== "" && !/^[0-9]+$/.test(raw[i]));
  if (bad.length) return { error: L.bad_score, fields: bad };
  // a box left empty is a score not typed, never a 0 (a missed box in a noisy room)
  const empty = raw.findIndex((v) => v === "");
  if (empty >= 0) return { error: fmt(L.missing_side, teamName(ctx.teams, empty)), fields: [empty] };
  const score = raw.map(Number);
  const big = [0, 1].filter((i) => score[i] > ctx.max_points);
  if (big.length) return { error: fmt(L.too_big, ctx.max_points), fields: big };
  return { score, map: (ctx.maps && boxes.map.value.trim()) || null };
}

// The game typed, when it is one (nothing typed or a mistake: null).
export function typedGame(boxes, ctx) {
  const t = typed(boxes, ctx);
  return t && !t.error ? t : null;
}

// teams: the ids of the teams it is typed for (a reload with others in the match says so),
// number: the game it is typed for (that pairing's, named so if the teams changed)
export function keepDraft(key, boxes, teams = null, number = null) {
  const draft = { points: boxes.points.map((p) => p.value), map: boxes.map.value, teams, number };
  if (draft.points.every((v) => v === "") && !draft.map) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, JSON.stringify(draft));
}

export function clearDraft(key, boxes) {
  emptyBoxes(boxes);
  sessionStorage.removeItem(key);
}

// Empties the boxes, leaving the kept draft (what was typed is held elsewhere: the conflict
// panel, which a reload opens again from the draft).
export function emptyBoxes(boxes) {
  for (const p of boxes.points) p.value = "";
  boxes.map.value = "";
}

// Puts the kept draft back in the boxes; returns {teams, number}: the teams and the game it
// was typed for (null: none kept, or kept before drafts named them).
export function restoreDraft(key, boxes) {
  try {
    const draft = JSON.parse(sessionStorage.getItem(key) || "null");
    if (!draft) return null;
    draft.points.forEach((v, i) => { boxes.points[i].value = v; });
    boxes.map.value = draft.map || "";
    return Array.isArray(draft.teams) ? { teams: draft.teams, number: Number(draft.number) || null } : null;
  } catch { sessionStorage.removeItem(key); }
  return null;
}

// Puts a game in the boxes, its score and map (a stored game being corrected, the game in
// play: a reload, or another phone, goes on from its map too; without it, the next "save
// score in play" sent the game without its map and spectators lost it).
export function putGame(boxes, game) {
  game.score.forEach((v, i) => { boxes.points[i].value = String(v); });
  boxes.map.value = game.map || "";
}
