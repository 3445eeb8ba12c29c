// The referee console's words: its labels (console-data "labels", in the page's language)
// filled in, and the server's refusals said from their code (console-data "errors").
// Pure functions: text, labels, teams and the stored match in, text out.

import { matchScoreText } from "./referee-logic.js";

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

// A refusal ({code, params}) in the page's language; an unknown code gets the generic text.
export function errorText(errors, error) {
  const code = error?.code || "_generic";
  const template = errors[code] || errors._generic;
  return fill(template, { code, ...shownParams(error?.params) });
}

export const single = (match) => match.best_of === 1; // one game: its result, not "game 1"
export const nothingText = (L, match) => (single(match) ? L.nothing_one : L.nothing);
export const gameTitle = (L, match, n) => (single(match) ? L.result : fmt(L.game, n));
export const tiedText = (L, match) => (single(match) ? L.tied_one : L.tied);

// Why an annulled match does not count (withdrawn_results), naming the withdrawn team(s)
// it has, as the page first drew it (referee_pages.annulled_why).
export function annulledWhy(L, teams, lang) {
  const out = teams.filter((t) => t?.withdrawn).map((t) => t.name);
  if (!out.length) return L.annulled_why_any;
  const named = new Intl.ListFormat(lang || undefined, { type: "conjunction" }).format(out);
  return fill(L.annulled_why, { team: named });
}

// Why an open question was closed unanswered: the match as it is now.
export function closedText(L, match) {
  return fill(L.question_closed, { score: matchScoreText(match, L.FF, L.W), status: L.status[match.status] || match.status });
}

// "just now", "3 minutes ago" (in the page's language) for an ISO time; "" for none.
export function ago(L, lang, at) {
  if (!at) return "";
  const seconds = Math.round((new Date(at).getTime() - Date.now()) / 1000);
  if (Math.abs(seconds) < 60) return L.just_now;
  return new Intl.RelativeTimeFormat(lang, { numeric: "auto" })
    .format(Math.round(seconds / 60), "minute");
}
