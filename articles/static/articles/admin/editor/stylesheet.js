/* The editor's look for what our own extensions add (pull quotes, table captions):
   editor.css beside this module, linked once. A stylesheet of our own origin, so the
   admin's CSP lets it load. */
const href = new URL("./editor.css", import.meta.url).href

export function linkEditorStylesheet() {
  if (document.querySelector(`link[data-newsroom-editor-css]`)) return
  const link = document.createElement("link")
  link.rel = "stylesheet"
  link.href = href
  link.dataset.newsroomEditorCss = ""
  document.head.append(link)
}
