// The console's one message line: an error ([data-error]) or a word of progress ([data-ok]),
// right under the save button.
//
// An error takes the focus: on a phone the keyboard of the score box being typed in covers
// the lower half of the screen, and a message scrolled "into view" can sit under it; moving
// the focus off the box puts the keyboard away, and the message is scrolled to the middle.
// (Progress while retrying is said without taking the focus from what is being typed.)
// The score boxes a mistake is about are marked invalid and described by the message
// (WCAG 3.3.1): a screen reader on the box says what is wrong with it.

// Marks the score boxes (points[i]) whose index is in fields; clears the others.
export function markInvalid(points, errorBox, fields) {
  points.forEach((box, i) => {
    if (fields.includes(i)) {
      box.setAttribute("aria-invalid", "true");
      box.setAttribute("aria-describedby", errorBox.id);
    } else {
      box.removeAttribute("aria-invalid");
      box.removeAttribute("aria-describedby");
    }
  });
}

// Says text as which ("ok" or "error") in root, hiding the other; "" hides it. Returns the
// box, for a button or link to be added after the text.
export function show(root, points, which, text, { focus = which === "error", fields = [] } = {}) {
  const box = root.querySelector(which === "ok" ? "[data-ok]" : "[data-error]");
  const other = root.querySelector(which === "ok" ? "[data-error]" : "[data-ok]");
  other.hidden = true;
  markInvalid(points, root.querySelector("[data-error]"), which === "error" && text ? fields : []);
  box.replaceChildren(document.createTextNode(text || ""));
  box.hidden = !text;
  if (!text) return box;
  if (focus) box.focus({ preventScroll: true });
  box.scrollIntoView({ block: focus ? "center" : "nearest" }); // a phone shows it, whatever was in view
  return box;
}

// A big button after the message, for the console's own click handler ([data-action]).
function appendButton(box, action, label) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "big";
  button.dataset.action = action;
  button.textContent = label;
  box.append(" ", button);
}

// After "no answer": a button that sends the unanswered save again ([data-action=retry]).
export function appendRetry(box, L) {
  appendButton(box, "retry", L.retry);
}

// After "signed out": a link to sign in again and come back here.
export function appendSignIn(box, L) {
  const a = document.createElement("a");
  a.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  a.textContent = L.sign_in;
  box.append(" ", a);
}

// After a correction only an admin may make (correction_needs_admin): a button back to the
// match as it is ([data-action=back-to-match]), the correction left and nothing changed.
export function appendBack(box, L) {
  appendButton(box, "back-to-match", L.back_to_match);
}
