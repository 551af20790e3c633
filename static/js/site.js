// Small progressive enhancements; the site works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  // After htmx replaces a region, move focus to the element that asks for it so
  // keyboard and screen-reader users land on the new content.
  const target = event.detail.target.querySelector("[data-focus-after-swap]") ||
    (event.detail.target.matches("[data-focus-after-swap]") ? event.detail.target : null);
  if (target) {
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: false });
  }
});
