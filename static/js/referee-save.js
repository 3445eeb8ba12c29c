// Saving: an action's answer (referee-ops.js) is said when refused, else asked first when it
// would lose something (or reset matches: a correction of a finished result is previewed)
// and sent (referee-send.js); the server's answer becomes the stored match, a conflict, or
// a message.
//
// con is the console (referee.js): {ctx, csrf, matchId, state, say, redraw, question,
// clearDraft, settled (a save that kept the boxes: no draft of what is stored now),
// openConflict, adopt (the stored match: its names drawn again if its teams changed)}; state ({stored, busy, editing, lastFailed}) is its state,
// which a save reads and sets.

import * as logic from "./referee-logic.js";
import { appendBack, appendRetry, appendSignIn } from "./referee-message.js";
import { afterLines, confirmChoices, goneNumbers, lossParts } from "./referee-ops.js";
import { newKey, send } from "./referee-send.js";
import { closedText, errorText, fill, fmt, pairName, sameTeams, sidesOf, teamIds } from "./referee-words.js";

// "What you typed was for A vs B: nothing was saved…" (teams: the ids it was typed for).
export const typedForText = (ctx, teams) =>
  fill(ctx.labels.pairing_typed, { pair: pairName(ctx.labels, sidesOf(ctx, { teams })) });

const retrying = (con) => (n) => con.say("error", fmt(con.ctx.labels.retrying, n), { focus: false });

// A correction only an admin may make (correction_needs_admin: it would reset matches
// played on): the console leaves correction mode with the games as stored (nothing was
// changed), says why and who can, and offers the way back to the match.
function needsAdmin(con, op, error) {
  if (op.editing != null) con.leaveEdit();
  const L = con.ctx.labels;
  const box = con.say("error", errorText(con.ctx.errors, error));
  box.append(document.createElement("br"), L.needs_admin_left); // a sentence of its own
  appendBack(box, L);
}

export async function save(con, op, key = newKey()) {
  const { ctx, state } = con;
  const L = ctx.labels;
  state.busy = true;
  con.redraw();
  con.say("ok", L.saving);
  // the version this change was decided on: a retry keeps it (and its key), so it is
  // either the same change answered again or a conflict, never applied on top of another;
  // and the teams it was decided for (the names on the screen): others there now, and the
  // server refuses it (409 teams_changed) whatever the version
  if (op.version == null) op.version = state.stored.version;
  if (op.teams == null) op.teams = teamIds(ctx.teams);
  const result = await send(`/api/matches/${con.matchId}`, { ...op.payload, expected_teams: op.teams },
                            { csrf: con.csrf, key, version: op.version, onRetry: retrying(con) });
  state.busy = false;
  if (result.status === 0) {
    state.lastFailed = { op, key };
    appendRetry(con.say("error", L.offline), L);
    con.redraw();
    return;
  }
  state.lastFailed = null;
  if (result.status === 200) {
    const { reset_matches: _, ...match } = result.json;
    con.adopt(match);
    if (op.clears) con.clearDraft();
    else con.settled();
    if (op.editing != null) state.editing = null;
    con.redraw();
    con.say("ok", L.saved);
    return;
  }
  const error = result.json.error || {};
  if (result.status === 409 && result.json.match) {
    con.adopt(result.json.match);
    con.redraw();
    // typed for teams that no longer play the match: said above what was typed
    const moved = !sameTeams(op.teams, result.json.match.teams || []);
    con.openConflict(op, result.json.changed_by, moved ? typedForText(ctx, op.teams) : "",
                     moved ? op.teams : null);
    return;
  }
  con.redraw();
  if (error.code === "correction_needs_admin") { needsAdmin(con, op, error); return; }
  const box = con.say("error", errorText(ctx.errors, error));
  if (result.status === 401) appendSignIn(box, L);
}

// Before a change that alters a finished result: which matches it would reset.
async function preview(con, payload) {
  const result = await send(`/api/matches/${con.matchId}/preview`, payload,
                            { csrf: con.csrf, method: "POST", onRetry: retrying(con) });
  if (result.status !== 200) {
    con.say("error", result.status === 0 ? con.ctx.labels.offline : errorText(con.ctx.errors, result.json.error));
    return null;
  }
  return result.json;
}

// Ask what a save would lose; for a correction, what it would reset. true: go ahead.
export async function confirmLosses(con, op, asked) {
  const { ctx, state } = con;
  // the version the change was worked out on: a change the feed brings while the question
  // is open makes the save a conflict, never a silent overwrite of someone else's change
  if (op.version == null) op.version = state.stored.version;
  if (op.teams == null) op.teams = teamIds(ctx.teams);
  const losses = lossParts(ctx, state.stored, op, asked);
  const { parts } = losses;
  if (logic.isCorrection(state.stored, op.payload)) {
    const seen = await preview(con, op.payload);
    if (!seen) return false;
    const matches = seen.reset_numbers.map((n) => `M${n}`).join(", ");
    // of those, the ones played (their results cleared) and the ones only paired
    const played = seen.played_numbers || seen.reset_numbers;
    const paired = seen.reset_numbers.filter((n) => !played.includes(n));
    if (seen.needs_admin) {
      const params = { matches: seen.reset_numbers, played, paired };
      needsAdmin(con, op, { code: "correction_needs_admin", params });
      return false;
    }
    // who wins now, who goes where: said with a question asked anyway, or matches moved
    if (parts.length || matches || seen.moves?.length) parts.push(...afterLines(ctx, state.stored, seen, op.editing != null));
    const numbers = (list) => list.map((n) => `M${n}`).join(", ");
    const gone = goneNumbers(seen); // said already: removed with its result
    const cleared = played.filter((n) => !gone.includes(n));
    if (cleared.length) parts.push(fill(ctx.labels.resets, { matches: numbers(cleared) }));
    if (paired.length) parts.push(fill(ctx.labels.resets_paired, { matches: numbers(paired) }));
  } else if (op.editing != null) { // a live match's game corrected: who wins, if it decides
    const { status, games = [] } = op.payload;
    const { score } = logic.outcome(state.stored, op.payload);
    const w = status === "completed" ? logic.winnerOf(score) : 0;
    parts.push(...afterLines(ctx, state.stored, { match: {
      status, score, winner: w || null, draw: status === "completed" && !w,
      games: games.map((g) => g.score || g) } }));
  }
  if (!parts.length) return true;
  if (state.stored.version !== op.version) { // changed during the preview
    con.say("error", closedText(ctx.labels, state.stored));
    return false;
  }
  return (await con.question(parts.join("\n"), confirmChoices(ctx, op, losses))) === "yes";
}

// An action's answer (referee-ops.js): said when refused, else asked and saved.
export async function act(con, answer) {
  if (!answer) return;
  if (answer.refused) {
    if (answer.redraw) con.redraw();
    con.say("error", answer.refused, { fields: answer.fields });
    return;
  }
  if (await confirmLosses(con, answer.op, answer.question)) await save(con, answer.op);
}
