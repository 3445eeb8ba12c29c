// The organizer's console: small helps on top of forms that work without them.
// - a new stage's form shows only the chosen format's settings, and its seeding method (for
//   a format that reads one) in words for that format (a Swiss round 1's top half v bottom
//   half, a bracket's 1 v last); its teams that go through from an earlier stage follow
//   the stage chosen (per group or not, how many it sends);
// - a seeding list can be reordered by dragging (mouse or touch) or with its ↑ ↓ buttons,
//   and the hidden field the form sends follows the order shown;
// - buttons marked data-confirm ask first; a data-print button prints the page;
// - a tiebreaker order shows one more box whenever every box shown is chosen;
// - a refused form's error is scrolled into view: the page comes back at its top, and the
//   form sent may be screens below (the venues, a stage's settings);
// - a Venue or Station field says under it, as it is typed, a name the tournament does not
//   list; a field of several stations (commas) is offered the list after each comma.

function formatSwitch(form) {
  const select = form.querySelector("[data-format-select]");
  if (!select) return;
  const show = () => {
    for (const box of form.querySelectorAll("[data-format-settings]")) {
      const on = box.dataset.formatSettings === select.value;
      box.hidden = !on;
      for (const input of box.querySelectorAll("input, select")) input.disabled = !on;
    }
    // a seeding method is offered only for a format that reads it (a bracket, Swiss)
    for (const label of form.querySelectorAll("[data-seeding-formats]")) {
      const on = label.dataset.seedingFormats.split(" ").includes(select.value);
      label.hidden = !on;
      for (const input of label.querySelectorAll("select")) input.disabled = !on;
    }
    // a seeding method's words say what round 1 becomes in the format picked
    for (const method of form.querySelectorAll("[data-seeding-method][data-halves-formats]")) {
      const halves = method.dataset.halvesFormats.split(" ").includes(select.value);
      for (const option of method.querySelectorAll("option[data-swiss]")) {
        option.textContent = halves ? option.dataset.swiss : option.dataset.other;
      }
    }
  };
  select.addEventListener("change", show);
  show();
}

// the teams that go through from an earlier stage: labelled per group only when the stage
// chosen has groups, and starting at the number it sends (data-sends) until typed over
function qualifiersFollow(form) {
  const select = form.querySelector("[data-from-stage]");
  const input = form.querySelector("input[data-qualifiers]");
  const label = form.querySelector("[data-qualifiers-label]");
  if (!select || !input || !label) return;
  let typed = false;
  input.addEventListener("input", () => { typed = true; });
  select.addEventListener("change", () => {
    const option = select.selectedOptions[0];
    if (!option || !option.value) return;
    label.textContent = option.dataset.grouped === "1"
      ? label.dataset.groupedWords : label.dataset.wholeWords;
    if (!typed) input.value = option.dataset.sends || "2";
  });
}

function seedingList(list) {
  const field = document.querySelector(list.dataset.seedingList);
  const sync = () => {
    const items = [...list.querySelectorAll("[data-team]")];
    items.forEach((item, i) => {
      const place = item.querySelector("[data-place]");
      if (place) place.textContent = String(i + 1);
    });
    if (field) field.value = items.map((item) => item.dataset.team).join(",");
    list.dispatchEvent(new CustomEvent("seeding-changed", { bubbles: true }));
  };
  const move = (item, by) => {
    const sibling = by < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    if (by < 0) list.insertBefore(item, sibling);
    else list.insertBefore(sibling, item);
    sync();
  };
  list.addEventListener("click", (e) => {
    const button = e.target.closest("[data-move]");
    if (!button) return;
    e.preventDefault();
    const item = button.closest("[data-team]");
    move(item, Number(button.dataset.move));
    button.focus();
  });
  // Dragging with pointer events works for mouse, pen and touch alike.
  let dragged = null;
  list.addEventListener("pointerdown", (e) => {
    const handle = e.target.closest("[data-handle]");
    if (!handle) return;
    dragged = handle.closest("[data-team]");
    dragged.classList.add("dragging");
    handle.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  list.addEventListener("pointermove", (e) => {
    if (!dragged) return;
    const over = document.elementFromPoint(e.clientX, e.clientY)?.closest("[data-team]");
    if (!over || over === dragged || over.parentElement !== list) return;
    const box = over.getBoundingClientRect();
    const after = e.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? over.nextElementSibling : over);
  });
  const drop = () => {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    dragged = null;
    sync();
  };
  list.addEventListener("pointerup", drop);
  list.addEventListener("pointercancel", drop);
  sync();
}

// An order (tiebreakers): when no shown box is left empty, the next spare one appears,
// so six tiebreakers go in one save (the page draws the picks and two free boxes).
function orderBoxes(fieldset) {
  fieldset.addEventListener("change", () => {
    const shown = [...fieldset.querySelectorAll("label:not([hidden]) select")];
    if (shown.some((select) => select.value === "")) return;
    const spare = fieldset.querySelector("label[data-spare][hidden]");
    if (spare) spare.hidden = false;
  });
}

// Two names the server cannot tell apart (services/naming.py name_key: NFKC, case folded,
// trimmed); toLowerCase stands in for Python's casefold.
const placeKey = (name) => name.normalize("NFKC").toLowerCase().trim();

// A Venue or Station field (_console.html place_field) and its <datalist> of the tournament's
// places: the note under it names what is typed that the list lacks (saved as typed, a new
// place without names: a typo made a new station unseen), as the page draws it on load.
function placeField(input) {
  const list = document.getElementById(input.getAttribute("list") || "");
  const note = document.getElementById(input.getAttribute("aria-describedby") || "");
  if (!list || !note) return; // the tournament lists none: nothing to offer or compare
  const places = [...list.options].map((o) => ({ value: o.value, label: o.textContent }));
  const known = new Set(places.map((p) => placeKey(p.value)));
  const many = input.hasAttribute("data-many");
  const say = () => {
    const typed = many ? input.value.split(/[,，]/) : [input.value];
    const unlisted = new Map();
    for (const name of typed.map((x) => x.trim())) {
      if (name && !known.has(placeKey(name)) && !unlisted.has(placeKey(name))) {
        unlisted.set(placeKey(name), name);
      }
    }
    const { words, quote, sep } = note.dataset;
    note.hidden = unlisted.size === 0;
    note.textContent = unlisted.size === 0 ? "" : words.replace("%s",
      [...unlisted.values()].map((name) => quote.replace("%s", name)).join(sep));
  };
  // several stations: each option keeps what is typed up to the last comma, so the list
  // is offered for the next one too (the datalist is shared: redrawn for the field in use)
  const offer = () => {
    if (!many) return;
    const cut = Math.max(input.value.lastIndexOf(","), input.value.lastIndexOf("，"));
    const before = cut < 0 ? "" : `${input.value.slice(0, cut + 1).trimEnd()} `;
    list.replaceChildren(...places.map((p) => new Option(p.label, before + p.value)));
  };
  input.addEventListener("focus", offer);
  input.addEventListener("input", () => { offer(); say(); });
}

const refused = document.querySelector(".form-error[role=alert][data-error]");
if (refused && refused.getBoundingClientRect().bottom > window.innerHeight) {
  refused.scrollIntoView({ block: "center" });
}
for (const form of document.querySelectorAll("form[data-new-stage]")) {
  formatSwitch(form);
  qualifiersFollow(form);
}
for (const fieldset of document.querySelectorAll("fieldset[data-order]")) orderBoxes(fieldset);
for (const list of document.querySelectorAll("[data-seeding-list]")) seedingList(list);
for (const input of document.querySelectorAll("input[data-place]")) placeField(input);
// Delegated, so buttons of a part redrawn later (the control board) ask too.
document.addEventListener("click", (e) => {
  const button = e.target instanceof Element ? e.target.closest("[data-confirm]") : null;
  if (button && !window.confirm(button.dataset.confirm)) e.preventDefault();
  if (e.target instanceof Element && e.target.closest("[data-print]")) window.print();
});
