// Why an annulled result does not count, naming the side(s) that withdrew or were
// disqualified, by why each left: the server's words.left_said, from the same messages
// (said: unnamed, withdrawn, disqualified, both, each with %(team)s or %(withdrawn)s and
// %(disqualified)s). The match page's live.js and the referee console both say it so.
// sides: {name, withdrawn, reason}; null for a side not known.
export function leftSaid(said, sides, lang) {
  const left = {};
  for (const s of sides) {
    if (!s?.withdrawn) continue;
    (left[s.reason === "disqualified" ? "disqualified" : "withdrawn"] ||= []).push(s.name);
  }
  const reasons = Object.keys(left);
  if (!reasons.length) return said.unnamed;
  const list = new Intl.ListFormat(lang || undefined, { type: "conjunction" });
  const named = Object.fromEntries(reasons.map((r) => [r, list.format(left[r])]));
  const values = reasons.length > 1 ? named : { team: named[reasons[0]] };
  return (reasons.length > 1 ? said.both : said[reasons[0]])
    .replace(/%\((\w+)\)s/g, (_, k) => values[k] ?? "…");
}
