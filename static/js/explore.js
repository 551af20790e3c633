// Explore pages: keep addresses short when htmx sends a filter form (drop empty fields, so
// "?zone=4" rather than "?zone=4&education=&cluster="). The pages work without this file.
document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.verb !== "get" || !event.detail.elt.closest("[data-drop-empty]")) return;
  const data = event.detail.formData;
  for (const [key, value] of Array.from(data.entries())) {
    if (value === "") data.delete(key);
  }
});

// Filter forms fold away on phones only: open them on wider screens, where they fit in a row.
if (window.matchMedia("(min-width: 48rem)").matches) {
  for (const details of document.querySelectorAll("details[data-open-wide]")) details.open = true;
}
