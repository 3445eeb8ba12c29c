// A stream overlay is a browser source of a fixed size (OBS): it cannot scroll. Its sizes
// (css/overlay.css) are for a 1280x720 canvas: on a larger frame it is scaled up with the
// frame (by the smaller of the two ratios: x1.5 on 1920x1080), so a producer sees the same
// picture on either canvas; what does not fit the frame is scaled down to it. Never smaller
// than drawn on a frame smaller than 1280x720 (a browser source cropped to the scoreboard)
// unless it would not fit. Again whenever the live feed changes what it draws. ?fit=0 on
// the overlay's URL turns this off (drawn at its 1280x720 size, whatever the frame).
const main = document.querySelector("main");
const CANVAS = { width: 1280, height: 720 };
const SMALLEST = 70; // % of its size: a long name is drawn no smaller, then cut ("…")

function scaleFor(frame, drawn) {
  const grow = Math.max(1, Math.min(frame.width / CANVAS.width, frame.height / CANVAS.height));
  return Math.min(grow, frame.width / drawn.width, frame.height / drawn.height);
}

function fit() {
  // main is as wide as what it draws (max-content); a transform changes neither size
  const scale = scaleFor({ width: window.innerWidth, height: window.innerHeight },
    { width: main.offsetWidth, height: main.offsetHeight });
  main.dataset.scale = scale.toFixed(3);
  main.style.transform = scale !== 1 ? `scale(${scale})` : "";
}

// A scoreboard's side has one width whatever its team: a name longer than it is drawn
// smaller, step by step down to SMALLEST, and what still does not fit ends in an ellipsis
// (overlay.css). Drawn again when a name changes (a rename, the next match, a team known).
function shrinkNames() {
  for (const name of main.querySelectorAll(".ov-side .name")) {
    name.style.fontSize = "";
    for (let size = 95; size >= SMALLEST && name.scrollWidth > name.clientWidth; size -= 5) {
      name.style.fontSize = `${size}%`;
    }
    name.title = name.scrollWidth > name.clientWidth ? name.textContent : "";
  }
}

if (main) {
  const fitting = new URLSearchParams(location.search).get("fit") !== "0";
  if (fitting) document.body.classList.add("fit");
  let queued = false;
  const redraw = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      shrinkNames();
      if (fitting) fit();
    });
  };
  // a live patch (a name, a score), a refetched body, the next match of a now-on overlay
  new MutationObserver(redraw).observe(main, { childList: true, subtree: true,
    characterData: true });
  new ResizeObserver(redraw).observe(main);  // a late font, a wider table
  window.addEventListener("resize", redraw);
  document.fonts?.ready.then(redraw);
  shrinkNames();
  if (fitting) fit();
}
