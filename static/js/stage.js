// Keeps every stage shown on the page whole: when a round is paired, a stage starts or
// finishes, or a result moves the standings, the stage's body is fetched again and swapped
// in (debounced, with jitter so thousands of spectators do not ask at the same instant).

const timers = new Map();
const lang = document.documentElement.lang || "en";

async function refresh(stageId) {
  timers.delete(stageId);
  const section = document.querySelector(`[data-stage="${stageId}"]`);
  if (!section) return;
  try {
    const response = await fetch(`/stages/${stageId}?fragment=1&lang=${lang}`);
    if (!response.ok) return;
    const template = document.createElement("template");
    template.innerHTML = (await response.text()).trim();
    const fresh = template.content.firstElementChild;
    if (fresh) section.replaceWith(fresh);
  } catch (err) {
    console.warn("stage refresh failed", err);
  }
}

function schedule(stageId, soon = false) {
  if (!document.querySelector(`[data-stage="${stageId}"]`) || timers.has(stageId)) return;
  const delay = (soon ? 150 : 600) + Math.random() * 900;
  timers.set(stageId, setTimeout(() => refresh(stageId), delay));
}

document.addEventListener("tournament:event", (event) => {
  const { type, data } = event.detail;
  if (type === "stage.updated") schedule(data.id, true);
  else if (type === "match.updated") {
    const known = document.querySelector(`[data-stage="${data.stage_id}"] [data-match="${data.id}"]`);
    if (!known || data.status === "completed") schedule(data.stage_id, !known);
  }
});

// The nation table on the tournament's home page follows tournament.updated.
const regionNames = typeof Intl.DisplayNames === "function"
  ? new Intl.DisplayNames([lang], { type: "region" }) : null;

function cell(text, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  td.textContent = text;
  return td;
}

document.addEventListener("tournament:event", (event) => {
  const { type, data } = event.detail;
  const table = document.querySelector("[data-nations] tbody");
  if (type !== "tournament.updated" || !table || !Array.isArray(data.nations)) return;
  table.replaceChildren(...data.nations.map((n) => {
    const row = document.createElement("tr");
    const name = cell("");
    const flag = document.createElement("span");
    flag.className = "flag";
    flag.textContent = n.nation;
    name.append(flag, ` ${regionNames ? regionNames.of(n.nation) : n.nation}`);
    row.append(cell(String(n.rank)), name, cell(String(n.points), "num"),
               cell(String(n.event_wins), "num"), cell(`${n.match_wins}–${n.match_losses}`, "num"));
    return row;
  }));
});

// After a snapshot (the client was too far behind for a replay) every stage is refetched.
document.addEventListener("tournament:snapshot", () => {
  for (const section of document.querySelectorAll("[data-stage]")) {
    schedule(Number(section.dataset.stage), true);
  }
});
