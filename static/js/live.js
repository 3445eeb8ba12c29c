// Live updates for every page of a tournament: one websocket, resumed with ?since=<seq>.
// Applies match.updated / stage.updated to the elements with data-match / data-stage-status
// and a snapshot in place; never reloads the page. Shows live / reconnecting / offline in
// [data-conn]. Other scripts follow the feed through the "tournament:event" and
// "tournament:snapshot" DOM events (follow.js refetches what it cannot patch in place:
// stage bodies, a team's schedule, the live matches of the home page, the nation table).
//
// Protocol (API.md "Live feed"): every event has a per-tournament seq; events at or below the
// last seq seen are duplicates and ignored; a seq that skips ahead means something was
// missed, so the socket is reopened with since=<last seq> and the server replays the gap.

import { leftSaid } from "./left-words.js";
import { putPhrases } from "./phrases.js";

const body = document.body;
const slug = body.dataset.tournament;
const i18n = JSON.parse(document.getElementById("i18n")?.textContent || "{}");
const teams = JSON.parse(document.getElementById("teams")?.textContent || "{}");
// each nation's words as the server says a badge (KR: 대한민국), by badge
const nationWords = Object.fromEntries(Object.values(teams).filter((t) => t.flag)
  .map((t) => [t.flag, t.nation]));
const conn = document.querySelector("[data-conn]");

const PING_EVERY = 25000; // ms; browsers cannot see websocket pings, so the page pings
const PONG_WITHIN = 10000; // ms without any message after a ping: the connection is dead
const STABLE_AFTER = 10000; // ms open before the backoff starts again from the beginning
const RESTART_CODES = [1001, 1012, 1013]; // server going away / restarting / try again
// the longest wait between tries: a stream's overlay (a few, on air, showing no connection
// state) tries every 5 s at most; the thousands of spectators' pages spread over 30 s
const MAX_WAIT = body.classList.contains("overlay") ? 5000 : 30000; // ms

let lastSeq = Number(body.dataset.seq || 0);
let attempt = 0;
let socket = null;
let retryTimer = null;
let pingTimer = null;
let deadTimer = null;
let stableTimer = null;

// Said to a screen reader: only going offline, and coming back live after that (the label
// flapping between "reconnecting" and "live" is shown, never read out).
const connSaid = document.querySelector("[data-conn-said]");
let saidOffline = false;

function setConn(state) {
  if (!conn) return;
  conn.dataset.conn = state;
  const label = conn.querySelector("[data-conn-label]");
  if (label) label.textContent = i18n[state] || state;
  if (!connSaid) return;
  if (state === "offline" && !saidOffline) {
    saidOffline = true;
    connSaid.textContent = i18n.offline;
  } else if (state === "live" && saidOffline) {
    saidOffline = false;
    connSaid.textContent = i18n.live;
  }
}

// The match page's one live region: a summary when a game ends or the status changes
// ("Team 1 2 – 1 Team 4"), the last of a burst of updates only, never every change.
const matchSaid = document.querySelector("[data-match-said]");
let sayTimer = null;

function progressOf(match) {
  return `${(match.games || []).length}|${(match.score || []).join(",")}|${(match.placings || []).length}`;
}

function announce(match) {
  if (!matchSaid || String(match.id) !== matchSaid.dataset.matchSaid) return;
  const statusChanged = match.status !== matchSaid.dataset.status;
  const progressed = progressOf(match) !== matchSaid.dataset.progress;
  // annulled, or counted again (a withdrawal, the stage's rule changed, a forfeit undone)
  const annulled = match.annulled ? "yes" : "no";
  const voided = annulled !== matchSaid.dataset.saidAnnulled;
  matchSaid.dataset.status = match.status;
  matchSaid.dataset.progress = progressOf(match);
  matchSaid.dataset.saidAnnulled = annulled;
  if (!statusChanged && !progressed && !voided) return;
  const drawn = match.status === "completed" && match.draw;
  const parts = [];
  if (statusChanged) parts.push(drawn ? i18n.draw : (i18n.status || {})[match.status] || "");
  const two = match.teams.length === 2 && !match.placings;
  if (two && ["live", "completed"].includes(match.status)
      && match.teams[0] != null && match.teams[1] != null) {
    const shownPair = shownScore(match);
    const score = [0, 1].map((i) => scoreText(match, i, shownPair));
    parts.push(`${sideName(match, 0).name} ${score[0]} – ${score[1]} ${sideName(match, 1).name}`);
  }
  if (voided && match.annulled) parts.push(annulledWhy(match));
  const text = parts.filter(Boolean).join(" · ");
  if (!text) return;
  clearTimeout(sayTimer);
  sayTimer = setTimeout(() => { matchSaid.textContent = text; }, 800);
}

// Why an annulled result does not count, naming the side(s) that withdrew or were
// disqualified, as the match page says it (words.left_said: the same messages); without a
// name when the page knows of no withdrawal among its sides.
function annulledWhy(match) {
  const said = i18n.annulled_said || {};
  const sides = match.teams.map((id) => (id == null ? null : teams[id]));
  return leftSaid(said, sides, document.documentElement.lang || "en") || i18n.annulled;
}

// A side's score as shown (the server's _match.html and _match_hero.html say it alike): FF
// for the side that forfeited; the winner of a walkover with nothing counted shows W (a
// "0" beside FF read as a lost nil).
function scoreText(match, i, shownPair) {
  if (match.forfeit && match.forfeited_by === i + 1) return i18n.FF || "FF";
  if (match.forfeit && match.winner === i + 1 && !shownPair[i]) return i18n.W || "W";
  return String(shownPair[i]);
}

// A team renamed or withdrawn (event.updated names it, as the server's map would now):
// later match updates draw its new name, not the one the page was loaded with.
function learnTeam(team) {
  if (!team || team.id == null) return;
  const lang = document.documentElement.lang || "en";
  const flag = (team.nation || "").toUpperCase();
  teams[team.id] = { name: (team.names || {})[lang] || team.name, flag,
    nation: nationWords[flag] ?? regionName(flag), withdrawn: !!team.withdrawn,
    reason: team.withdrawn ? team.withdrawn_reason || "withdrawn" : null };
}

// A nation no team of the page had when it was drawn (a team moved to China on a Korea–Japan
// page): the browser's own CLDR names, as the server's (Babel's) are; the code if it has none.
function regionName(code) {
  if (!code) return "";
  try {
    const lang = document.documentElement.lang || "en";
    return new Intl.DisplayNames([lang], { type: "region" }).of(code) || code;
  } catch {
    return code;
  }
}
// A part fetched again may draw teams the page was not loaded with (a now-on overlay moving
// on to the next match): it names them in a <script data-teams>, learned here, so a later
// score of that match draws their names, not "#id".
document.addEventListener("tournament:redrawn", () => {
  for (const el of document.querySelectorAll("script[data-teams]")) {
    Object.assign(teams, JSON.parse(el.textContent || "{}"));
  }
});

// A stage, event or tournament renamed (its stage.updated, event.updated or
// tournament.updated carries its names): every place the page draws its name
// ([data-name-of="stage:3"]: a heading, a crumb, an event card) and the page's title, whose
// parts' names the server lists on <title data-names>, as a reload would draw them.
const titleNames = JSON.parse(document.querySelector("title")?.dataset.names || "{}");

function rename(kind, thing) {
  if (!thing || thing.id == null) return;
  const lang = document.documentElement.lang || "en";
  const name = (thing.names || {})[lang] || thing.name;
  if (!name) return;
  const key = `${kind}:${thing.id}`;
  for (const el of document.querySelectorAll(`[data-name-of="${key}"]`)) {
    if (el.textContent !== name) el.textContent = name;
  }
  const old = titleNames[key];
  if (old !== undefined && old !== name && document.title.includes(old)) {
    document.title = document.title.replace(old, name);
  }
  if (old !== undefined) titleNames[key] = name;
}

function sideName(match, i) {
  const id = match.teams[i];
  if (id != null && teams[id]) return teams[id];
  if (id != null) return { name: `#${id}`, flag: "" };
  return { name: match.status === "completed" ? i18n.bye : i18n.tbd, flag: "", empty: true };
}

// The score people expect: a one-game match with its game's own score (a 2-0 football win,
// a 13-9 map) shows that score, any other match its series score (web/words.py, the same).
export function shownScore(match) {
  const games = match.games || [];
  return match.best_of === 1 && games.length === 1 ? games[0] : match.score;
}

function applyMatch(match, flash = true) {
  const drawn = match.status === "completed" && match.draw;
  const shownPair = shownScore(match);
  // the match page's link for its referee: a finished match's result is corrected there
  for (const link of document.querySelectorAll(`[data-enter-result="${match.id}"]`)) {
    link.textContent = match.status === "completed" ? link.dataset.correct : link.dataset.enter;
  }
  for (const el of document.querySelectorAll(`[data-match="${match.id}"]`)) {
    el.dataset.status = match.status;
    el.className = el.className.replace(/\bstatus-\w+/, `status-${match.status}`);
    el.classList.toggle("is-draw", drawn);
    // a withdrawn team's result its stage strikes out, or counts again: struck through
    // (site.css) and its word shown or hidden; a part drawn without the word gets it when
    // follow.js fetches it again (stage.updated, which such a change always sends)
    el.classList.toggle("annulled", !!match.annulled);
    for (const note of el.querySelectorAll("[data-annulled-note]")) note.hidden = !match.annulled;
    const badge = el.querySelector("[data-badge]");
    if (badge) badge.textContent = match.status === "live" ? i18n.LIVE : drawn ? i18n.draw : "";
    const label = el.querySelector("[data-status-label]");
    if (label) {
      label.textContent = drawn ? i18n.draw : (i18n.status || {})[match.status] || "";
      // beside the LIVE badge the pill says nothing more (the match page's hero)
      if (badge) label.hidden = match.status === "live";
    }
    const played = el.querySelector("[data-games-played]"); // a free-for-all lobby
    if (played && match.placings) played.textContent = String(match.placings.length);
    const bothKnown = match.teams[0] != null && match.teams[1] != null;
    el.querySelectorAll("[data-side]").forEach((side) => {
      const i = Number(side.dataset.side);
      const who = sideName(match, i);
      const name = side.querySelector("[data-name]");
      // an empty knockout slot says what fills it ("Winner of M5"), as the server drew it
      const waiting = who.empty && match.status !== "completed" && name?.dataset.tbd;
      if (name && !name.querySelector("a")) {
        // a card's team name breaks between its words ([data-phrases]), as the server's
        if (name.hasAttribute("data-phrases") && !waiting && !who.empty) putPhrases(name, who.name);
        else name.textContent = waiting || who.name;
      }
      const flag = side.querySelector("[data-flag]");
      if (flag) {
        flag.textContent = who.flag || "";
        // the badge's colour follows its nation (KR, JP and CN told apart: site.css)
        flag.className = flag.className.replace(/\bn-\w*/, `n-${who.flag || ""}`);
        // read as the nation in words, as the server draws it (pages.render nation_label)
        if (who.flag) {
          flag.setAttribute("role", "img");
          flag.setAttribute("aria-label", who.nation || who.flag);
        } else {
          flag.removeAttribute("role");
          flag.removeAttribute("aria-label");
        }
      }
      const score = side.querySelector("[data-score]");
      const shown = ["live", "completed"].includes(match.status) && bothKnown;
      if (score) score.textContent = !shown ? "" : scoreText(match, i, shownPair);
      // the match page's big score: "vs" until the match is played by two teams (a bye or an
      // unplayed match has no 0 – 0), as the server draws it
      const scoreAlt = el.querySelector(`[data-score-${i}]`);
      const played = ["live", "completed"].includes(match.status) && bothKnown;
      if (scoreAlt) scoreAlt.textContent = !played ? "" : scoreText(match, i, shownPair);
      const hero = el.querySelector("[data-hero-score]");
      if (hero && i === 0) {
        hero.classList.toggle("unplayed", !played);
        hero.querySelector(".dash").textContent = played ? "–" : "vs";
      }
      if (hero && i === 1) { // "Score 1 to 1" said, the digits hidden from a screen reader
        const said = [0, 1].map((j) => scoreText(match, j, shownPair));
        const words = hero.querySelector("[data-score-said]");
        if (words) {
          words.textContent = played
            ? (i18n.score_said || "Score %s to %s").replace("%s", said[0]).replace("%s", said[1])
            : "";
        }
        for (const digits of hero.querySelectorAll(".dash, [data-score-0], [data-score-1]")) {
          if (played) digits.setAttribute("aria-hidden", "true");
          else digits.removeAttribute("aria-hidden");
        }
      }
      const won = match.status === "completed" && match.winner === i + 1;
      side.classList.toggle("won", won);
      const wonSaid = side.querySelector("[data-won-said]"); // a bracket card says who won
      if (wonSaid) wonSaid.textContent = won ? ` ${i18n.won || "(won)"}` : "";
      side.classList.toggle("lost", match.status === "completed" && match.winner != null
        && match.winner !== i + 1 && bothKnown);
      side.classList.toggle("drawn", drawn);
      side.classList.toggle("tbd", !!who.empty && match.status !== "completed");
      side.classList.toggle("bye", !!who.empty && match.status === "completed");
    });
    if (flash) {
      el.classList.add("flash");
      setTimeout(() => el.classList.remove("flash"), 900);
    }
  }
}

function applyStage(stage, flash = true) {
  for (const el of document.querySelectorAll(`[data-stage-status="${stage.id}"]`)) {
    el.textContent = (i18n.stage_status || {})[stage.status] || "";
    el.className = el.className.replace(/\bstatus-\w+/, `status-${stage.status}`);
  }
  for (const match of stage.matches || []) applyMatch(match, flash);
}

// A snapshot (the page was away longer than the server keeps events) replaces what the page
// shows: every match in place; listeners of "tournament:snapshot" redraw the rest.
function applySnapshot(message) {
  for (const event of message.data?.events || []) (event.teams || []).forEach(learnTeam);
  rename("tournament", message.data);
  for (const event of message.data?.events || []) rename("event", event);
  const stages = message.data?.stages || [];
  for (const stage of stages) {
    rename("stage", stage);
    applyStage(stage, false);
    for (const match of stage.matches || []) announce(match);
  }
  lastSeq = message.seq;
  body.dataset.seq = String(lastSeq);
  document.dispatchEvent(new CustomEvent("tournament:snapshot", { detail: message }));
}

function handle(message) {
  if (message.type === "pong") return;
  if (message.type === "snapshot") {
    applySnapshot(message);
    return;
  }
  if (typeof message.seq !== "number" || message.seq <= lastSeq) return; // duplicate
  if (message.seq > lastSeq + 1) { // a gap: reopen; the server replays from lastSeq
    restart();
    return;
  }
  lastSeq = message.seq;
  body.dataset.seq = String(lastSeq);
  if (message.type === "match.updated") {
    applyMatch(message.data);
    announce(message.data);
  } else if (message.type === "stage.updated") {
    rename("stage", message.data);
    applyStage(message.data);
    for (const match of message.data.matches || []) announce(match);
  } else if (message.type === "event.updated") {
    rename("event", message.data);
    learnTeam(message.data.team);
  } else if (message.type === "tournament.updated") {
    rename("tournament", message.data);
    for (const event of message.data.events || []) rename("event", event);
  }
  document.dispatchEvent(new CustomEvent("tournament:event", { detail: message }));
}

function clearTimers() {
  clearInterval(pingTimer);
  clearTimeout(deadTimer);
  clearTimeout(stableTimer);
  pingTimer = deadTimer = stableTimer = null;
}

function restart() {
  if (socket) socket.close(4000, "resync"); // onclose reconnects
}

function schedule(delay) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => { retryTimer = null; connect(); }, delay);
}

function connect() {
  if (socket || !slug) return;
  if (!navigator.onLine) { setConn("offline"); return; }
  const proto = location.protocol === "https:" ? "wss" : "ws";
  const ws = new WebSocket(`${proto}://${location.host}/ws/tournaments/`
    + `${encodeURIComponent(slug)}?since=${lastSeq}`);
  socket = ws;
  ws.onopen = () => {
    setConn("live");
    stableTimer = setTimeout(() => { attempt = 0; }, STABLE_AFTER);
    pingTimer = setInterval(() => {
      if (ws.readyState !== WebSocket.OPEN) return;
      ws.send('{"type":"ping"}');
      if (!deadTimer) deadTimer = setTimeout(() => ws.close(4001, "no pong"), PONG_WITHIN);
    }, PING_EVERY);
  };
  ws.onmessage = (event) => {
    clearTimeout(deadTimer);
    deadTimer = null;
    try { handle(JSON.parse(event.data)); } catch (err) { console.error(err); }
  };
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = null;
    clearTimers();
    if (!navigator.onLine) { setConn("offline"); return; }
    setConn("reconnecting");
    if (RESTART_CODES.includes(event.code) || event.code === 4000) {
      schedule(Math.random() * 1000); // another server is ready now; spread the herd
      return;
    }
    attempt += 1;
    const cap = Math.min(MAX_WAIT, 500 * 2 ** Math.min(attempt, 6));
    schedule(cap / 2 + Math.random() * cap / 2); // exponential backoff with jitter
  };
}

window.addEventListener("online", () => { attempt = 0; schedule(Math.random() * 1000); });
window.addEventListener("offline", () => {
  setConn("offline");
  if (socket) socket.close(4002, "offline");
});
document.addEventListener("visibilitychange", () => {
  // Phones suspend background tabs: on return, reconnect at once instead of waiting.
  if (document.visibilityState === "visible" && !socket && retryTimer) schedule(0);
});
if (slug) connect();
