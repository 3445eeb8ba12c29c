// The referee console's words: its labels (console-data "labels", in the page's language)
// filled in, and the server's refusals said from their code (console-data "errors").
// Pure functions: text, labels, teams and the stored match in, text out.

import { matchScoreText } from "./referee-logic.js";
import { leftSaid } from "./left-words.js";

// "%(name)s" filled from values (a value not given reads "…"); "%d" / "%s" from one value.
export const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (_, k) => (k in values ? String(values[k]) : "…"));
export const fmt = (text, value) => text.replace(/%[ds]/, String(value));

// Side i's team (console-data "teams"), or its number while the slot has no team.
export const teamName = (teams, i) => teams[i]?.name || String(i + 1);

// Parameters as people read them: a list of match numbers is "M3, M5".
function shownParams(params) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) {
    out[k] = Array.isArray(v) ? v.map((n) => (typeof n === "number" ? `M${n}` : n)).join(", ") : v;
  }
  return out;
}

// Which way a code is said by what its params hold, as error_variants.variant picks it: a
// correction that clears played results and/or undoes pairings only made, and why a stage
// already played from this one cannot follow a correction (params.reason).
export function variant(code, params = {}) {
  if (code === "correction_needs_admin") {
    if (params.games?.length) return "games";
    if (Array.isArray(params.played) && params.paired?.length) return params.played.length ? "both" : "paired";
    return null;
  }
  if (code === "next_stage_started" && typeof params.reason === "string") return params.reason;
  if ((code === "withdrawal_forfeit" || code === "withdrawn_team_cannot_play")
    && params.reason === "disqualified") return "disqualified";
  return null;
}

// A refusal ({code, params}) in the page's language; an unknown code gets the generic text.
// A code said another way by its params (variant) is in the table as "code:variant"
// (withdrawal_forfeit:disqualified, next_stage_started:teams).
export function errorText(errors, error) {
  const code = error?.code || "_generic";
  const chosen = variant(code, error?.params || {});
  const template = (chosen && errors[`${code}:${chosen}`]) || errors[code] || errors._generic;
  return fill(template, { code, ...shownParams(error?.params) });
}

export const single = (match) => match.best_of === 1; // one game: its result, not "game 1"
export const nothingText = (L, match) => (single(match) ? L.nothing_one : L.nothing);
export const gameTitle = (L, match, n) => (single(match) ? L.result : fmt(L.game, n));
export const tiedText = (L, match) => (single(match) ? L.tied_one : L.tied);

// Why an annulled match does not count (withdrawn_results), naming the withdrawn or
// disqualified team(s) it has by why each left, as the page first drew it
// (referee_pages.annulled_why, words.left_said: L.annulled_why's unnamed, withdrawn,
// disqualified, both).
export const annulledWhy = (L, teams, lang) => leftSaid(L.annulled_why, teams, lang);

// Why an open question was closed unanswered: the match as it is now.
export function closedText(L, match) {
  return fill(L.question_closed, { score: matchScoreText(match, L.FF, L.W), status: L.status[match.status] || match.status });
}

// Nodes for text with mark standing for value, which is put in one unbroken span (a
// relative time: "たった今" never split "たった / 今"); text alone where it has no mark.
export function unbroken(text, mark, value) {
  const parts = text.split(mark);
  return parts.flatMap((part, i) => {
    if (!i) return [part];
    const span = document.createElement("span");
    span.className = "nowrap";
    span.textContent = value;
    return [span, part];
  });
}

// Nodes for text with its game's title (gameTitle: "Game 1", "1세트", "第1ゲーム") in one
// unbroken span, found whatever its case ("Save game 1", "T1 won game 1": never "game / 1"
// on a phone); the text alone where it does not hold the title. The nodes are one span, one
// flow of text in a (flex) button, whose every text and span would be an item of its own.
export function titleWhole(text, title) {
  const at = title ? text.toLowerCase().indexOf(title.toLowerCase()) : -1;
  if (at < 0) return [text];
  const span = document.createElement("span");
  span.className = "nowrap";
  span.textContent = text.slice(at, at + title.length);
  const words = document.createElement("span");
  words.append(text.slice(0, at), span, text.slice(at + title.length));
  return [words];
}

// "just now", "3 minutes ago" (in the page's language) for an ISO time; "" for none.
export function ago(L, lang, at) {
  if (!at) return "";
  const seconds = Math.round((new Date(at).getTime() - Date.now()) / 1000);
  if (Math.abs(seconds) < 60) return L.just_now;
  return new Intl.RelativeTimeFormat(lang, { numeric: "auto" })
    .format(Math.round(seconds / 60), "minute");
}

// --- who plays the match -------------------------------------------------------------------
// The console names the sides from ctx.teams; a correction elsewhere may bring another team
// into the match (or take one out) while it is open, and the stored match then names them
// by id: the event's teams (console-data "entrants") name them the same way.

// The sides of a match ({id, name, flag, nation, withdrawn}, or null while unknown).
export function sidesOf(ctx, match) {
  return [0, 1].map((i) => {
    const id = (match.teams || [])[i];
    if (id == null) return null;
    return (ctx.entrants || {})[String(id)] || { id, name: `#${id}`, flag: "", nation: "", withdrawn: false };
  });
}

export const teamIds = (teams) => [0, 1].map((i) => teams[i]?.id ?? null);
export const sameTeams = (a, b) => (a[0] ?? null) === (b[0] ?? null) && (a[1] ?? null) === (b[1] ?? null);

// A team by id as the console names it ("" for none).
export const nameOf = (ctx, id) => (id == null ? "" : sidesOf(ctx, { teams: [id, null] })[0].name);

// "A vs B" for sides (a side not known yet: "to be decided").
export const pairName = (L, sides) => fill(L.vs, { a: sides[0]?.name || L.to_be_decided,
                                                   b: sides[1]?.name || L.to_be_decided });

// "A 1 – 2 B": a score with the teams it belongs to, in side order (never bare numbers
// the reader must map to the sides); the score itself is never broken across lines.
export const pairScore = (teams, score) =>
  `${teamName(teams, 0)} ${score[0]}\u00a0–\u00a0${score[1]} ${teamName(teams, 1)}`;

// Who replaced whom, a sentence per side that had a team (before, after: sides); "" when
// no team that was there is gone (a side only decided now needs no word).
export function pairingText(L, before, after) {
  const pair = pairName(L, after);
  const lines = [];
  [0, 1].forEach((i) => {
    const was = before[i];
    const now = after[i];
    if (!was || was.id === now?.id) return;
    lines.push(now ? fill(L.pairing_changed, { old: was.name, new: now.name, pair })
      : fill(L.pairing_left, { old: was.name }));
  });
  return lines.join("\n");
}
