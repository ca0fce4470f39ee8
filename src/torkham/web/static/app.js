// Progressive enhancement only: every page works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("[data-autosubmit]")) {
    input.addEventListener("change", () => input.form.requestSubmit());
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);
});

// A link to #claim-… or #check-… opens the <details> that holds what it points at (the target's own first
// <details>, and any closed one around it), so a collapsed claim or check shows when linked to.
function openTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  const own = target.matches("details") ? target : target.querySelector(":scope > details");
  if (own) own.open = true;
  let moved = false;
  for (let node = target.parentElement; node; node = node.parentElement) {
    if (node.matches("details") && !node.open) node.open = moved = true;
  }
  if (moved) target.scrollIntoView();
}

// Enhancements a page asks for with <div hidden data-enhance data-styles="a.css …" data-scripts="x.js …">
// (the interactive map, the network graph) load once the page has loaded and the browser is idle, at least
// AFTER_LOAD ms later: the first paint and the load are the server-rendered page, which stays complete without
// them, and a visitor who moves on at once (a link, a reload) does not wait for their work. The styles first,
// then the scripts in order.
const AFTER_LOAD = 200;
function enhanceWhenIdle() {
  setTimeout(() => (window.requestIdleCallback ? requestIdleCallback(() => enhance(), { timeout: 1000 }) : enhance()), AFTER_LOAD);
}
function enhance() {
  for (const marker of document.querySelectorAll("[data-enhance]")) {
    const urls = (name) => (marker.dataset[name] || "").split(/\s+/).filter(Boolean);
    const styles = urls("styles").map((href) => new Promise((done) => {
      const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
      link.addEventListener("load", done);
      link.addEventListener("error", done);  // the script then draws without it, as it can
      document.head.append(link);
    }));
    Promise.all(styles).then(() => {
      for (const src of urls("scripts")) {
        document.body.append(Object.assign(document.createElement("script"), { src, async: false }));
      }
    });
  }
}
if (document.readyState === "complete") enhanceWhenIdle(); else window.addEventListener("load", enhanceWhenIdle);
