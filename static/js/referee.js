// Referee console: game-by-game entry, saved through the public API with If-Match and an
// Idempotency-Key (a retry after a network error never applies a result twice).

const form = document.getElementById("referee");
const i18n = JSON.parse(document.getElementById("referee-i18n").textContent);
const matchId = form.dataset.matchId;
const bestOf = Number(form.dataset.bestOf);
const tokenInput = form.querySelector("[name=token]");
const errorBox = form.querySelector("[data-error]");
const okBox = form.querySelector("[data-ok]");
const body = form.querySelector("[data-games] tbody");
const series = form.querySelector("[data-series]");
const TOKEN_KEY = "tournament-referee-token";

tokenInput.value = localStorage.getItem(TOKEN_KEY) || "";

function games() {
  return [...body.querySelectorAll("tr")].map((row) =>
    [...row.querySelectorAll("input")].map((input) => input.value === "" ? NaN : Number(input.value)));
}

function seriesScore(list) {
  let a = 0, b = 0;
  for (const [x, y] of list) { if (x > y) a += 1; else if (y > x) b += 1; }
  return [a, b];
}

function refreshSeries() {
  const [a, b] = seriesScore(games().filter((g) => g.every(Number.isFinite)));
  series.textContent = `${a} – ${b}`;
}

function addGame(values = ["", ""]) {
  if (body.children.length >= bestOf) return;
  const row = document.createElement("tr");
  const th = document.createElement("th");
  th.textContent = i18n.game.replace("%d", body.children.length + 1);
  row.append(th);
  for (const value of values) {
    const td = document.createElement("td");
    const input = document.createElement("input");
    Object.assign(input, { type: "number", min: "0", inputMode: "numeric", value });
    td.append(input);
    row.append(td);
  }
  body.append(row);
}

function show(box, text) {
  for (const other of [errorBox, okBox]) other.hidden = true;
  box.textContent = text;
  box.hidden = !text;
}

async function save(payload) {
  const token = tokenInput.value.trim();
  if (!token) { show(errorBox, i18n.token); tokenInput.focus(); return; }
  localStorage.setItem(TOKEN_KEY, token);
  const key = crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2);
  const request = () => fetch(`/api/matches/${matchId}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`,
               "If-Match": form.dataset.version, "Idempotency-Key": key },
    body: JSON.stringify(payload),
  });
  let response;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try { response = await request(); break; } catch (err) {
      await new Promise((resolve) => setTimeout(resolve, 400 * 2 ** attempt));
    }
  }
  if (!response) { show(errorBox, "network error"); return; }
  const data = await response.json();
  if (response.status === 409 && data.match) {
    form.dataset.version = String(data.match.version);
    load(data.match);
    show(errorBox, i18n.conflict);
    return;
  }
  if (!response.ok) {
    const err = data.error || {};
    show(errorBox, `${err.message || response.statusText}${err.code ? ` (${err.code})` : ""}`);
    return;
  }
  form.dataset.version = String(data.version);
  load(data);
  const reset = (data.reset_matches || []).length ? ` ${i18n.reset} ${data.reset_matches.join(", ")}` : "";
  show(okBox, i18n.saved + reset);
}

function load(match) {
  body.replaceChildren();
  for (const g of match.games || []) addGame(g.map(String));
  series.textContent = `${match.score[0]} – ${match.score[1]}`;
}

function gamePayload(status) {
  const list = games();
  if (list.some((g) => !g.every(Number.isFinite))) {
    return { status, score: seriesScore(list.filter((g) => g.every(Number.isFinite))) };
  }
  return list.length ? { status, games: list } : { status, score: [0, 0] };
}

form.addEventListener("input", refreshSeries);
form.addEventListener("click", (event) => {
  const action = event.target.closest("button")?.dataset.action;
  if (!action) return;
  if (action === "add-game") { addGame(); return; }
  if (action === "forfeit-1" || action === "forfeit-2") {
    save({ forfeit: Number(action.slice(-1)) });
    return;
  }
  save(gamePayload(action));
});
if (!body.children.length) addGame();
