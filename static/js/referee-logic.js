// What the referee console sends, computed from the STORED match (never from an empty
// form): adding a game to a series, undoing the last one, finishing, forfeiting. Pure
// functions, no DOM; referee.js draws and saves.
//
// A series score without a per-game list (entered as "2-1" by someone else) is kept: the
// next game then raises that score (2-1 -> 3-1) instead of starting a game list at 1-0, so
// only its winner is asked for (a game score or map would have nowhere to go), and a
// mistake is undone by taking one game win off a side.

export const need = (bestOf) => Math.floor(bestOf / 2) + 1;

export function winnerOf([a, b]) {
  return a > b ? 1 : b > a ? 2 : 0;
}

export function seriesFromGames(scores) {
  const s = [0, 0];
  for (const g of scores) {
    const w = winnerOf(g);
    if (w) s[w - 1] += 1;
  }
  return s;
}

// Games were entered only as a series score: there is a score but no list of games.
export function seriesOnly(match) {
  return (match.games || []).length === 0 && match.score[0] + match.score[1] > 0;
}

// The finished games (a game in play, the last of a live match's games, is not one).
export function storedGames(match) {
  const maps = match.maps || [];
  const all = (match.games || []).map((score, i) => ({ score: [...score], map: maps[i] || null }));
  return match.game_in_play ? all.slice(0, -1) : all;
}

// The game being played (its score saved, not counted yet), or null.
export function gameInPlay(match) {
  const games = match.games || [];
  if (!match.game_in_play || !games.length) return null;
  return { score: [...games[games.length - 1]], map: (match.maps || [])[games.length - 1] || null };
}

// Whether the boxes' game (typed()) is the game in play as stored (a score the boxes took from
// it, or saved since, and not typed over): nothing there is the referee's unsaved input.
// maps: whether the console has a map box (without one, a typed game has no map).
export function isStoredPlay(game, match, maps) {
  const playing = gameInPlay(match);
  if (!game?.score || !playing) return false;
  return game.score[0] === playing.score[0] && game.score[1] === playing.score[1]
    && (!maps || (game.map || null) === playing.map);
}

// The series score once the game in play counts (finishing the match ends it).
export function countedScore(match) {
  return gameInPlay(match) ? seriesFromGames(match.games) : [...match.score];
}

export function nextGameNumber(match) {
  return seriesOnly(match) ? match.score[0] + match.score[1] + 1 : storedGames(match).length + 1;
}

function gamesPayload(games) {
  if (games.some((g) => g.map || g.live)) {
    return games.map((g) => ({ score: g.score, ...(g.map ? { map: g.map } : {}),
                               ...(g.live ? { live: true } : {}) }));
  }
  return games.map((g) => g.score);
}

// The match after a change, as far as the console can tell before the server answers:
// its series score and how many games it lists.
export function outcome(match, payload) {
  if (payload.forfeit) return { score: [0, 0], games: 0 };
  if (payload.games) {
    const finished = payload.games.filter((g) => !g.live); // a game in play counts nowhere
    return { score: seriesFromGames(finished.map((g) => g.score || g)), games: payload.games.length };
  }
  if (payload.score) return { score: payload.score, games: (match.games || []).length };
  return { score: [...match.score], games: (match.games || []).length };
}

// Adding the game that was typed. Returns {error} for a tied game where the stage has no
// draws; otherwise the payload, the score after it, and whether it decides the match.
export function addGame(match, game, allowDraws) {
  const w = winnerOf(game.score);
  if (!w && !allowDraws) return { error: "tied" };
  const bestOf = match.best_of;
  let score;
  let payload;
  let played;
  if (seriesOnly(match)) {
    score = [...match.score];
    if (w) score[w - 1] += 1;
    played = score[0] + score[1];
    payload = { score };
  } else {
    const games = [...storedGames(match), { score: game.score, map: game.map || null }];
    score = seriesFromGames(games.map((g) => g.score));
    played = games.length;
    payload = { games: gamesPayload(games) };
  }
  const decided = Math.max(...score) >= need(bestOf) || played >= bestOf;
  payload.status = decided ? "completed" : "live";
  return { payload, score, decided, draw: decided && score[0] === score[1] };
}

// Saving the score of the game being played (the next game, sent with "live": it is shown,
// not counted; saving it as a game, or finishing the match, ends it).
export function playGame(match, game) {
  const games = [...storedGames(match), { score: game.score, map: game.map || null, live: true }];
  return { payload: { games: gamesPayload(games), status: "live" } };
}

// Correcting game `number` (1-based) of the stored list to the game typed: the games
// after it stay unless the corrected series is decided before them (those are dropped:
// a 2-0 whose first game becomes 0-1 goes on at 1-1; a 2-1 whose second game flips is
// decided 2-0 and loses its third). Returns {error} for a tied game where the stage has
// no draws, or for a game that is no longer stored.
export function replaceGame(match, number, game, allowDraws) {
  const w = winnerOf(game.score);
  if (!w && !allowDraws) return { error: "tied" };
  const all = storedGames(match);
  if (!Number.isInteger(number) || number < 1 || number > all.length) return { error: "gone" };
  const old = all[number - 1];
  all[number - 1] = { score: [...game.score], map: game.map || null };
  const kept = [];
  let decided = false;
  for (const g of all) {
    kept.push(g);
    const s = seriesFromGames(kept.map((x) => x.score));
    if (Math.max(...s) >= need(match.best_of) || kept.length >= match.best_of) { decided = true; break; }
  }
  const score = seriesFromGames(kept.map((g) => g.score));
  // a finished level series where the stage allows draws stays finished, as it was
  const finished = decided || (match.status === "completed" && allowDraws
    && score[0] === score[1] && kept.length === all.length);
  const playing = gameInPlay(match); // goes on being played unless the series is decided
  const sent = playing && !finished ? [...kept, { ...playing, live: true }] : kept;
  return {
    payload: { games: gamesPayload(sent), status: finished ? "completed" : "live" },
    score, old, decided: finished, dropped: all.length - kept.length,
    draw: finished && score[0] === score[1],
  };
}

export function undoGame(match) {
  const games = storedGames(match);
  const playing = gameInPlay(match); // the game in play goes first
  if (playing) {
    return { payload: { games: gamesPayload(games), status: "live" }, removed: playing, number: games.length + 1 };
  }
  if (!games.length) return null;
  const removed = games.pop();
  return { payload: { games: gamesPayload(games), status: "live" }, removed, number: games.length + 1 };
}

// Finishing at the stored score: only when the series is decided, or level where the
// stage allows draws.
export function canFinish(match, allowDraws) {
  const [a, b] = countedScore(match);
  return Math.max(a, b) >= need(match.best_of) || (allowDraws && a === b);
}

// Would saving this lower a side's series score or drop recorded games?
export function losses(match, payload) {
  const after = outcome(match, payload);
  const lower = after.score[0] < match.score[0] || after.score[1] < match.score[1];
  const dropped = Math.max(0, (match.games || []).length - after.games);
  return { lower, dropped, after };
}

// A change to a completed match that alters its result (the server may reset matches
// that depended on it: preview first).
export function isCorrection(match, payload) {
  if (match.status !== "completed") return false;
  if (payload.forfeit) return true;
  const after = outcome(match, payload);
  const status = payload.status || match.status;
  return status !== "completed" || after.score[0] !== match.score[0] || after.score[1] !== match.score[1];
}

// Taking one game win off side i (0 or 1) of a series-score-only match; null when it has none.
export function removeWin(match, i) {
  if (!seriesOnly(match) || match.score[i] < 1) return null;
  const score = [...match.score];
  score[i] -= 1;
  return { payload: { score, status: "live" }, score };
}

export const scoreText = (s) => `${s[0]} – ${s[1]}`;

// The score people expect to see, as the public pages show it (layout.shown_score): a
// one-game match with its game's own score shows that score (a 2-2 football draw, a 13-9
// map), any other match its series score.
export function shownScore(m) {
  const games = m.games || [];
  return m.best_of === 1 && games.length === 1 ? [...games[0]] : [...m.score];
}

// A side's score as the public pages show it (layout.score_texts; live.js scoreText is the
// other copy): FF for the side that forfeited, W for a walkover's winner with nothing
// counted (not a 0 beside FF), otherwise its shown score.
// ``ff``, ``w``: the page's words for them (기권/棄権/FF, 승/勝/W)
export function sideText(m, i, ff = "FF", w = "W") {
  const shown = shownScore(m)[i];
  if (m.forfeit && m.forfeited_by === i + 1) return ff;
  if (m.forfeit && m.winner === i + 1 && !shown) return w;
  return String(shown);
}
export const matchScoreText = (m, ff = "FF", w = "W") => `${sideText(m, 0, ff, w)} – ${sideText(m, 1, ff, w)}`;
