// A story's change form, opened by someone who was told about it: mark those notifications
// read at once (the page's "Mark read" form, sent in the background), and lower the bell's
// count. Without this script the form's button does it.
"use strict";

document.addEventListener("DOMContentLoaded", async () => {
  const form = document.querySelector("form[data-mark-read]");
  if (!form) return;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const answer = await response.json();
    if (!answer.ok) return;
    form.remove();
    const count = document.querySelector(".notification-bell .notification-count");
    if (count && answer.unread > 0) {
      count.textContent = String(answer.unread);
    } else if (count) {
      count.nextElementSibling?.remove(); // the " unread" read by screen readers
      count.remove();
    }
  } catch {
    // Offline or signed out: the form stays, and its button works.
  }
});
