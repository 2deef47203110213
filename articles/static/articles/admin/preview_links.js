// The change form's preview links: a Copy button beside each link's address. Without this
// script the address stays a read-only field to select and copy by hand.
"use strict";

document.querySelectorAll(".preview-link-copy").forEach((button) => {
  const field = document.getElementById(button.dataset.copy);
  if (!field) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = "Copied";
    } catch {
      // No clipboard access (plain http, or refused): the address is selected to copy.
      button.textContent = "Press Ctrl+C to copy";
    }
  });
});
