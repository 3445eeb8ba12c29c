// The control board redraws its matches from the server (the same template that drew
// them): soon after the live feed reports a change, and every half minute anyway, since
// a match becomes late by the clock alone (and an unpublished tournament has no feed).
// A redraw waits while the organizer is pressing a button or has a confirm open.

const board = document.querySelector("[data-board]");
const EVERY_MS = 30_000;
let timer = null;
let busy = false;

async function redraw() {
  timer = null;
  if (!board || busy) return schedule(2_000);
  try {
    const response = await fetch(board.dataset.fragment, { credentials: "same-origin" });
    if (response.ok && !response.redirected) {
      board.innerHTML = await response.text();
      document.dispatchEvent(new CustomEvent("tournament:redrawn", { detail: { key: "board" } }));
    }
  } catch (err) {
    console.warn("board refresh failed", err);
  }
  schedule(EVERY_MS);
}

function schedule(ms) {
  if (timer) clearTimeout(timer);
  timer = setTimeout(redraw, ms);
}

if (board) {
  board.addEventListener("pointerdown", () => { busy = true; });
  board.addEventListener("submit", () => { busy = true; });
  document.addEventListener("pointerup", () => { setTimeout(() => { busy = false; }, 500); });
  document.addEventListener("tournament:event", (event) => {
    const { type } = event.detail;
    if (type === "match.updated" || type === "stage.updated") schedule(300 + Math.random() * 500);
  });
  document.addEventListener("tournament:snapshot", () => schedule(300));
  schedule(EVERY_MS);
}
