// The editorial calendar: drag a scheduled story to another day (or hour, in the week view),
// or press its day buttons, and the move is sent without leaving the page. The server asks
// the workflow; a refusal is shown and the story goes back where it was. Without this
// script the buttons and the time box are plain forms.
"use strict";

// Loaded in the page's head (the admin's form media): start once the calendar is parsed.
document.addEventListener("DOMContentLoaded", function () {
  const calendar = document.querySelector(".editorial-calendar");
  if (!calendar) return;
  const status = document.getElementById("calendar-status");
  const week = calendar.dataset.view === "week";

  function say(text, refused) {
    status.textContent = text;
    status.classList.toggle("calendar-status--error", Boolean(refused));
  }

  function token(card) {
    const field = card.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  // POST the move to `url`; resolves true when the server took it (the page then reloads).
  async function move(card, url, fields) {
    const body = new URLSearchParams(fields);
    let answer;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { Accept: "application/json", "X-CSRFToken": token(card) },
        body: body,
        credentials: "same-origin",
      });
      answer = await response.json();
    } catch (error) {
      answer = { ok: false, error: "The story could not be moved: check your connection." };
    }
    if (!answer.ok) {
      say(answer.error, true);
      return false;
    }
    say(answer.message, false);
    window.location.reload();
    return true;
  }

  let dragged = null;
  let home = null;

  calendar.addEventListener("dragstart", function (event) {
    const card = event.target.closest && event.target.closest(".calendar-card[data-move]");
    if (!card) return;
    dragged = card;
    home = { parent: card.parentNode, next: card.nextSibling };
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.story);
    card.classList.add("calendar-card--dragging");
  });

  calendar.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("calendar-card--dragging");
  });

  calendar.addEventListener("dragover", function (event) {
    if (dragged && event.target.closest(".calendar-day")) event.preventDefault();
  });

  calendar.addEventListener("drop", async function (event) {
    const cell = event.target.closest(".calendar-day");
    if (!dragged || !cell) return;
    event.preventDefault();
    const card = dragged;
    const place = home;
    dragged = null;
    let list = cell.querySelector(".calendar-entries");
    if (!list) {
      list = document.createElement("ul");
      list.className = "calendar-entries";
      cell.appendChild(list);
    }
    list.appendChild(card);
    const time = week
      ? String(cell.dataset.hour).padStart(2, "0") + ":" + card.dataset.minute
      : card.dataset.time;
    const moved = await move(card, card.dataset.move, { at: cell.dataset.date + "T" + time });
    if (!moved) place.parent.insertBefore(card, place.next);
  });

  // The day buttons and the time boxes (to move, or to schedule a story due or in review):
  // the same request, from the keyboard or a click.
  calendar.addEventListener("submit", function (event) {
    const form = event.target.closest(".calendar-move");
    if (!form) return;
    event.preventDefault();
    const fields = new FormData(form, event.submitter);
    fields.delete("csrfmiddlewaretoken");
    move(form.closest(".calendar-card"), form.action, fields);
  });
});
