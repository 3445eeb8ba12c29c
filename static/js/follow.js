// Keeps every part of a page that the live feed cannot patch in place whole, by fetching
// that part again from the server (the same template that drew it) and swapping it in:
//
//   [data-stage=ID]            a stage's body: when a round is paired, the stage starts or
//                              finishes, or a result moves the standings;
//   [data-follow="team:ID"]    a team's next match and schedule: any change to its matches;
//   [data-follow="match:ID"]   a match page's score, games and status;
//   [data-follow="now"]        a "now on" overlay's match (data-station, data-stage-id: where
//                              it looks): on any change of the match it shows, and when a
//                              match there changes status or time (the server then picks
//                              the match to show again: the next one, once this one ends);
//   [data-follow="spotlight"]  the home page's live and next matches (those to come
//                              whether or not their teams are known: "Winner of M2");
//   [data-follow="nations"]    the nation table and head-to-head: on tournament.updated,
//                              and when a two-team match is decided or undone (a match
//                              between nations moves the head-to-head; the server sends
//                              no tournament.updated for a single result);
//   [data-follow="events"]     the tournament's event cards with their champions, and
//   [data-follow="champion"]   an event page's champion: on tournament.updated (sent when a
//                              stage finishes or reopens), the cards also on event.updated
//                              (an event renamed);
//   [data-follow="stages:ID"]  an event page's stages: on stage.updated of a stage of that
//                              event it does not draw (added, or started from a draft), and
//                              on event.updated with stage_removed;
//   [data-follow="entrants:ID"] an event page's team list (and the console's, its table
//                              with seeds and players): on that event's event.updated
//                              (a team withdrew, was renamed, imported or deleted), and
//   [data-follow="team-head:ID"] a team page's heading (and title), and
//   [data-follow="team-roster:ID"] its players: on event.updated naming the team (sent
//                              when it withdraws, is renamed or its roster changes); such an
//                              event also refetches every stage, match, the home page's
//                              matches and the champions: any of them may draw its name.
//   any follower that says where a match is played ([data-where]): on tournament.updated
//                              whose venues or stations differ from those the page was
//                              drawn with (a name in the page's language changed).
//
// Fetches are debounced, with jitter so thousands of spectators do not ask at the same
// instant; the server renders each version once (its cache is keyed by the feed's seq).

const timers = new Map();
// Each key's latest fetch: an answer to an older one (asked before a later change, slower
// than the fetch that change asked for) is dropped, never drawn over the newer one.
const latest = new Map();
const lang = document.documentElement.lang || "en";

async function swap(key, find, url, whole) {
  timers.delete(key);
  const target = find();
  if (!target) return;
  const asked = (latest.get(key) || 0) + 1;
  latest.set(key, asked);
  try {
    const response = await fetch(url);
    // a console part asked for after the session ended answers the sign-in page: kept
    if (!response.ok || response.redirected) return;
    const text = await response.text();
    if (latest.get(key) !== asked) return;
    const template = document.createElement("template");
    template.innerHTML = text.trim();
    const current = find();
    if (!current) return;
    // a match's fragment carries the page's title (its teams change as the bracket moves)
    const titled = template.content.querySelector("[data-title]");
    if (titled) {
      document.title = titled.dataset.title;
      titled.remove();
    }
    if (whole) {
      const fresh = template.content.firstElementChild;
      if (fresh) current.replaceWith(fresh);
    } else {
      current.replaceChildren(template.content);
    }
    document.dispatchEvent(new CustomEvent("tournament:redrawn", { detail: { key } }));
  } catch (err) {
    console.warn("refresh failed", key, err);
  }
}

function later(key, run, soon) {
  if (timers.has(key)) return;
  const delay = (soon ? 150 : 600) + Math.random() * 900;
  timers.set(key, setTimeout(run, delay));
}

function refreshStage(stageId, soon = false) {
  const find = () => document.querySelector(`[data-stage="${stageId}"]`);
  if (!find()) return;
  // an overlay draws its stage compact: it names the fragment to fetch (data-fragment)
  const base = find().dataset.fragment || `/stages/${stageId}?fragment=1`;
  later(`stage:${stageId}`, () => swap(`stage:${stageId}`, find, `${base}&lang=${lang}`, true),
    soon);
}

function refreshFollower(el, soon = false) {
  const key = el.dataset.follow;
  const find = () => document.querySelector(`[data-follow="${key}"]`);
  const url = `${el.dataset.fragment}&lang=${lang}`;
  later(key, () => swap(key, find, url, false), soon);
}

// Each match's status as last seen (drawn on the page, then on the feed). A match that is
// decided, or was decided and no longer is (a correction: an undo, a forfeit withdrawn),
// moves the standings and the nations' head-to-head. live.js patches the page before this
// script hears the event, so the page's own statuses are read once, up front.
const seen = new Map();
for (const el of document.querySelectorAll("[data-match][data-status]")) {
  seen.set(String(el.dataset.match), el.dataset.status);
}

function changesResult(match) {
  const before = seen.get(String(match.id));
  seen.set(String(match.id), match.status);
  return match.status === "completed" || before === "completed"
    ? true : before === undefined ? null : false;
}

// A two-team match first seen on the feed live or ready may be a decided one reopened:
// for the head-to-head it counts too (the nation table draws no matches to read).
function movesNations(match, changed) {
  if (match.placings || match.teams.length !== 2) return false; // a lobby: no head-to-head
  return changed ?? match.status !== "pending";
}

const ON_TOURNAMENT = new Set(["nations", "events", "champion"]);
// followers that draw teams by name (a match, the home page's matches, champions)
const NAMES_TEAMS = /^(match:\d+|spotlight|events|champion|now)$/;

// What a now-on overlay last saw of each match where it looks: its status and time (the
// server's choice among them moves when either does).
const nowSeen = new Map();

function movesNow(match, el) {
  const shown = el.querySelector("[data-match]")?.dataset.match;
  if (String(match.id) === shown) return true;
  const { station, stageId } = el.dataset;
  if (station !== undefined && match.station !== station) return false;
  if (stageId !== undefined && String(match.stage_id) !== stageId) return false;
  const now = `${match.status}|${match.scheduled_at}`;
  const before = nowSeen.get(String(match.id));
  nowSeen.set(String(match.id), now);
  return before !== now;
}

function involves(match, el) {
  const [kind, id] = el.dataset.follow.split(":");
  if (kind === "team") return match.teams.map(String).includes(id);
  if (kind === "match") return String(match.id) === id;
  if (kind === "now") return movesNow(match, el);
  if (kind === "spotlight") {
    return match.status === "live" || !!el.querySelector(`[data-match="${match.id}"]`)
      || ((match.status === "ready" || match.status === "pending") && match.scheduled_at != null);
  }
  return false;
}

document.addEventListener("tournament:event", (event) => {
  const { type, data } = event.detail;
  let changed = null;
  if (type === "stage.updated") {
    for (const match of data.matches || []) seen.set(String(match.id), match.status);
    refreshStage(data.id, true);
  } else if (type === "match.updated") {
    const known = document.querySelector(`[data-stage="${data.stage_id}"] [data-match="${data.id}"]`);
    changed = changesResult(data);
    // a cross table draws a live score too (and marks it live): it follows every change
    const crossed = document.querySelector(`[data-stage="${data.stage_id}"] table.cross a[href^="/matches/${data.id}?"]`);
    if (!known || changed || crossed) refreshStage(data.stage_id, !known);
  }
  // an event's teams changed (one withdrew or was renamed, added by an import, deleted):
  // that event's team list, and a team's own heading and schedule; a team named in the
  // event (renamed, withdrawn) may be drawn anywhere: every stage, match and card
  const entrants = type === "event.updated" ? `entrants:${data.id}` : null;
  const team = type === "event.updated" && data.team ? String(data.team.id) : null;
  if (team) {
    for (const section of document.querySelectorAll("[data-stage]")) {
      refreshStage(Number(section.dataset.stage), true);
    }
  }
  const nations = type === "match.updated" && movesNations(data, changed);
  for (const el of document.querySelectorAll("[data-follow]")) {
    if (type === "tournament.updated" && ON_TOURNAMENT.has(el.dataset.follow)) refreshFollower(el);
    // an event renamed: its card (live.js renames it in place; the card also decides
    // whether to add the game's title beside the name)
    else if (type === "event.updated" && el.dataset.follow === "events") refreshFollower(el);
    // an event page's stages: one it does not draw (added, or started from a draft), or
    // one removed (event.updated with stage_removed)
    else if (type === "stage.updated" && el.dataset.follow === `stages:${data.event_id}`
      && !document.querySelector(`[data-stage="${data.id}"]`)) refreshFollower(el, true);
    else if (type === "event.updated" && data.stage_removed != null
      && el.dataset.follow === `stages:${data.id}`) refreshFollower(el, true);
    else if (entrants && el.dataset.follow === entrants) refreshFollower(el, true);
    else if (team && ([`team-head:${team}`, `team-roster:${team}`, `team:${team}`]
      .includes(el.dataset.follow)
      || NAMES_TEAMS.test(el.dataset.follow))) {
      refreshFollower(el, true);
    }
    else if (nations && el.dataset.follow === "nations") refreshFollower(el);
    else if (type === "match.updated" && involves(data, el)) refreshFollower(el, true);
    else if (type === "stage.updated" && (data.matches || []).some((m) => involves(m, el))) {
      refreshFollower(el, true);
    }
  }
});

// The tournament's venues and stations the page was drawn with (the server lists them on
// <script data-places>), compared with keys in order: the feed's objects may list them
// otherwise.
function canonical(value) {
  return JSON.stringify(value, (_key, x) => (x && typeof x === "object" && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : x));
}
let places = canonical(JSON.parse(
  document.querySelector("script[data-places]")?.textContent || "{}"));

document.addEventListener("tournament:event", (event) => {
  const { type, data } = event.detail;
  if (type !== "tournament.updated" || !Array.isArray(data.venues)) return;
  const now = canonical({ venues: data.venues, stations: data.stations || [] });
  if (now === places) return;
  places = now;
  for (const el of document.querySelectorAll("[data-follow]")) {
    if (el.querySelector("[data-where]")) refreshFollower(el, true);
  }
});

// After a snapshot (the page was too far behind for a replay) everything is fetched again.
document.addEventListener("tournament:snapshot", (event) => {
  for (const stage of event.detail.data?.stages || []) {
    for (const match of stage.matches || []) seen.set(String(match.id), match.status);
  }
  for (const section of document.querySelectorAll("[data-stage]")) {
    refreshStage(Number(section.dataset.stage), true);
  }
  for (const el of document.querySelectorAll("[data-follow]")) refreshFollower(el, true);
});
