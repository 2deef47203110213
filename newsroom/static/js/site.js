/* IndiaPost Live: the one small script. Every page works without it; this makes it nicer.
   Preferences live in localStorage: theme, text size and the cookie notice. */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: forget it */ }
  }
  function all(selector, scope) {
    return Array.prototype.slice.call((scope || document).querySelectorAll(selector));
  }

  /* Dark mode: the reader's choice, else the system's (the stylesheet follows it). */
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var theme = root.getAttribute("data-theme");
    return theme ? theme === "dark" : !!(darkQuery && darkQuery.matches);
  }
  function showTheme() {
    all("[data-theme-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", isDark() ? "true" : "false");
    });
  }
  if (stored("theme")) root.setAttribute("data-theme", stored("theme"));
  showTheme();
  all("[data-theme-toggle]").forEach(function (button) {
    button.addEventListener("click", function () {
      var theme = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", theme);
      store("theme", theme);
      showTheme();
    });
  });

  /* Font resizer: five steps around the default, applied to article text. */
  var SCALES = [0.85, 0.92, 1, 1.12, 1.25];
  var step = parseInt(stored("font-step") || "2", 10);
  if (!(step >= 0 && step < SCALES.length)) step = 2;
  function applyFont() {
    root.style.setProperty("--text-scale", String(SCALES[step]));
    root.setAttribute("data-text-size", String(step));
  }
  applyFont();
  all("[data-font-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      var change = parseInt(button.getAttribute("data-font-step"), 10);
      step = change === 0 ? 2 : Math.max(0, Math.min(SCALES.length - 1, step + change));
      store("font-step", String(step));
      applyFont();
    });
  });

  /* Cookie notice: hidden once accepted. */
  var bar = document.querySelector("[data-cookie-bar]");
  if (bar) {
    if (stored("cookie-consent") === "accepted") bar.hidden = true;
    var accept = bar.querySelector("[data-cookie-accept]");
    if (accept) accept.addEventListener("click", function () {
      store("cookie-consent", "accepted");
      bar.hidden = true;
    });
  }

  /* Focus helpers for the menu and the modal. */
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
  function focusables(scope) {
    return all(FOCUSABLE, scope).filter(function (el) { return el.offsetParent !== null; });
  }
  function trapTab(event, scope) {
    if (event.key !== "Tab") return;
    var items = focusables(scope);
    if (!items.length) return;
    var first = items[0], last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) { last.focus(); event.preventDefault(); }
    else if (!event.shiftKey && document.activeElement === last) { first.focus(); event.preventDefault(); }
  }

  /* Mobile menu: opens as a drawer, traps focus, Escape or a click outside closes it. */
  var menu = document.querySelector("[data-menu]");
  var menuOpeners = all("[data-menu-open]");
  var menuReturn = null;
  function openMenu(opener) {
    menuReturn = opener || document.activeElement;
    menu.classList.add("is-open");
    menuOpeners.forEach(function (o) { o.setAttribute("aria-expanded", "true"); });
    var items = focusables(menu);
    if (items.length) items[0].focus();
  }
  function closeMenu() {
    menu.classList.remove("is-open");
    menuOpeners.forEach(function (o) { o.setAttribute("aria-expanded", "false"); });
    if (window.location.hash === "#" + menu.id) history.replaceState(null, "", window.location.pathname + window.location.search);
    if (menuReturn) menuReturn.focus();
  }
  if (menu) {
    menuOpeners.forEach(function (opener) {
      opener.addEventListener("click", function (event) { event.preventDefault(); openMenu(opener); });
    });
    all("[data-menu-close]", menu).forEach(function (closer) {
      closer.addEventListener("click", function (event) { event.preventDefault(); closeMenu(); });
    });
    menu.addEventListener("click", function (event) { if (event.target === menu) closeMenu(); });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); closeMenu(); }
      else trapTab(event, menu);
    });
  }

  /* Dropdowns (<details>): one open at a time; Escape or a click elsewhere closes them. */
  var dropdowns = all("details.dropdown");
  dropdowns.forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open) return;
      dropdowns.forEach(function (other) { if (other !== details && !other.contains(details)) other.open = false; });
      var field = details.querySelector("input[type=search]");
      if (field) field.focus();
    });
    details.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    dropdowns.forEach(function (details) { if (details.open && !details.contains(event.target)) details.open = false; });
  });

  /* Sign-in modal: loads the sign-in page's form into a <dialog> (which closes on Escape
     and gives focus back to the button that opened it; Tab would leave it for the page
     behind, so trapTab keeps it inside). */
  var modal = document.getElementById("signin-modal");
  if (modal && typeof modal.showModal === "function") {
    var body = modal.querySelector("[data-modal-body]");
    all("[data-signin]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        body.textContent = "Loading…";
        modal.showModal();
        var url = new URL(link.href, window.location.href);
        url.searchParams.set("next", window.location.pathname + window.location.search);
        fetch(url.toString(), { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
          .then(function (response) { return response.text(); })
          .then(function (html) {
            var page = new DOMParser().parseFromString(html, "text/html");
            var form = page.querySelector("[data-signin-form]");
            body.textContent = "";
            if (!form) { window.location.href = url.toString(); return; }
            body.appendChild(document.importNode(form, true));
            var field = body.querySelector("input:not([type=hidden])");
            if (field) field.focus();
          })
          .catch(function () { window.location.href = url.toString(); });
      });
    });
    all("[data-modal-close]", modal).forEach(function (button) {
      button.addEventListener("click", function () { modal.close(); });
    });
    modal.addEventListener("click", function (event) { if (event.target === modal) modal.close(); });
    modal.addEventListener("keydown", function (event) { trapTab(event, modal); });
  }

  /* Copy Link: copies the canonical URL and says so. */
  function copied(link, ok) {
    var share = link.closest("[data-share]");
    var status = share && share.querySelector("[data-copy-status]");
    if (status) status.textContent = ok ? "Link copied to clipboard." : "Copy this link: " + link.href;
    if (!ok) return;
    var label = link.getAttribute("data-label") || link.textContent;
    link.setAttribute("data-label", label);
    link.textContent = "Link copied!";
    window.setTimeout(function () { link.textContent = label; }, 2500);
  }
  all("[data-copy-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(link.href).then(function () { copied(link, true); }, function () { copied(link, false); });
      } else {
        copied(link, false);
      }
    });
  });
})();
