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

import * as logic from "./referee-logic.js";

const root = document.getElementById("console");
const data = JSON.parse(document.getElementById("console-data").textContent);
const L = data.labels;
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
const matchId = Number(root.dataset.matchId);
const DRAFT = `referee-draft-${matchId}`;
const $ = (sel) => root.querySelector(sel);
const dialog = document.querySelector("[data-dialog]");

let stored = data.match;
let busy = false;
let editing = null; // the number of a stored game being corrected, or null
let conflict = null; // {op} while the stored match changed under what was typed

const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (_, k) => (k in values ? String(values[k]) : "…"));
const fmt = (text, value) => text.replace(/%[ds]/, String(value));
const teamName = (i) => data.teams[i]?.name || String(i + 1);

// Parameters as people read them: a list of match numbers is "M3, M5".
function shownParams(params) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) {
    out[k] = Array.isArray(v) ? v.map((n) => (typeof n === "number" ? `M${n}` : n)).join(", ") : v;
  }
  return out;
}

function errorText(error) {
  const code = error?.code || "_generic";
  const template = data.errors[code] || data.errors._generic;
  return fill(template, { code, ...shownParams(error?.params) });
}

// An error takes the focus: on a phone the keyboard of the score box being typed in covers
// the lower half of the screen, and a message scrolled "into view" can sit under it; moving
// the focus off the box puts the keyboard away, and the message is scrolled to the middle.
// (Progress while retrying is said without taking the focus from what is being typed.)
// The score boxes a mistake is about are marked invalid and described by the message
// (WCAG 3.3.1): a screen reader on the box says what is wrong with it.
function show(which, text, { focus = which === "error", fields = [] } = {}) {
  const box = $(which === "ok" ? "[data-ok]" : "[data-error]");
  const other = $(which === "ok" ? "[data-error]" : "[data-ok]");
  other.hidden = true;
  markInvalid(which === "error" && text ? fields : []);
  box.replaceChildren(document.createTextNode(text || ""));
  box.hidden = !text;
  if (!text) return box;
  if (focus) box.focus({ preventScroll: true });
  box.scrollIntoView({ block: focus ? "center" : "nearest" }); // a phone shows it, whatever was in view
  return box;
}

// --- what was typed -------------------------------------------------------------------
const points = [0, 1].map((i) => $(`[data-point="${i}"]`));
const mapInput = $("[data-map]");

function markInvalid(fields) {
  points.forEach((box, i) => {
    if (fields.includes(i)) {
      box.setAttribute("aria-invalid", "true");
      box.setAttribute("aria-describedby", $("[data-error]").id);
    } else {
      box.removeAttribute("aria-invalid");
      box.removeAttribute("aria-describedby");
    }
  });
}

// The game typed: null when nothing is typed, {error} when a score is not a whole number
// from 0 to the most a game can score, else {score, map}.
function typed() {
  const raw = points.map((p) => p.value.trim());
  if (raw.every((v) => v === "")) return null;
  const bad = [0, 1].filter((i) => raw[i] !== "" && !/^[0-9]+$/.test(raw[i]));
  if (bad.length) return { error: L.bad_score, fields: bad };
  // a box left empty is a score not typed, never a 0 (a missed box in a noisy room)
  const empty = raw.findIndex((v) => v === "");
  if (empty >= 0) return { error: fmt(L.missing_side, teamName(empty)), fields: [empty] };
  const score = raw.map(Number);
  const big = [0, 1].filter((i) => score[i] > data.max_points);
  if (big.length) return { error: fmt(L.too_big, data.max_points), fields: big };
  return { score, map: (data.maps && mapInput.value.trim()) || null };
}

const single = () => stored.best_of === 1; // one game: its result, not "game 1"
const nothingText = () => (single() ? L.nothing_one : L.nothing);
const gameTitle = (n) => (single() ? L.result : fmt(L.game, n));

function keepDraft() {
  const draft = { points: points.map((p) => p.value), map: mapInput.value };
  if (draft.points.every((v) => v === "") && !draft.map) sessionStorage.removeItem(DRAFT);
  else sessionStorage.setItem(DRAFT, JSON.stringify(draft));
}

function clearDraft() {
  for (const p of points) p.value = "";
  mapInput.value = "";
  sessionStorage.removeItem(DRAFT);
}

function restoreDraft() {
  try {
    const draft = JSON.parse(sessionStorage.getItem(DRAFT) || "null");
    if (!draft) return;
    draft.points.forEach((v, i) => { points[i].value = v; });
    mapInput.value = draft.map || "";
  } catch { sessionStorage.removeItem(DRAFT); }
}

// --- drawing the stored match -----------------------------------------------------------
function gameLine(number, game, editable = false) {
  const li = document.createElement("li");
  li.dataset.game = String(number);
  const w = logic.winnerOf(game.score);
  const label = document.createElement("span");
  label.textContent = gameTitle(number) + (game.map ? ` · ${game.map}` : "");
  const score = document.createElement("strong");
  score.textContent = logic.scoreText(game.score);
  const who = document.createElement("span");
  who.className = "muted";
  who.textContent = w ? teamName(w - 1) : L.draw;
  li.append(label, score, who);
  if (editable) {  // any stored game can be corrected in place, not only the last one
    const edit = document.createElement("button");
    edit.type = "button";
    edit.className = "edit-game";
    edit.dataset.action = "edit-game";
    edit.dataset.number = String(number);
    edit.textContent = L.edit_game;
    edit.setAttribute("aria-label", fill(L.correcting, { game: gameTitle(number) }));
    li.append(edit);
    li.classList.toggle("editing", editing === number);
  }
  return li;
}

// The game being played: its saved score, named so, never a win yet.
function playingLine(number, game) {
  const li = document.createElement("li");
  li.dataset.inPlay = "";
  li.className = "in-play";
  const label = document.createElement("span");
  label.textContent = (single() ? L.in_play_one : fmt(L.in_play, number)) + (game.map ? ` · ${game.map}` : "");
  const score = document.createElement("strong");
  score.textContent = logic.scoreText(game.score);
  li.append(label, score, document.createElement("span"));
  return li;
}

function describe(match) {
  const box = document.createElement("div");
  const line = document.createElement("p");
  line.className = "big-score";
  line.textContent = logic.matchScoreText(match, L.FF, L.W);
  const status = document.createElement("p");
  status.textContent = (L.status[match.status] || match.status) + (match.forfeit ? ` · ${L.forfeit_word}` : "");
  const list = document.createElement("ol");
  list.className = "ref-games compact";
  logic.storedGames(match).forEach((g, i) => list.append(gameLine(i + 1, g)));
  box.append(line, status, list);
  return box;
}

// What the referee typed, as the conflict panel shows it: "Game 3", "9 – 13", the map.
function describeTyped(op) {
  const box = document.createElement("div");
  const now = typed();
  const game = op?.game || (now && !now.error ? now : null);
  const title = document.createElement("p");
  const line = document.createElement("p");
  line.className = "big-score";
  if (game) {
    const named = op?.editing != null ? fill(L.correcting, { game: gameTitle(op.editing) })
      : gameTitle(op?.number || logic.nextGameNumber(stored));
    title.textContent = named + (game.map ? ` · ${game.map}` : "");
    line.textContent = logic.scoreText(game.score);
  } else {
    line.textContent = op?.label || "";
  }
  box.append(title, line);
  return box;
}

function draw() {
  const m = stored;
  $("[data-status]").textContent = m.forfeit ? `${L.status[m.status]} · ${L.forfeit_word}` : L.status[m.status] || m.status;
  root.dataset.state = m.status;
  [0, 1].forEach((i) => {
    const el = $(`[data-series="${i}"]`);
    el.textContent = logic.sideText(m, i, L.FF, L.W); // a forfeit, in the page's language
    $(`[data-team="${i}"]`).classList.toggle("won", m.status === "completed" && m.winner === i + 1);
  });
  const list = $("[data-games]");
  const games = logic.storedGames(m);
  if (editing != null && (editing > games.length || m.forfeit)) editing = null; // gone meanwhile
  list.replaceChildren(...games.map((g, i) => gameLine(i + 1, g, !m.forfeit)));
  const playing = logic.gameInPlay(m);
  if (playing) list.append(playingLine(games.length + 1, playing));
  const seriesOnly = logic.seriesOnly(m);
  const only = $("[data-series-only]");
  only.hidden = !seriesOnly || m.status === "completed";
  only.textContent = L.series_only;
  const n = logic.nextGameNumber(m);
  $("[data-next-title]").textContent = editing != null
    ? fill(L.correcting, { game: gameTitle(editing) }) : gameTitle(n);
  $('[data-action="save-game"]').textContent = editing != null ? L.save_correction
    : single() ? L.save_result : fmt(L.save_game, n);
  $('[data-action="cancel-edit"]').hidden = editing == null;
  // a series-score-only match takes the next game's winner, nothing it could not keep
  for (const el of root.querySelectorAll("[data-stepper], [data-action=\"save-game\"]")) el.hidden = seriesOnly;
  $('[data-action="save-live"]').hidden = seriesOnly || editing != null;
  $("[data-map-label]").hidden = seriesOnly || !data.maps;
  $("[data-winner]").hidden = !seriesOnly;
  root.querySelectorAll("[data-action=\"won\"]").forEach((b) => {
    b.textContent = fill(L.won_game, { team: teamName(Number(b.dataset.side)), n });
  });
  const playable = m.teams[0] != null && m.teams[1] != null;
  const open = m.status === "live" || m.status === "ready";
  $("[data-next]").hidden = editing == null && (!playable || !open || n > m.best_of);
  $('[data-action="start"]').hidden = m.status !== "ready";
  $('[data-action="finish"]').hidden = m.status !== "live";
  const undo = $('[data-action="undo"]');
  undo.hidden = !(m.games || []).length && !(seriesOnly && m.score.some((v) => v > 0)) && !m.forfeit;
  undo.textContent = m.forfeit ? L.undo_forfeit : seriesOnly ? L.remove_win : single() ? L.undo_result : L.undo;
  $('[data-action="forfeit"]').hidden = !playable || m.status === "pending";
  for (const b of root.querySelectorAll("button[data-action]")) b.disabled = busy;
}

// --- asking first ------------------------------------------------------------------------
// Resolves with the value of the chosen button, or null for cancel.
function ask(text, choices) {
  show("error", ""); // a message from before is not the question being asked
  return new Promise((resolve) => {
    dialog.querySelector("[data-dialog-text]").textContent = text;
    const box = dialog.querySelector("[data-dialog-choices]");
    box.replaceChildren(...choices.map(([value, label, cls]) => {
      const b = document.createElement("button");
      b.value = value;
      b.textContent = label;
      b.className = `big ${cls || "primary"}`;
      return b;
    }));
    dialog.returnValue = "";
    dialog.addEventListener("close", () => {
      const v = dialog.returnValue; // "changed": closed by the feed (closeQuestion)
      resolve(v && v !== "cancel" && v !== "changed" ? v : null);
    }, { once: true });
    dialog.showModal();
  });
}

// A question is worked out on the match as it was when it opened (its score, its teams, its
// version): when the feed brings a change while it is open, it is closed unanswered rather
// than redrawn under the referee's thumb, and the console says why with the match as it is
// now. (A change the feed never brought still makes the save a conflict: If-Match.)
function closedText() {
  return fill(L.question_closed, { score: logic.matchScoreText(stored, L.FF, L.W), status: L.status[stored.status] || stored.status });
}

function closeQuestion() {
  if (!dialog.open) return false;
  dialog.close("changed");
  return true;
}

// --- saving ------------------------------------------------------------------------------
function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One request, retried with the SAME key and body after a network error or a 503: the
// server applies it once, and a retry of an applied one gets the first answer back.
async function send(url, body, { key, version, method = "PATCH" } = {}) {
  const headers = { "Content-Type": "application/json", "X-CSRF-Token": csrf };
  if (key) headers["Idempotency-Key"] = key;
  if (version != null) headers["If-Match"] = String(version);
  for (let attempt = 0; ; attempt += 1) {
    let response = null;
    try {
      response = await fetch(url, { method, headers, body: JSON.stringify(body), credentials: "same-origin" });
    } catch { response = null; }
    if (response && response.status !== 503) {
      let json = {};
      try { json = await response.json(); } catch { json = {}; }
      return { status: response.status, json };
    }
    if (attempt >= 5) return { status: 0, json: {} };
    show("error", fmt(L.retrying, attempt + 1), { focus: false });
    await sleep(Math.min(8000, 500 * 2 ** attempt));
  }
}

let lastFailed = null; // {op, key} of a save that never got an answer

async function save(op, key = newKey()) {
  busy = true;
  draw();
  show("ok", L.saving);
  // the version this change was decided on: a retry keeps it (and its key), so it is
  // either the same change answered again or a conflict, never applied on top of another
  if (op.version == null) op.version = stored.version;
  const result = await send(`/api/matches/${matchId}`, op.payload, { key, version: op.version });
  busy = false;
  if (result.status === 0) {
    lastFailed = { op, key };
    const box = show("error", L.offline);
    const again = document.createElement("button");
    again.type = "button";
    again.className = "big";
    again.dataset.action = "retry";
    again.textContent = L.retry;
    box.append(" ", again);
    draw();
    return;
  }
  lastFailed = null;
  if (result.status === 200) {
    const { reset_matches: _, ...match } = result.json;
    stored = match;
    if (op.clears) clearDraft();
    if (op.editing != null) editing = null;
    draw();
    show("ok", L.saved);
    return;
  }
  const error = result.json.error || {};
  if (result.status === 409 && result.json.match) {
    stored = result.json.match;
    draw();
    openConflict(op, result.json.changed_by);
    return;
  }
  draw();
  const box = show("error", errorText(error));
  if (result.status === 401) {
    const a = document.createElement("a");
    a.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    a.textContent = L.sign_in;
    box.append(" ", a);
  }
}

// Before a change that alters a finished result: which matches it would reset.
async function preview(payload) {
  const result = await send(`/api/matches/${matchId}/preview`, payload, { method: "POST" });
  if (result.status !== 200) {
    show("error", result.status === 0 ? L.offline : errorText(result.json.error));
    return null;
  }
  return result.json;
}

// Ask what a save would lose; for a correction, what it would reset. true: go ahead.
async function confirmLosses(op, question) {
  // the version the change was worked out on: a change the feed brings while the question
  // is open makes the save a conflict, never a silent overwrite of someone else's change
  if (op.version == null) op.version = stored.version;
  const parts = question ? [question] : [];
  const { lower, dropped, after } = logic.losses(stored, op.payload);
  // a one-game match has no series score to lower: its question names the result
  const series = { from: logic.scoreText(stored.score), to: logic.scoreText(after.score) };
  if (op.editing != null) {  // a corrected game: the series as it becomes, either way
    if (!single() && series.from !== series.to) parts.push(fill(L.series_change, series));
  } else if (lower && !op.forfeit && !op.chosen && !single()) parts.push(fill(L.lowers, series));
  if (dropped && !op.undo && !op.forfeit) parts.push(fill(L.drops, { n: dropped }));
  if (logic.isCorrection(stored, op.payload)) {
    const seen = await preview(op.payload);
    if (!seen) return false;
    const matches = seen.reset_numbers.map((n) => `M${n}`).join(", ");
    if (seen.needs_admin) {
      show("error", errorText({ code: "correction_needs_admin", params: { matches } }));
      return false;
    }
    if (matches) parts.push(fill(L.resets, { matches }));
  }
  if (!parts.length) return true;
  if (stored.version !== op.version) { show("error", closedText()); return false; } // changed during the preview
  const label = op.finishLabel || (lower || dropped ? L.save_anyway : L.confirm);
  return (await ask(parts.join("\n"), [["yes", label, op.forfeit || lower || dropped ? "danger" : "primary"]])) === "yes";
}

// --- the actions ---------------------------------------------------------------------------
function gameOp(game) {
  if (!game) { show("error", nothingText(), { fields: [0, 1] }); return null; }
  if (game.error) { show("error", game.error, { fields: game.fields }); return null; }
  const added = logic.addGame(stored, game, data.allow_draws);
  if (added.error) { show("error", single() ? L.tied_one : L.tied, { fields: [0, 1] }); return null; }
  return { payload: added.payload, clears: true, game, added, number: logic.nextGameNumber(stored) };
}

// Correcting a stored game: its score (and map) in the boxes, and the save replaces it.
function editGame(number) {
  const game = logic.storedGames(stored)[number - 1];
  if (!game) return;
  editing = number;
  game.score.forEach((v, i) => { points[i].value = String(v); });
  mapInput.value = game.map || "";
  keepDraft();
  draw();
  show("error", "");
  $("[data-next]").scrollIntoView({ block: "center" });
  points[0].focus();
}

function cancelEdit() {
  editing = null;
  clearDraft();
  draw();
}

async function saveCorrection() {
  let game = typed();
  if (!game) { show("error", nothingText(), { fields: [0, 1] }); return; }
  if (game.error) { show("error", game.error, { fields: game.fields }); return; }
  // no map box for this title: the corrected game keeps the map stored with it (if any)
  if (!data.maps) game = { ...game, map: logic.storedGames(stored)[editing - 1]?.map || null };
  const fixed = logic.replaceGame(stored, editing, game, data.allow_draws);
  if (fixed.error === "tied") { show("error", single() ? L.tied_one : L.tied, { fields: [0, 1] }); return; }
  if (fixed.error) { cancelEdit(); return; }
  const op = { payload: fixed.payload, clears: true, game, editing, finishLabel: L.save_correction,
               label: L.save_correction };
  const question = fill(L.correct_confirm, { game: gameTitle(editing),
                                             from: logic.scoreText(fixed.old.score),
                                             to: logic.scoreText(game.score) });
  if (await confirmLosses(op, question)) await save(op);
}

// Saving the game typed, or (a series-score-only match) the game won by side i.
async function saveGame(side = null) {
  if (editing != null && side == null) { await saveCorrection(); return; }
  if (side != null && !logic.seriesOnly(stored)) { draw(); show("error", nothingText()); return; }
  const op = gameOp(side == null ? typed() : { score: side === 0 ? [1, 0] : [0, 1], map: null });
  if (!op) return;
  op.side = side;
  let question = "";
  if (op.added.decided) {
    const w = logic.winnerOf(op.added.score);
    // the score the match will show: a one-game match's is its game's (2 – 2, 13 – 9);
    // "X wins" reads with the winner's score first (wins 2 – 1, never wins 1 – 2)
    const final = single() ? op.game.score : op.added.score;
    const shown = logic.scoreText(final);
    const winnerFirst = logic.scoreText(w === 2 ? [final[1], final[0]] : final);
    const [decides, draws] = single() ? [L.decides_one, L.decides_draw_one] : [L.decides, L.decides_draw];
    question = op.added.draw ? fill(draws, { score: shown })
      : fill(decides, { team: teamName(w - 1), score: winnerFirst });
    op.finishLabel = L.save_and_finish;
  }
  if (await confirmLosses(op, question)) await save(op);
}

// Saving the score of the game being played: spectators see it, nothing counts it yet; the
// boxes keep it for the next goal (or round), and "Save game" ends the game.
async function saveLive() {
  const game = typed();
  if (!game) { show("error", nothingText(), { fields: [0, 1] }); return; }
  if (game.error) { show("error", game.error, { fields: game.fields }); return; }
  const op = { payload: logic.playGame(stored, game).payload, live: true, label: L.save_live,
               finishLabel: L.save_live };
  if (await confirmLosses(op, "")) await save(op);
}

async function start() {
  await save({ payload: { status: "live" }, label: L.start });
}

async function finish() {
  if (!logic.canFinish(stored, data.allow_draws)) {
    show("error", fill(L.not_decided, { score: logic.scoreText(stored.score), best_of: stored.best_of }));
    return;
  }
  const op = { payload: { status: "completed" }, finishLabel: L.finish, label: L.finish };
  const score = logic.scoreText(single() ? logic.shownScore(stored) : logic.countedScore(stored));
  if (await confirmLosses(op, fill(L.finish_confirm, { score }))) await save(op);
}

async function undo() {
  if (stored.forfeit) { await undoForfeit(); return; }
  if (logic.seriesOnly(stored)) { await removeWin(); return; }
  const undone = logic.undoGame(stored);
  if (!undone) return;
  const label = single() ? L.undo_result : L.undo;
  const op = { payload: undone.payload, undo: true, finishLabel: label, label };
  const score = logic.scoreText(undone.removed.score);
  const question = single() ? fill(L.undo_result_confirm, { score }) : fill(L.undo_confirm, { n: undone.number, score });
  if (await confirmLosses(op, question)) await save(op);
}

// A forfeit entered by mistake: the match is open again (ready, no score), as before it.
async function undoForfeit() {
  const op = { payload: { status: "ready" }, undo: true, finishLabel: L.undo_forfeit, label: L.undo_forfeit };
  const question = fill(L.undo_forfeit_confirm, { team: teamName(stored.forfeited_by - 1) });
  if (await confirmLosses(op, question)) await save(op);
}

// A series-score-only match: take one game win off the side the referee names.
async function removeWin() {
  const sides = [0, 1].filter((i) => stored.score[i] > 0);
  const side = await ask(L.remove_win_ask, sides.map((i) => [String(i), `${teamName(i)} (${stored.score[i]} → ${stored.score[i] - 1})`, "danger"]));
  if (side == null) return;
  const removed = logic.removeWin(stored, Number(side));
  if (!removed) return;
  // the side's button already said its score before and after: no second question for that
  const op = { payload: removed.payload, undo: true, chosen: true, finishLabel: L.remove_win, label: L.remove_win };
  if (await confirmLosses(op, "")) await save(op);
}

async function forfeit() {
  const side = await ask(L.forfeit_who, [["1", fmt(L.forfeits, teamName(0)), "danger"], ["2", fmt(L.forfeits, teamName(1)), "danger"]]);
  if (!side) return;
  const i = Number(side) - 1;
  const label = fmt(L.forfeits, teamName(i));
  const op = { payload: { forfeit: i + 1 }, forfeit: true, finishLabel: label, label };
  let question = fill(L.forfeit_confirm, { team: teamName(i), other: teamName(1 - i) });
  if (stored.score[0] + stored.score[1] > 0 || (stored.games || []).length) {
    question += `\n${fill(L.forfeit_replaces, { score: logic.scoreText(stored.score) })}`;
  }
  if (await confirmLosses(op, question)) await save(op);
}

// --- conflicts: the stored match changed under what was typed ------------------------------
function ago(at) {
  if (!at) return "";
  const seconds = Math.round((new Date(at).getTime() - Date.now()) / 1000);
  if (Math.abs(seconds) < 60) return L.just_now;
  return new Intl.RelativeTimeFormat(data.lang, { numeric: "auto" })
    .format(Math.round(seconds / 60), "minute");
}

function openConflict(op, who, note = "") {
  conflict = { op };
  const panel = $("[data-conflict]");
  panel.hidden = false;
  panel.querySelector("[data-conflict-title]").textContent = L.conflict_title;
  const when = ago(who?.at);
  // the bootstrap admin token has no user: its name is the environment variable's
  const byAdmin = who && who.id == null && who.name;
  panel.querySelector("[data-conflict-who]").textContent = byAdmin
    ? fill(L.changed_by_admin, { when }) : who && who.name
      ? fill(L.changed_by, { name: who.name, when }) : fill(L.changed, { when: when || "" });
  panel.querySelector("[data-conflict-stored]").replaceChildren(describe(stored));
  panel.querySelector("[data-conflict-mine]").replaceChildren(describeTyped(op));
  // a typed game can go on top only while the match still has a game to play: the
  // button names the game it becomes, and says so when the stored one has its number
  const next = logic.nextGameNumber(stored);
  const room = stored.status !== "completed" && next <= stored.best_of;
  const game = !!(op?.game || typed());
  const apply = panel.querySelector('[data-action="apply-mine"]');
  const fixing = op?.editing != null; // a correction goes on the game it corrects
  apply.hidden = !fixing && game && !room;
  apply.textContent = fixing ? fill(L.apply_correction, { game: gameTitle(op.editing) })
    : op?.live && room ? L.save_live : game && room ? fmt(L.apply_as_game, next) : L.apply_mine;
  const noted = panel.querySelector("[data-conflict-note]");
  noted.hidden = !note;
  noted.textContent = note;
  const warn = panel.querySelector("[data-conflict-warn]");
  const same = !fixing && game && room && op?.number != null && op.number < next;
  warn.hidden = !same;
  warn.textContent = same ? fill(L.same_game, { n: op.number, next }) : "";
  $("[data-next]").classList.add("held");
  show("ok", "");
  panel.scrollIntoView({ block: "start" });
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
  if (held.op?.editing != null) { editing = held.op.editing; await saveCorrection(); return; }
  if (held.op?.live) { await saveLive(); return; }
  if (held.op?.game || typed()) { await saveGame(held.op?.side ?? null); return; }
  if (held.op) {
    const op = { ...held.op, version: null };
    if (await confirmLosses(op, "")) await save(op);
  }
}

function keepStored() {
  closeConflict();
  clearDraft();
  editing = null; // a correction dropped with the rest of what was typed
  show("ok", "");
  draw();
}

// The live feed (live.js) says the match changed: adopt it; if something is typed, show
// the change next to it and wait for the referee's choice.
async function followFeed(match) {
  if (match.id !== matchId || match.version <= stored.version) return;
  const typedFor = logic.nextGameNumber(stored); // the game being typed, before the change
  stored = match;
  const closed = closeQuestion(); // its words were about the match before this change
  draw();
  if (lastFailed && !busy) { // the connection is back: send the unanswered save again
    save(lastFailed.op, lastFailed.key);
    return;
  }
  const mine = () => { const t = typed(); return t && !t.error ? t : null; };
  if (closed && !conflict) show("error", closedText());
  if (busy || !mine() || conflict) return;
  const fixing = editing; // a correction in the boxes stays a correction of its game
  let who = null;
  try {
    const r = await fetch(`/api/matches/${matchId}/audit?limit=1`, { credentials: "same-origin" });
    if (r.ok) {
      const entry = (await r.json()).items[0];
      if (entry) who = { id: entry.actor.id, name: entry.actor.name, at: entry.at };
    }
  } catch { /* the name is a courtesy */ }
  if (conflict || !mine()) return;
  const op = fixing != null && editing === fixing ? { game: mine(), editing: fixing }
    : { game: mine(), number: typedFor };
  openConflict(op, who, closed ? closedText() : "");
}

async function reload() {
  try {
    const r = await fetch(`/api/matches/${matchId}`, { credentials: "same-origin", cache: "no-store" });
    if (r.ok) await followFeed(await r.json());
  } catch { /* the feed will bring it */ }
}

document.addEventListener("tournament:event", (event) => {
  const { type, data: body } = event.detail;
  if (type === "match.updated") followFeed(body);
  else if (type === "stage.updated") (body.matches || []).forEach(followFeed);
});
document.addEventListener("tournament:snapshot", reload);
window.addEventListener("online", () => { if (lastFailed && !busy) save(lastFailed.op, lastFailed.key); });
window.addEventListener("pageshow", (event) => { if (event.persisted) reload(); });

root.addEventListener("input", keepDraft);
root.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button || busy) return;
  if (button.dataset.step) {
    const input = button.parentElement.querySelector("input");
    const next = (Number(input.value) || 0) + Number(button.dataset.step);
    input.value = String(Math.min(data.max_points, Math.max(0, next)));
    keepDraft();
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
  else if (action === "retry" && lastFailed) save(lastFailed.op, lastFailed.key);
});

restoreDraft();
// nothing typed here yet: the boxes start from the score in play, for its next goal
const playingNow = logic.gameInPlay(stored);
if (playingNow && points.every((p) => p.value === "")) {
  playingNow.score.forEach((v, i) => { points[i].value = String(v); });
}
draw();
