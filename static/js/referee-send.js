// Sending a save: one request, retried with the SAME Idempotency-Key and body after a
// network error or a 503, so a save that reached the server before the network failed is
// applied once (a retry of an applied one gets the first answer back).

export function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

// Waits ms, or less: a retry waiting out its backoff goes at once when the browser is back
// online (a referee whose phone found the network again is not kept waiting up to 8 s).
function pause(ms) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener("online", done);
  });
}

// Sends body as JSON with the session's X-CSRF-Token (csrf), the key and If-Match (version)
// when given. Resolves with {status, json}; status 0 when no answer came after 6 tries
// (onRetry(n) is told before the n-th retry, waits growing from 0.5 s to 8 s, cut short
// when the browser comes back online).
export async function send(url, body, { csrf, key, version, method = "PATCH", onRetry = () => {} } = {}) {
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
    onRetry(attempt + 1);
    await pause(Math.min(8000, 500 * 2 ** attempt));
  }
}

// Who changed the match last, as a 409's changed_by says it ({id, name, at, action; for
// a change made by another match's correction, match.repair: its cause and whether it
// reset a result here}) from its audit's last entry, or null.
export async function lastChange(matchId) {
  try {
    const r = await fetch(`/api/matches/${matchId}/audit?limit=1`, { credentials: "same-origin" });
    if (r.ok) {
      const entry = (await r.json()).items[0];
      if (entry) {
        const before = entry.before || {};
        const played = ["live", "completed"].includes(before.status) && !(before.teams || [null]).includes(null);
        return { id: entry.actor.id, name: entry.actor.name, at: entry.at, action: entry.action,
                 cause: entry.after?.cause || null, reset: played };
      }
    }
  } catch { /* the name is a courtesy */ }
  return null;
}

// The stored match as the server has it now, or null (no answer: the feed will bring it).
export async function storedMatch(matchId) {
  try {
    const r = await fetch(`/api/matches/${matchId}`, { credentials: "same-origin", cache: "no-store" });
    if (r.ok) return await r.json();
  } catch { /* the feed will bring it */ }
  return null;
}
