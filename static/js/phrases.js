// Where a Japanese name may break on a narrow card: between a run of kanji and a run of kana
// ("仁川<wbr>ファルコンズ") and after a middle dot. The rule is the server's
// (tournament/web/phrases.py, which draws the cards): the page hands its pattern over in
// #i18n's phrase_breaks, so a name live.js draws breaks where a reload would break it
// (tests/e2e/test_live_renames.py compares the two). Without it, a name does not break.

const source = JSON.parse(document.getElementById("i18n")?.textContent || "{}").phrase_breaks;
const BREAKS = source ? new RegExp(source, "u") : null;

// The name cut at each place it may break (web/phrases.py phrase_parts).
export function phraseParts(name) {
  return BREAKS ? name.split(BREAKS) : [name];
}

// Puts the name into el as text with a <wbr> at each of its breaks (never as markup).
export function putPhrases(el, name) {
  const nodes = phraseParts(name).flatMap((part, i) => (i ? [document.createElement("wbr"), part] : [part]));
  el.replaceChildren(...nodes);
}
