/* Autosave, presence and the guard on leaving, for the story's change and add forms.

   The rules live on the server (articles/autosave.py, articles/admin/autosave.py): this
   script sends what the form holds a little after typing stops (and at least every 30 s
   while it goes on), a heartbeat when nothing changed, keeps a copy in this browser for
   when the server cannot be reached, and asks before the page is left with changes that
   are not saved as the story. No framework; runs under the admin's CSP. */
(() => {
  "use strict";

  const QUIET_MS = 2000; // send this long after the last keystroke
  const MAX_WAIT_MS = 30000; // and at least this often while typing goes on
  const HEARTBEAT_MS = 30000; // "still here", for presence
  const RETRY_MS = [3000, 6000, 12000, 30000];

  // The editor announces itself when ready; remember it if that happens before we start.
  let editorReadyEarly = false;
  document.addEventListener("prose-editor:ready", () => { editorReadyEarly = true; }, true);

  function start() {
    const box = document.getElementById("autosave");
    const form = document.getElementById("article_form");
    if (!box || !form) return;
    const status = document.getElementById("autosave-status");
    const presence = document.getElementById("presence");
    let saveUrl = box.dataset.saveUrl;
    let leaveUrl = box.dataset.leaveUrl || null;
    let story = box.dataset.story;
    // Server time minus this browser's, so that times from both can be compared.
    const skew = Number(box.dataset.now || 0) * 1000 - Date.now();
    const now = () => Date.now() + skew;

    const key = () => `newsroom:autosave:${box.dataset.user}:${story}`;
    const fields = () => {
      const out = new URLSearchParams();
      for (const [name, value] of new FormData(form)) {
        // Files go with Save only; the token is added per request.
        if (typeof value === "string" && name !== "csrfmiddlewaretoken") out.append(name, value);
      }
      return out;
    };
    const state = () => fields().toString();
    const token = () => form.querySelector("input[name=csrfmiddlewaretoken]").value;

    // What the form held when the page was made: saved as the story, unless the server says
    // the page shows text it has not saved (a refused save, a restored autosave).
    const unsaved = box.dataset.unsaved === "1";
    let savedState = unsaved ? null : state();
    let sentState = savedState;
    let typedSince = null;
    let quietTimer = null;
    let retry = 0;
    let inFlight = false;
    let submitting = false;

    const say = (text, offline = false) => {
      status.textContent = text;
      status.classList.toggle("autosave-status--offline", offline);
    };

    const readLocal = () => {
      try {
        return JSON.parse(localStorage.getItem(key()) || "null");
      } catch {
        return null;
      }
    };
    const writeLocal = (body) => {
      try {
        localStorage.setItem(key(), JSON.stringify({ state: body, at: now() }));
      } catch {
        /* storage full or refused: the server copy is what is left */
      }
    };
    const dropLocal = () => {
      try {
        localStorage.removeItem(key());
      } catch {
        /* nothing kept */
      }
    };

    // A new story became a draft with its first autosave: carry on as its change form.
    const adopt = (created) => {
      const before = readLocal();
      dropLocal();
      story = String(created.id);
      saveUrl = created.save;
      leaveUrl = created.leave;
      form.action = created.change_url;
      form.elements.edit_version.value = created.edit_version;
      form.elements.edit_base.value = created.edit_base;
      history.replaceState(null, "", created.change_url);
      if (before) writeLocal(before.state);
    };

    const post = (url, body) => {
      const payload = new URLSearchParams(body);
      payload.set("csrfmiddlewaretoken", token());
      return fetch(url, {
        method: "POST",
        body: payload,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
    };

    // Who else is here, and whether the story was saved since this form was opened (said
    // beside presence, so that the next "Saved as you type" does not hide it).
    const heard = (answer) => {
      const notes = (answer.editing || []).map(
        (other) => `${other.name} is editing this story (since ${other.since}).`,
      );
      const version = form.elements.edit_version && form.elements.edit_version.value;
      if (answer.version && version && answer.version !== version) {
        notes.push(`${answer.saved_by} saved this story at ${answer.saved_label_story}, after you opened it: saving merges their changes with yours.`);
      }
      presence.textContent = notes.join(" ");
    };

    const whenIdle = () =>
      new Promise((resolve) => {
        const wait = () => (inFlight ? setTimeout(wait, 50) : resolve());
        wait();
      });

    const send = async (heartbeat = false) => {
      if (inFlight || submitting) return;
      const body = state();
      if (!heartbeat && body === sentState) return;
      if (heartbeat && story === "new") return;
      inFlight = true;
      if (!heartbeat) writeLocal(body);
      try {
        const response = await post(saveUrl, heartbeat ? "heartbeat=1" : body);
        const isJson = (response.headers.get("Content-Type") || "").includes("application/json");
        if (response.redirected || !isJson) {
          // Sent to a sign-in (or set-up) page instead: nothing was kept on the server.
          say("Your session has ended: sign in again in another tab. Your changes are kept in this browser until then.", true);
          setTimeout(() => send(heartbeat), RETRY_MS[Math.min(retry++, RETRY_MS.length - 1)]);
          return;
        }
        const answer = await response.json().catch(() => ({}));
        if (!response.ok) {
          // Refused for good (no permission, too long): say so; the local copy stays.
          say(answer.error || "Your changes could not be kept on the server; save the story now.", true);
          return;
        }
        retry = 0;
        if (!heartbeat) {
          sentState = body;
          typedSince = null;
          if (answer.created) adopt(answer.created);
          if (answer.created === null) {
            say(`Kept as you type at ${answer.saved_label}; the story becomes a draft once it has a headline, an address and a section.`);
          } else if (answer.saved_label) {
            say(`Saved as you type at ${answer.saved_label}`);
          }
        }
        heard(answer);
      } catch {
        say("Offline: keeping your changes in this browser, retrying", true);
        setTimeout(() => send(heartbeat), RETRY_MS[Math.min(retry++, RETRY_MS.length - 1)]);
      } finally {
        inFlight = false;
      }
      // Typing went on while the request was out: send that too.
      if (!heartbeat && state() !== sentState) schedule();
    };

    function schedule() {
      if (typedSince === null) typedSince = Date.now();
      clearTimeout(quietTimer);
      const waited = Date.now() - typedSince;
      quietTimer = setTimeout(() => send(), waited >= MAX_WAIT_MS ? 0 : QUIET_MS);
    }

    form.addEventListener("input", schedule, true);
    form.addEventListener("change", schedule, true);
    form.addEventListener("submit", (event) => {
      if (story === "new" && inFlight) {
        // The first autosave may be making this story a draft right now: saving to the add
        // address as well would make it twice. Wait for it, then save to where it says.
        event.preventDefault();
        const submitter = event.submitter;
        whenIdle().then(() => form.requestSubmit(submitter));
        return;
      }
      submitting = true;
      writeLocal(state()); // if the save fails on the way, the words are still here
    });
    const editorReady = () => {
      // The editor writes the body back in its own words once loaded: that is not an edit.
      if (!unsaved && sentState === savedState) {
        savedState = state();
        sentState = savedState;
      }
    };
    if (editorReadyEarly) editorReady();
    document.addEventListener("prose-editor:ready", editorReady);

    window.addEventListener("beforeunload", (event) => {
      if (submitting) return;
      const current = state();
      if (current === savedState) return;
      writeLocal(current);
      event.preventDefault();
      event.returnValue = ""; // older browsers show their prompt only when this is set
    });
    window.addEventListener("pagehide", () => {
      if (leaveUrl && navigator.sendBeacon) {
        const payload = new FormData();
        payload.set("csrfmiddlewaretoken", token());
        navigator.sendBeacon(leaveUrl, payload);
      }
    });
    setInterval(() => send(true), HEARTBEAT_MS);

    // Changes this browser kept that the server never got (offline, or the tab was closed
    // mid-request): hand them to the server, then offer them like any autosave.
    const local = readLocal();
    const storyAt = Number(box.dataset.version || 0) * 1000;
    const serverAt = Number(box.dataset.autosaveAt || 0) * 1000;
    if (local && !unsaved && local.state !== state() && local.at > Math.max(storyAt, serverAt)) {
      inFlight = true; // one request at a time: the heartbeats wait for this one
      post(saveUrl, local.state)
        .then((response) => {
          const isJson = (response.headers.get("Content-Type") || "").includes("application/json");
          return response.ok && !response.redirected && isJson ? response.json() : Promise.reject(response);
        })
        .then((answer) => {
          if (answer.created) adopt(answer.created);
          say("");
          const link = document.createElement("a");
          link.href = "?restore=autosave";
          link.textContent = `Restore your unsaved changes from ${answer.saved_label}`;
          status.append("This browser kept changes that were not saved: ", link);
          heard(answer);
        })
        .catch(() => say("Offline: this browser has unsaved changes, kept until the server answers", true))
        .finally(() => { inFlight = false; });
    } else if (local && local.at <= Math.max(storyAt, serverAt)) {
      dropLocal(); // the story or the server's copy is newer
      if (story !== "new") send(true);
    } else if (unsaved) {
      send(); // the page shows text the server has not kept: keep it now
    } else if (story !== "new") {
      send(true);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
