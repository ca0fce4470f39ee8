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
