// Live updates for every page of a tournament: one websocket, resumed with ?since=<seq>.
// Applies match.updated to every element with data-match="<id>"; never reloads the page.

const body = document.body;
const slug = body.dataset.tournament;
const i18n = JSON.parse(document.getElementById("i18n")?.textContent || "{}");
const teams = JSON.parse(document.getElementById("teams")?.textContent || "{}");
const conn = document.querySelector("[data-conn]");
let lastSeq = Number(body.dataset.seq || 0);
let attempt = 0;
let socket = null;

function setConn(state) {
  if (!conn) return;
  conn.dataset.conn = state;
  const label = conn.querySelector("[data-conn-label]");
  if (label) label.textContent = i18n[state] || state;
}

function sideName(match, i) {
  const id = match.teams[i];
  if (id != null && teams[id]) return teams[id];
  if (id != null) return { name: `#${id}`, flag: "" };
  return { name: match.status === "completed" ? i18n.bye : i18n.tbd, flag: "", empty: true };
}

function applyMatch(match) {
  for (const el of document.querySelectorAll(`[data-match="${match.id}"]`)) {
    el.dataset.status = match.status;
    el.className = el.className.replace(/\bstatus-\w+/, `status-${match.status}`);
    const badge = el.querySelector("[data-badge]");
    if (badge) badge.textContent = match.status === "live" ? i18n.LIVE : "";
    const label = el.querySelector("[data-status-label]");
    if (label) label.textContent = i18n[match.status === "live" ? "live" : match.status] || "";
    const bothKnown = match.teams[0] != null && match.teams[1] != null;
    el.querySelectorAll("[data-side]").forEach((side) => {
      const i = Number(side.dataset.side);
      const who = sideName(match, i);
      const name = side.querySelector("[data-name]");
      if (name && !name.querySelector("a")) name.textContent = who.name;
      const flag = side.querySelector("[data-flag]");
      if (flag) flag.textContent = who.flag || "";
      const score = side.querySelector("[data-score]");
      const shown = ["live", "completed"].includes(match.status) && bothKnown;
      if (score) {
        score.textContent = !shown ? "" :
          match.forfeit && match.forfeited_by === i + 1 ? "FF" : String(match.score[i]);
      }
      const scoreAlt = el.querySelector(`[data-score-${i}]`);
      if (scoreAlt) scoreAlt.textContent = String(match.score[i]);
      side.classList.toggle("won", match.status === "completed" && match.winner === i + 1);
      side.classList.toggle("lost", match.status === "completed" && match.winner != null
        && match.winner !== i + 1 && bothKnown);
      side.classList.toggle("tbd", !!who.empty && match.status !== "completed");
      side.classList.toggle("bye", !!who.empty && match.status === "completed");
    });
    el.classList.add("flash");
    setTimeout(() => el.classList.remove("flash"), 900);
  }
}

function applyStage(stage) {
  for (const el of document.querySelectorAll(`[data-stage-status="${stage.id}"]`)) {
    el.textContent = stage.status;
    el.className = el.className.replace(/\bstatus-\w+/, `status-${stage.status}`);
  }
  for (const match of stage.matches || []) applyMatch(match);
}

function handle(message) {
  if (message.type === "pong") return;
  if (message.type === "snapshot") {
    // Too far behind for a replay: the page is rebuilt from the server's current state.
    location.reload();
    return;
  }
  if (typeof message.seq !== "number" || message.seq <= lastSeq) return; // duplicate
  lastSeq = message.seq;
  body.dataset.seq = String(lastSeq);
  if (message.type === "match.updated") applyMatch(message.data);
  else if (message.type === "stage.updated") applyStage(message.data);
  document.dispatchEvent(new CustomEvent("tournament:event", { detail: message }));
}

function connect() {
  const proto = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${proto}://${location.host}/ws/tournaments/${encodeURIComponent(slug)}?since=${lastSeq}`);
  socket.onopen = () => { attempt = 0; setConn("live"); };
  socket.onmessage = (event) => {
    try { handle(JSON.parse(event.data)); } catch (err) { console.error(err); }
  };
  socket.onclose = () => {
    socket = null;
    if (!navigator.onLine) { setConn("offline"); return; }
    setConn("reconnecting");
    attempt += 1;
    const base = Math.min(30000, 500 * 2 ** Math.min(attempt, 6));
    setTimeout(connect, base / 2 + Math.random() * base / 2); // backoff with jitter
  };
}

window.addEventListener("online", () => { if (!socket) connect(); });
window.addEventListener("offline", () => setConn("offline"));
setInterval(() => {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
}, 25000);
if (slug) connect();
