// The referee console of one match, for a phone in one hand at a noisy venue.
//
// - It always works from the STORED match: the page's data, then every answer of the
//   server and every match.updated of the live feed (live.js) replace it.
// - What the referee typed stays (also across a reload, in sessionStorage) until it is
//   saved or they choose to drop it; a conflict shows the stored state next to it.
// - Every save goes through PATCH /api/matches/{id} with the session's X-CSRF-Token,
//   If-Match (the stored version) and an Idempotency-Key that its retries reuse, so a
//   save that reached the server before the network failed is applied once.
// - Saves that lower a side's series score, drop recorded games, forfeit or finish ask
//   first; a correction of a finished match is previewed (which matches it resets).
// - Errors are said in the page's language from their code (console-data "errors").
//
// This entry holds the console's state and wires the page's events. Its modules: the
// words (referee-words.js), what was typed (referee-draft.js), drawing the stored match
// (referee-draw.js), the message line (referee-message.js), the dialog that asks first
// (referee-ask.js), what each action saves and asks (referee-ops.js), saving
// (referee-save.js), sending with retries (referee-send.js), the conflict panel
// (referee-conflict.js); what a save sends is computed in referee-logic.js.

import * as logic from "./referee-logic.js";
import { ask, closeQuestion } from "./referee-ask.js";
import { drawConflict } from "./referee-conflict.js";
import { clearDraft, draftKey, emptyBoxes, keepDraft, putGame, restoreDraft, typed, typedGame } from "./referee-draft.js";
import { changedBy } from "./referee-conflict.js";
import { draw, drawNames, stillEditing } from "./referee-draw.js";
import { show } from "./referee-message.js";
import * as ops from "./referee-ops.js";
import { act, confirmLosses, save, typedForText } from "./referee-save.js";
import { lastChange, storedMatch } from "./referee-send.js";
import { closedText, pairingText, sameTeams, sidesOf, teamIds } from "./referee-words.js";

const root = document.getElementById("console");
const ctx = JSON.parse(document.getElementById("console-data").textContent);
const L = ctx.labels;
const matchId = Number(root.dataset.matchId);
const DRAFT = draftKey(matchId);
const $ = (sel) => root.querySelector(sel);
const dialog = document.querySelector("[data-dialog]");
const boxes = { points: [0, 1].map((i) => $(`[data-point="${i}"]`)), map: $("[data-map]") };

const state = {
  stored: ctx.match,
  busy: false,
  editing: null, // the number of a stored game being corrected, or null
  lastFailed: null, // {op, key} of a save that never got an answer
};
let conflict = null; // {op, inPanel} while the stored match changed under what was typed (inPanel:
// the typed game is held in the panel alone, the boxes emptied: it was for another pairing)

const typedNow = () => typed(boxes, ctx);
// with the teams and the game it is for
const keep = () => keepDraft(DRAFT, boxes, teamIds(ctx.teams), logic.nextGameNumber(state.stored));

function redraw() {
  state.editing = stillEditing(state.stored, state.editing);
  draw(root, ctx, { match: state.stored, editing: state.editing, busy: state.busy });
}

// The stored match, from the feed or an answer. Its teams may not be the ones the console
// names (a correction elsewhere sent another team into it, or took one out): then every
// name is drawn again from the match and the referee is told who replaced whom, and by
// whose correction. Returns the teams named before (ids), or null when they are the same.
function adopt(match) {
  const before = ctx.teams;
  state.stored = match;
  if (sameTeams(teamIds(before), match.teams || [])) return null;
  ctx.teams = sidesOf(ctx, match);
  drawNames(root, ctx);
  const text = pairingText(L, before, ctx.teams);
  if (text) tellPairing(text);
  return teamIds(before);
}

async function tellPairing(text) {
  const box = $("[data-pairing]");
  $("[data-pairing-text]").textContent = text;
  const who = $("[data-pairing-who]");
  who.textContent = "";
  box.hidden = false;
  box.scrollIntoView({ block: "nearest" });
  const found = await lastChange(matchId);
  if (found && $("[data-pairing-text]").textContent === text) who.replaceChildren(...changedBy(ctx, found));
}

// The boxes from the stored match: its game in play (for its next goal), else empty. The
// kept draft goes unless held (what was typed for another pairing, in the conflict panel).
function boxesFromStored(held = false) {
  if (held) emptyBoxes(boxes);
  else clearDraft(DRAFT, boxes);
  const playing = logic.gameInPlay(state.stored);
  if (playing) putGame(boxes, playing);
}

// After a save the boxes keep (the score in play): what they hold is stored now, so no
// draft is kept of it (a reload would take it for something typed).
function settled() {
  if (logic.isStoredPlay(typedGame(boxes, ctx), state.stored, ctx.maps)) sessionStorage.removeItem(DRAFT);
}

const con = {
  ctx, matchId, state, redraw, adopt, settled,
  csrf: document.querySelector('meta[name="csrf-token"]')?.content || "",
  say: (which, text, options) => show(root, boxes.points, which, text, options),
  question(text, choices) {
    con.say("error", ""); // a message from before is not the question being asked
    return ask(dialog, text, choices);
  },
  clearDraft: () => clearDraft(DRAFT, boxes),
  // out of correction mode, the boxes as the stored match has them (a refused correction)
  leaveEdit() {
    state.editing = null;
    boxesFromStored();
    redraw();
  },
  openConflict,
};

// --- the actions ---------------------------------------------------------------------------
// Correcting a stored game: its score (and map) in the boxes, and the save replaces it.
function editGame(number) {
  const game = logic.storedGames(state.stored)[number - 1];
  if (!game) return;
  state.editing = number;
  putGame(boxes, game);
  keep();
  redraw();
  con.say("error", "");
  $("[data-next]").scrollIntoView({ block: "center" });
  boxes.points[0].focus();
}

// The refusal read: the message goes and the match is shown from its top, as stored.
function backToMatch() {
  con.say("error", "");
  const board = $("[data-board]");
  board.scrollIntoView({ block: "start" });
  board.setAttribute("tabindex", "-1");
  board.focus({ preventScroll: true });
}

function cancelEdit() {
  state.editing = null;
  con.clearDraft();
  redraw();
}

async function saveCorrection(game = typedNow()) {
  const answer = ops.correctionOp(ctx, state.stored, state.editing, game);
  if (answer.cancel) { cancelEdit(); return; }
  await act(con, answer);
}

// Saving the game typed, or (a series-score-only match) the game won by side i.
async function saveGame(side = null) {
  if (state.editing != null && side == null) { await saveCorrection(); return; }
  // a stage whose games have only a winner corrects a game by its winner's button
  if (state.editing != null) { await saveCorrection({ score: side === 0 ? [1, 0] : [0, 1], map: null }); return; }
  await act(con, ops.gameOp(ctx, state.stored, side == null ? typedNow() : null, side));
}

// Saving the score of the game being played: spectators see it, nothing counts it yet; the
// boxes keep it for the next goal (or round), and "Save game" ends the game.
const saveLive = () => act(con, ops.liveOp(ctx, state.stored, typedNow()));
const start = () => save(con, ops.startOp(ctx).op);
const finish = () => act(con, ops.finishOp(ctx, state.stored));

async function undo() {
  if (state.stored.forfeit) await act(con, ops.undoForfeitOp(ctx, state.stored));
  else if (logic.seriesOnly(state.stored)) await removeWin();
  else await act(con, ops.undoOp(ctx, state.stored));
}

// A series-score-only match: take one game win off the side the referee names.
async function removeWin() {
  const side = await con.question(L.remove_win_ask, ops.removeWinChoices(ctx, state.stored));
  if (side == null) return;
  await act(con, ops.removeWinOp(ctx, state.stored, Number(side)));
}

async function forfeit() {
  const side = await con.question(L.forfeit_who, ops.forfeitChoices(ctx));
  if (!side) return;
  await act(con, ops.forfeitOp(ctx, state.stored, Number(side) - 1));
}

const retry = () => save(con, state.lastFailed.op, state.lastFailed.key);

// --- conflicts: the stored match changed under what was typed ------------------------------
// wasFor: the team ids the op was typed for when the match's teams changed under it (it was
// for another pairing; else null): the game it holds is shown in the panel alone, named
// with that pairing, and the boxes under the new names follow the stored match (the
// panel's "save mine" puts it back in them, as the new pairing's next game).
function openConflict(op, who, note = "", wasFor = null) {
  const inPanel = !!(wasFor && op?.game && op.side == null);
  conflict = { op, inPanel };
  drawConflict($("[data-conflict]"), ctx, { match: state.stored, op, who, note, now: typedNow(), wasFor });
  if (inPanel) boxesFromStored(true);
  $("[data-next]").classList.add("held");
  con.say("ok", "");
  $("[data-conflict]").scrollIntoView({ block: "start" });
}

function closeConflict() {
  conflict = null;
  $("[data-conflict]").hidden = true;
  $("[data-next]").classList.remove("held");
}

async function applyMine() {
  const held = conflict;
  closeConflict();
  if (!held) return;
  if (held.inPanel) putGame(boxes, held.op.game); // the game typed for the old pairing, as typed
  if (held.op?.editing != null) { state.editing = held.op.editing; await saveCorrection(); return; }
  if (held.op?.live) { await saveLive(); return; }
  if (held.op?.game || typedNow()) { await saveGame(held.op?.side ?? null); return; }
  if (held.op) {
    const op = { ...held.op, version: null, teams: null };
    if (await confirmLosses(con, op, "")) await save(con, op);
  }
}

function keepStored() {
  closeConflict();
  con.clearDraft();
  state.editing = null; // a correction dropped with the rest of what was typed
  con.say("ok", "");
  redraw();
}

// The live feed (live.js) says the match changed: adopt it; if something is typed, show
// the change next to it and wait for the referee's choice.
async function followFeed(match) {
  if (match.id !== matchId) return;
  if (match.version <= state.stored.version) {
    // the same stored result, annulled or counted again (a withdrawal, the organizer's
    // withdrawn_results): its version stays, only the marks change
    if (match.version === state.stored.version && !!match.annulled !== !!state.stored.annulled) {
      state.stored = { ...state.stored, annulled: match.annulled };
      redraw();
    }
    return;
  }
  const typedFor = logic.nextGameNumber(state.stored); // the game being typed, before the change
  const before = state.stored;
  const wasFor = adopt(match); // the teams it was typed for, when others play it now
  const closed = closeQuestion(dialog); // its words were about the match before this change
  redraw();
  if (state.lastFailed && !state.busy) { // the connection is back: send the unanswered save again
    retry();
    return;
  }
  const mine = () => typedGame(boxes, ctx);
  // the boxes hold the score in play as it was stored (taken from it, or saved): nothing the
  // referee typed, so nothing to hold; they follow the stored match (a new pairing's empty)
  if (!state.busy && !conflict && state.editing == null && logic.isStoredPlay(mine(), before, ctx.maps)) {
    boxesFromStored();
  }
  if (closed && !conflict) con.say("error", closedText(L, state.stored));
  // a panel already open stays as it is, unless the teams changed under it too
  if (state.busy || !mine() || (conflict && !wasFor)) return;
  const held = conflict?.op;
  const fixing = state.editing; // a correction in the boxes stays a correction of its game
  const who = await lastChange(matchId);
  if ((conflict && conflict.op !== held) || !mine()) return;
  const op = held || (fixing != null && state.editing === fixing ? { game: mine(), editing: fixing }
    : { game: mine(), number: typedFor });
  const notes = [wasFor ? typedForText(ctx, wasFor) : "", closed ? closedText(L, state.stored) : ""];
  openConflict(op, who, notes.filter(Boolean).join("\n"), wasFor);
}

async function reload() {
  try {
    const match = await storedMatch(matchId);
    if (match) await followFeed(match);
  } catch { /* the feed will bring it */ }
}

document.addEventListener("tournament:event", (event) => {
  const { type, data: body } = event.detail;
  if (type === "match.updated") followFeed(body);
  else if (type === "stage.updated") (body.matches || []).forEach(followFeed);
});
document.addEventListener("tournament:snapshot", reload);
window.addEventListener("online", () => { if (state.lastFailed && !state.busy) retry(); });
window.addEventListener("pageshow", (event) => { if (event.persisted) reload(); });

root.addEventListener("input", () => keep());
root.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button || state.busy) return;
  if (button.dataset.step) {
    const input = button.parentElement.querySelector("input");
    const next = (Number(input.value) || 0) + Number(button.dataset.step);
    input.value = String(Math.min(ctx.max_points, Math.max(0, next)));
    // a stepped box beside an empty one: the other side has scored nothing, so it reads 0
    // (the first round's winner stepped up, the save asked for the other side's score)
    for (const other of boxes.points) if (other !== input && other.value.trim() === "") other.value = "0";
    keep();
    return;
  }
  const action = button.dataset.action;
  if (action === "save-game") { if (conflict) return; saveGame(); }
  else if (action === "save-live") { if (conflict) return; saveLive(); }
  else if (action === "won") { if (conflict) return; saveGame(Number(button.dataset.side)); }
  else if (action === "start") start();
  else if (action === "finish") finish();
  else if (action === "undo") undo();
  else if (action === "edit-game") { if (conflict) return; editGame(Number(button.dataset.number)); }
  else if (action === "cancel-edit") cancelEdit();
  else if (action === "forfeit") forfeit();
  else if (action === "apply-mine") applyMine();
  else if (action === "keep-stored") keepStored();
  else if (action === "pairing-ok") $("[data-pairing]").hidden = true;
  else if (action === "back-to-match") backToMatch();
  else if (action === "retry" && state.lastFailed) retry();
});

const kept = restoreDraft(DRAFT, boxes);
const draftFor = kept?.teams;
// nothing typed here yet: the boxes start from the game in play (its score and map), for its
// next goal
const playingNow = logic.gameInPlay(state.stored);
if (playingNow && boxes.points.every((p) => p.value === "") && !boxes.map.value) {
  putGame(boxes, playingNow);
}
redraw();
// typed before a reload for teams that no longer play the match: said, and held
if (draftFor && !sameTeams(draftFor, teamIds(ctx.teams)) && typedGame(boxes, ctx)) {
  const text = pairingText(L, sidesOf(ctx, { teams: draftFor }), ctx.teams);
  if (text) tellPairing(text);
  lastChange(matchId).then((who) => {
    if (!conflict && typedGame(boxes, ctx)) {
      const number = kept.number || logic.nextGameNumber(state.stored); // the game it was typed for
      openConflict({ game: typedGame(boxes, ctx), number }, who,
                   typedForText(ctx, draftFor), draftFor);
    }
  });
}
