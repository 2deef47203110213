// Counters under the story's fields on the article form, updated as the editor types:
// characters for the headline, summary and SEO fields, words and reading time for the body.
// Each counter is a plain line of text that the field's aria-describedby points to; it is not
// a live region, because announcing every keystroke is noise. Without JavaScript there are
// simply no counters.
"use strict";
(() => {
  // Character marks, and what passing one means (said in words, not by colour alone).
  const MARKS = {
    // Google News shows about 110 characters of a headline.
    headline: { mark: 110, over: "longer than Google News shows" },
    // The summary is the page's meta description whenever the SEO description is empty
    // (templates/articles/article_detail.html), and search results show about 160
    // characters of that. Story cards print it whole, so this is the only length that cuts.
    summary: { mark: 160, over: "longer than search results show, if there is no SEO description" },
    seo_title: { mark: 60, over: "longer than search results show" },
    seo_description: { mark: 160, over: "longer than search results show" },
  };

  // The body's words and reading time, counted as the server counts them on save
  // (articles/sanitize.py html_to_text, articles/models/article.py reading_minutes): every tag
  // becomes a space, entities are decoded, and the text is split on what Python's
  // str.split() takes for whitespace; minutes are ceil(words / 200), at least 1.
  const WORDS_PER_MINUTE = 200;
  const TAG = /<[^>]+>/g;
  const WHITESPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  // A <textarea>'s content is parsed as text: entities are decoded, nothing is built or run.
  const decoder = document.createElement("textarea");

  const numbers = (() => {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || undefined);
    } catch {
      return new Intl.NumberFormat(); // a page language the browser does not know
    }
  })();

  function countWords(html) {
    decoder.innerHTML = html.replace(TAG, " ");
    return decoder.value.split(WHITESPACE).filter(Boolean).length;
  }

  function bodyText(html) {
    const words = countWords(html);
    const minutes = Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
    return `${numbers.format(words)} ${words === 1 ? "word" : "words"} · ${numbers.format(minutes)} min read`;
  }

  // Characters as Python's len() counts them (code points), which is what max_length checks.
  function charactersText(value, { mark, over }) {
    const count = [...value].length;
    const text = `${numbers.format(count)} / ${numbers.format(mark)} characters`;
    return count > mark ? [`${text} — ${over}`, true] : [text, false];
  }

  function describe(element, id) {
    const ids = (element.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (!ids.includes(id)) element.setAttribute("aria-describedby", [...ids, id].join(" "));
  }

  // The counter goes under the field, before its help text; `.help` lines it up with the input.
  // Its text is in a span, which is what turns amber (a box the width of the words).
  function addCounter(field) {
    const counter = document.createElement("div");
    counter.className = "help counter";
    counter.id = `${field.id}_counter`;
    counter.append(document.createElement("span"));
    const row = field.closest(".flex-container") || field;
    row.after(counter);
    describe(field, counter.id);
    return counter;
  }

  function start() {
    for (const [name, marks] of Object.entries(MARKS)) countCharacters(name, marks);
    countBody();
  }

  function countCharacters(name, marks) {
    const field = document.getElementById(`id_${name}`);
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    const counter = addCounter(field);
    const update = () => {
      const [text, isOver] = charactersText(field.value, marks);
      counter.firstChild.textContent = text;
      counter.classList.toggle("counter--over", isOver);
    };
    field.addEventListener("input", update);
    update();
  }

  // The body editor (django-prose-editor) writes its HTML into this textarea on every change
  // and fires `input` on it, so the textarea's value is what will be saved and counted on the
  // server. Changes seen in the editor's own element also recount it, in case one arrives
  // without that event. If the editor never loads, the textarea is typed in directly.
  function countBody() {
    const body = document.getElementById("id_body");
    if (!(body instanceof HTMLTextAreaElement)) return;
    const counter = addCounter(body);
    let pending = 0;
    const update = () => {
      pending = 0;
      counter.firstChild.textContent = bodyText(body.value);
    };
    const schedule = () => {
      if (!pending) pending = requestAnimationFrame(update);
    };
    const watched = new WeakSet();
    const watch = (editor) => {
      if (!(editor instanceof HTMLElement) || watched.has(editor)) return;
      watched.add(editor);
      describe(editor, counter.id); // the editor, not the hidden textarea, has the focus
      new MutationObserver(schedule).observe(editor, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    };
    body.addEventListener("input", update);
    body.addEventListener("prose-editor:ready", (event) => {
      watch(event.detail && event.detail.editor && event.detail.editor.view.dom);
    });
    // The editor may have started before this script ran.
    const wrapper = body.closest(".prose-editor");
    if (wrapper) watch(wrapper.querySelector(":scope > .ProseMirror"));
    update();
  }

  // The admin loads form media in the page's head, before the fields exist.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
