// The library picture's focal point: click on the picture (or use the arrow keys on it) to
// set the two number boxes, which work on their own without JavaScript.
"use strict";
(() => {
  const clamp = (value) => Math.min(1, Math.max(0, value));
  const round = (value) => Math.round(clamp(value) * 100) / 100;

  function setUp(picker) {
    const x = document.getElementById(picker.dataset.x);
    const y = document.getElementById(picker.dataset.y);
    const image = picker.querySelector("img");
    const mark = picker.querySelector(".focal-picker__mark");
    if (!x || !y || !image || !mark) return;
    const read = (input) => (input.value === "" ? 0.5 : clamp(parseFloat(input.value) || 0));
    const show = () => {
      mark.style.left = `${read(x) * 100}%`;
      mark.style.top = `${read(y) * 100}%`;
    };
    const set = (across, down) => {
      x.value = round(across);
      y.value = round(down);
      x.dispatchEvent(new Event("change", { bubbles: true }));
      show();
    };
    picker.tabIndex = 0;
    picker.setAttribute("role", "group");
    picker.setAttribute(
      "aria-label",
      "Focal point: click the subject, or move it with the arrow keys",
    );
    image.addEventListener("click", (event) => {
      const box = image.getBoundingClientRect();
      set((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
    });
    picker.addEventListener("keydown", (event) => {
      const step = event.shiftKey ? 0.1 : 0.05;
      const moves = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      set(read(x) + move[0], read(y) + move[1]);
    });
    x.addEventListener("input", show);
    y.addEventListener("input", show);
    show();
  }

  const start = () => document.querySelectorAll("[data-focal-picker]").forEach(setUp);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
