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
  var DEFAULT_STEP = 2;
  var step = parseInt(stored("font-step") || String(DEFAULT_STEP), 10);
  if (!(step >= 0 && step < SCALES.length)) step = DEFAULT_STEP;
  function applyFont() {
    root.style.setProperty("--text-scale", String(SCALES[step]));
    root.setAttribute("data-text-size", String(step));
    // The pressed button names the size in use: smaller than, at, or larger than the default.
    var chosen = String(Math.sign(step - DEFAULT_STEP));
    all("[data-font-step]").forEach(function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-font-step") === chosen ? "true" : "false");
    });
  }
  applyFont();
  all("[data-font-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      var change = parseInt(button.getAttribute("data-font-step"), 10);
      step = change === 0 ? DEFAULT_STEP : Math.max(0, Math.min(SCALES.length - 1, step + change));
      store("font-step", String(step));
      applyFont();
    });
  });

  /* Cookie notice: hidden once accepted. While shown it is fixed over the bottom of the
     window, so the page keeps its height free below the focused element (scroll-padding) and
     below the page's end: Tab never lands behind the bar (WCAG 2.4.11). */
  var bar = document.querySelector("[data-cookie-bar]");
  function makeRoomForBar() {
    root.style.setProperty("--cookie-bar-height", (bar.hidden ? 0 : bar.offsetHeight) + "px");
  }
  if (bar) {
    if (stored("cookie-consent") === "accepted") bar.hidden = true;
    makeRoomForBar();
    if (window.ResizeObserver) new ResizeObserver(makeRoomForBar).observe(bar);
    else window.addEventListener("resize", makeRoomForBar);
    var accept = bar.querySelector("[data-cookie-accept]");
    if (accept) accept.addEventListener("click", function () {
      store("cookie-consent", "accepted");
      bar.hidden = true;
      makeRoomForBar();
    });
  }

  /* A refused form: focus goes to its list of what to fix, whose links focus their fields. */
  var errorSummary = document.querySelector("[data-error-summary]");
  if (errorSummary) {
    errorSummary.focus();
    errorSummary.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var label = document.querySelector("label[for='" + field.id + "']");
      (label || field).scrollIntoView();
      field.focus({ preventScroll: true });
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

  /* Sign-in modal: shows the sign-in page's card ([data-auth-form]) in a <dialog> (which
     closes on Escape and gives focus back to the button that opened it; Tab would leave it
     for the page behind, so trapTab keeps it inside). Forms and account links inside it load
     in place; once a step leads off the account pages, the reader is signed in: the modal
     closes and the personal bits refresh, without reloading the page. */
  var modal = document.getElementById("signin-modal");
  var modalBody = modal && modal.querySelector("[data-modal-body]");
  var canModal = !!(modal && typeof modal.showModal === "function" && window.fetch && window.DOMParser);

  function isAccountPage(url) {
    return url.origin === window.location.origin && url.pathname.indexOf("/accounts/") === 0 &&
      url.pathname.indexOf("/accounts/saved/") !== 0 && url.pathname.indexOf("/accounts/for-you/") !== 0;
  }
  function loadInModal(url, options) {
    modalBody.setAttribute("aria-busy", "true");
    return fetch(url, Object.assign({ credentials: "same-origin", headers: { "X-Requested-With": "fetch" } }, options || {}))
      .then(function (response) {
        return response.text().then(function (html) {
          var landed = new URL(response.url || url, window.location.href);
          var card = new DOMParser().parseFromString(html, "text/html").querySelector("[data-auth-form]");
          modalBody.removeAttribute("aria-busy");
          if (!card || !isAccountPage(landed)) {
            // Off the account pages: the step worked (signed in); stay on this page.
            modal.close();
            personal = null;  // until the new state arrives, Save and Follow are plain links
            refreshPersonal();
            completePending();
            return;
          }
          modalBody.textContent = "";
          modalBody.appendChild(document.importNode(card, true));
          // Scripts in a lifted card never run: what needs one (a passkey) is a link to its page.
          all("[data-page-only]", modalBody).forEach(function (el) { el.remove(); });
          all("[data-modal-only]", modalBody).forEach(function (el) { el.hidden = false; });
          // Other steps (sign-up, code, reset) show their own heading instead of "Welcome Back!".
          modal.classList.toggle("modal--step", card.getAttribute("data-auth-form") !== "sign-in");
          var field = modalBody.querySelector(".is-invalid, input:not([type=hidden]):not([type=checkbox])");
          if (field) field.focus();
        });
      })
      .catch(function () { window.location.href = url; });
  }
  /* A Save or Follow clicked while signed out: done once the reader signs in in the modal. */
  var pending = null;
  function openSignIn(href, pendingLink) {
    pending = pendingLink || null;
    // Without the modal, the link's own page holds the form, and signing in after it does it.
    if (!canModal) { window.location.href = pending ? pending.href : href; return; }
    var url = new URL(href, window.location.href);
    url.searchParams.set("next", window.location.pathname + window.location.search);
    modalBody.textContent = "Loading…";
    modal.showModal();
    loadInModal(url.toString());
  }
  if (canModal) {
    all("[data-signin]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        openSignIn(link.href);
      });
    });
    modalBody.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post") return;
      event.preventDefault();
      var action = new URL(form.getAttribute("action") || window.location.href, window.location.href);
      loadInModal(action.toString(), { method: "POST", body: new FormData(form) });
    });
    modalBody.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link) return;
      var url = new URL(link.href, window.location.href);
      if (!isAccountPage(url) || link.hasAttribute("data-full-page")) return;
      event.preventDefault();
      if (!url.searchParams.has("next")) url.searchParams.set("next", window.location.pathname + window.location.search);
      loadInModal(url.toString());
    });
    all("[data-modal-close]", modal).forEach(function (button) {
      button.addEventListener("click", function () { modal.close(); });
    });
    modal.addEventListener("click", function (event) { if (event.target === modal) modal.close(); });
    modal.addEventListener("keydown", function (event) { trapTab(event, modal); });
  }

  /* Personal bits: the page is the same for every reader; /accounts/state/ says who is
     signed in, which of this page's stories they saved and what they follow. Save and
     Follow are links to small pages with a form; signed in, they work in place. */
  var personal = null;
  var stateUrl = root.getAttribute("data-state-url");

  function savedIds() {
    return all("[data-save]").map(function (link) { return link.getAttribute("data-save"); })
      .filter(function (id, index, ids) { return ids.indexOf(id) === index; }).slice(0, 100);
  }
  function showSaved(link, saved) {
    link.setAttribute("aria-pressed", saved ? "true" : "false");
    var label = link.querySelector("[data-save-label]");
    if (label) label.textContent = saved ? "Saved" : "Save story";
  }
  function showFollowing(link, following) {
    link.setAttribute("aria-pressed", following ? "true" : "false");
    var label = link.querySelector("[data-follow-label]");
    if (label) label.textContent = following ? "Following" : "Follow";
  }
  function followKey(link) {
    var parts = (link.getAttribute("data-follow") || "").split(":");
    return { kind: parts[0], slug: parts.slice(1).join(":") };
  }
  function accountMenu(state) {
    var menu = document.createElement("details");
    menu.className = "dropdown account-menu";
    menu.setAttribute("data-account-menu", "");
    var summary = document.createElement("summary");
    summary.className = "account-menu__summary";
    summary.textContent = state.name;
    menu.appendChild(summary);
    var panel = document.createElement("div");
    panel.className = "dropdown__panel";
    var list = document.createElement("ul");
    [["Saved stories", state.links.saved], ["For You", state.links.for_you], ["Account", state.links.overview || state.links.account]]
      .forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item[1];
        a.textContent = item[0];
        li.appendChild(a);
        list.appendChild(li);
      });
    var out = document.createElement("li");
    var form = document.createElement("form");
    form.method = "post";
    form.action = state.links.sign_out;
    var token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrfmiddlewaretoken";
    token.value = state.csrf_token;
    var button = document.createElement("button");
    button.type = "submit";
    button.className = "link-button";
    button.textContent = "Sign out";
    form.appendChild(token);
    // Back to this page once signed out (the server refuses any other site); an account page
    // would only ask to sign in again, so from one of those, the home page.
    if (window.location.pathname.indexOf("/accounts/") !== 0) {
      var back = document.createElement("input");
      back.type = "hidden";
      back.name = "next";
      back.value = window.location.pathname + window.location.search;
      form.appendChild(back);
    }
    form.appendChild(button);
    out.appendChild(form);
    list.appendChild(out);
    panel.appendChild(list);
    menu.appendChild(panel);
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
    return menu;
  }
  /* Messages for this visitor ("You have signed out."): reader pages are the same for
     everyone, so they come with the state and are drawn at the top of the page, into a live
     region that is on the page before its text arrives (so screen readers announce it). */
  function showMessages(messages) {
    var main = document.getElementById("content");
    if (!main || !messages || !messages.length) return;
    var region = document.createElement("div");
    region.className = "notices";
    region.setAttribute("role", "status");
    main.insertBefore(region, main.firstChild);
    window.setTimeout(function () {
      messages.forEach(function (message) {
        var notice = document.createElement("p");
        notice.className = "notice notice--" + message.level;
        notice.textContent = message.text;
        region.appendChild(notice);
      });
    }, 100);
  }
  function applyPersonal(state) {
    personal = state;
    showMessages(state.messages);
    var old = document.querySelector("[data-account-menu]");
    if (old) old.remove();
    all("[data-signin].account-link").forEach(function (link) {
      link.hidden = !!state.authenticated;
      if (state.authenticated) link.insertAdjacentElement("afterend", accountMenu(state));
    });
    var saved = (state.saved || []).map(String);
    all("[data-save]").forEach(function (link) { showSaved(link, saved.indexOf(link.getAttribute("data-save")) !== -1); });
    var following = state.following || {};
    all("[data-follow]").forEach(function (link) {
      var key = followKey(link);
      showFollowing(link, (following[key.kind] || []).indexOf(key.slug) !== -1);
    });
  }
  /* Settles once the state has been asked for, whatever the answer. */
  var personalAsked = null;
  function refreshPersonal() {
    if (!stateUrl || !window.fetch) return;
    var url = new URL(stateUrl, window.location.href);
    var ids = savedIds();
    if (ids.length) url.searchParams.set("articles", ids.join(","));
    personalAsked = fetch(url.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) { if (state) applyPersonal(state); })
      .catch(function () { /* the links still work as plain pages */ });
  }
  function toggle(link, field, on, show) {
    var body = new URLSearchParams();
    body.set("action", on);
    fetch(link.href, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": personal.csrf_token },
      body: body
    })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response); })
      .then(function (answer) { show(link, !!answer[field]); })
      .catch(function () { window.location.href = link.href; });
  }
  function usePersonalLink(link) {
    if (!personal) { window.location.href = link.href; return; }
    if (!personal.authenticated) { openSignIn(document.querySelector("[data-signin]").href, link); return; }
    if (link.hasAttribute("data-save")) {
      toggle(link, "saved", link.getAttribute("aria-pressed") === "true" ? "remove" : "save", showSaved);
    } else {
      toggle(link, "following", link.getAttribute("aria-pressed") === "true" ? "unfollow" : "follow", showFollowing);
    }
  }
  function completePending() {
    var link = pending;
    pending = null;
    if (!link || !personalAsked) return;
    personalAsked.then(function () {
      // Only ever turns it on: a story the reader had already saved stays saved.
      if (personal && personal.authenticated && link.getAttribute("aria-pressed") !== "true") usePersonalLink(link);
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-save], [data-follow]");
    if (!link || (!personal && !personalAsked)) return;
    event.preventDefault();
    /* A click that beats the state answer waits for it rather than leaving the page. */
    if (personal) usePersonalLink(link);
    else personalAsked.then(function () { usePersonalLink(link); });
  });
  refreshPersonal();

  /* The site's newest stories. A page from the cache shows the bell's stories and Latest
     as they were when it was rendered (a while ago, at most NEWSROOM_PAGE_CACHE_SOFT_SECONDS);
     they are brought up to date from the site-parts page, which is always exact. The bell's
     times, written as dates for readers without JavaScript, read as "5 minutes ago". */
  var sitePartsUrl = root.getAttribute("data-site-parts-url");
  function ago(when) {
    var seconds = Math.max(0, (Date.now() - when.getTime()) / 1000);
    var units = [[86400, "day"], [3600, "hour"], [60, "minute"]];
    for (var i = 0; i < units.length; i++) {
      var count = Math.floor(seconds / units[i][0]);
      if (count >= 1) return count + " " + units[i][1] + (count === 1 ? "" : "s") + " ago";
    }
    return "just now";
  }
  function showAgo() {
    all("time[data-ago]").forEach(function (time) {
      // "+0530" as Date reads it: "+05:30".
      var when = new Date(time.getAttribute("datetime").replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));
      if (!isNaN(when.getTime())) time.textContent = ago(when);
    });
  }
  function links(nodes) {
    return nodes.map(function (node) {
      var link = node.querySelector("a[href]");
      return link ? link.getAttribute("href") : node.textContent.trim();
    }).join("\n");
  }
  /* Replaced only when they list other stories: a page that is up to date stays as it is
     (no pictures laid out again under the reader's eyes). */
  function putChildren(target, nodes) {
    if (links(Array.prototype.slice.call(target.children)) === links(nodes)) return;
    while (target.firstChild) target.removeChild(target.firstChild);
    nodes.forEach(function (node) { target.appendChild(document.importNode(node, true)); });
  }
  function showBell(part) {
    var list = document.querySelector(".notifications__list");
    if (!list) return;
    putChildren(list, Array.prototype.slice.call(part.children));
    var count = parseInt(part.getAttribute("data-count"), 10) || 0;
    var summary = document.querySelector(".notifications summary");
    var badge = summary && summary.querySelector(".badge");
    if (!count) {
      if (badge) badge.remove();
    } else if (summary) {
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "badge";
        badge.setAttribute("aria-hidden", "true");
        summary.appendChild(badge);
      }
      badge.textContent = String(count);
    }
  }
  function showLatest(part) {
    var box = document.querySelector("[data-latest]");
    if (!box) return;
    var here = window.location.pathname;
    var size = parseInt(box.getAttribute("data-latest"), 10) || box.children.length;
    var items = Array.prototype.slice.call(part.children).filter(function (item) {
      // Never the story the page is about.
      return !Array.prototype.some.call(item.querySelectorAll("a[href]"), function (link) {
        return new URL(link.getAttribute("href"), window.location.href).pathname === here;
      });
    });
    putChildren(box, items.slice(0, size));
    var section = box.closest("section");
    if (section) section.hidden = !box.children.length;
  }
  function refreshSiteParts() {
    if (!sitePartsUrl || !window.fetch || !window.DOMParser) return;
    fetch(sitePartsUrl, { credentials: "omit" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var parts = new DOMParser().parseFromString(html, "text/html");
        var bell = parts.querySelector('[data-site-part="notifications"]');
        var latest = parts.querySelector('[data-site-part="latest"]');
        if (bell) showBell(bell);
        if (latest) showLatest(latest);
        showAgo();
      })
      .catch(function () { /* the page's own copy stays */ });
  }
  showAgo();
  refreshSiteParts();

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
