/* Embeds: each facade's "Load video from YouTube" button puts the player in its place.
 *
 * Loaded only on pages with embeds. Until a reader clicks, nothing is asked of the
 * provider; without this script the facade is a link to the original. The frame's address,
 * title, permissions and sandbox come from the button's data attributes, written by the
 * server (articles/embeds/render.py). No inline script or style: the page's CSP allows
 * neither, and frame-src only the players on this page.
 */
(function () {
  "use strict";

  function load(button) {
    var figure = button.closest(".embed");
    var box = figure && figure.querySelector(".embed__box");
    if (!box) return;
    var frame = document.createElement("iframe");
    frame.className = "embed__frame";
    frame.src = button.dataset.frame;
    frame.title = button.dataset.title;
    if (button.dataset.allow) frame.setAttribute("allow", button.dataset.allow);
    frame.setAttribute("sandbox", button.dataset.sandbox);
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    figure.classList.add("embed--loaded");
    box.replaceWith(frame);
    frame.focus();
  }

  function start() {
    var buttons = document.querySelectorAll(".embed__load[data-frame]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (event) {
        load(event.currentTarget);
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
