// Times are drawn in the tournament's zone ("20:00 KST"). A reader elsewhere (China joins
// at UTC+8) can switch every time on the page to their own zone; the choice is remembered.
// Times inside parts that follow.js redraws are converted again after each redraw.

const KEY = "tournament-times";
const lang = document.documentElement.lang || "en";
const toggle = document.querySelector("[data-zone-toggle]");
const own = Intl.DateTimeFormat().resolvedOptions().timeZone;

function mine() {
  return localStorage.getItem(KEY) === "mine";
}

// Drawn in the server's shape (tournament/i18n.when): the day, the 24-hour time and the
// zone, each on its own; one Intl format would put a comma after the day in English.
const dayFormat = new Intl.DateTimeFormat(lang, {month: "short", day: "numeric", weekday: "short"});
const timeFormat = new Intl.DateTimeFormat(lang, {hour: "2-digit", minute: "2-digit", hourCycle: "h23"});
const zoneFormat = new Intl.DateTimeFormat(lang, {timeZoneName: "short"});
const format = (moment) => {
  const zone = zoneFormat.formatToParts(moment).find((p) => p.type === "timeZoneName");
  return [dayFormat.format(moment), timeFormat.format(moment), zone ? zone.value : ""]
    .join(" ").trim();
};

// A reader already in the tournament's zone keeps its times as drawn: the same hours, and
// the zone's own abbreviation (KST), where Intl would say "GMT+9".
const sameZone = () => !!toggle && toggle.dataset.zone === own;

function apply() {
  const converted = mine() && !sameZone();
  for (const el of document.querySelectorAll("time[data-time]")) {
    if (!el.dataset.event) el.dataset.event = el.textContent;
    el.textContent = converted ? format(new Date(el.getAttribute("datetime")))
      : el.dataset.event;
  }
  if (toggle) {
    toggle.textContent = mine() ? toggle.dataset.labelMine : toggle.dataset.labelEvent;
    toggle.setAttribute("aria-pressed", String(mine()));
  }
}

if (toggle) {
  toggle.hidden = false;
  toggle.title = own;
  toggle.addEventListener("click", () => {
    localStorage.setItem(KEY, mine() ? "event" : "mine");
    apply();
  });
}
document.addEventListener("tournament:redrawn", apply);
apply();
