// A stream overlay is a browser source of a fixed size (OBS): it cannot scroll, so what
// does not fit is scaled down to the frame (never up), and again whenever the live feed
// changes what it draws. ?fit=0 on the overlay's URL turns this off.
const main = document.querySelector("main");

function fit() {
  if (!main) return;
  // main is as wide as what it draws (max-content); a transform changes neither size
  const width = main.offsetWidth;
  const height = main.offsetHeight;
  const scale = Math.min(1, window.innerWidth / width, window.innerHeight / height);
  main.dataset.scale = scale.toFixed(3);
  main.style.transform = scale < 1 ? `scale(${scale})` : "";
}

if (main && new URLSearchParams(location.search).get("fit") !== "0") {
  document.body.classList.add("fit");
  let queued = false;
  const refit = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fit(); });
  };
  new ResizeObserver(refit).observe(main);  // a live patch, a refetched body, a late font
  window.addEventListener("resize", refit);
  fit();
}
