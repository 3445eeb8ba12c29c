// The dialog that asks first ([data-dialog], a <dialog> with a form of method "dialog"):
// saves that lower a side's series score, drop recorded games, forfeit or finish are
// confirmed before they are sent.
//
// A question is worked out on the match as it was when it opened (its score, its teams, its
// version): when the feed brings a change while it is open, it is closed unanswered rather
// than redrawn under the referee's thumb (closeQuestion), and the console says why with the
// match as it is now. (A change the feed never brought still makes the save a conflict:
// If-Match.)

// A score in a question ("3 – 1", "이민호 3 – 1 사토 료"): kept on one line. A line may
// break after an en dash even before a no-break space, and a phone broke a correction's
// "이민호 3 –" from its "1 사토 료".
const SCORE = /\d+[ \u00a0]–[ \u00a0]\d+/g;

// The question's text as nodes: each score in a span that does not wrap (site.css).
export function questionNodes(text) {
  const nodes = [];
  let at = 0;
  for (const found of text.matchAll(SCORE)) {
    nodes.push(text.slice(at, found.index));
    const run = document.createElement("span");
    run.className = "score-run";
    run.textContent = found[0];
    nodes.push(run);
    at = found.index + found[0].length;
  }
  nodes.push(text.slice(at));
  return nodes;
}

// Asks text with one button per [value, label, class] (and the dialog's own cancel).
// Resolves with the value of the chosen button, or null for cancel or a closed question.
export function ask(dialog, text, choices) {
  return new Promise((resolve) => {
    dialog.querySelector("[data-dialog-text]").replaceChildren(...questionNodes(text));
    const box = dialog.querySelector("[data-dialog-choices]");
    box.replaceChildren(...choices.map(([value, label, cls]) => {
      const b = document.createElement("button");
      b.value = value;
      b.textContent = label;
      b.className = `big ${cls || "primary"}`;
      return b;
    }));
    dialog.returnValue = "";
    dialog.addEventListener("close", () => {
      const v = dialog.returnValue; // "changed": closed by the feed (closeQuestion)
      resolve(v && v !== "cancel" && v !== "changed" ? v : null);
    }, { once: true });
    dialog.showModal();
  });
}

// Closes an open question unanswered; true when one was open.
export function closeQuestion(dialog) {
  if (!dialog.open) return false;
  dialog.close("changed");
  return true;
}
