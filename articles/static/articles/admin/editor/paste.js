/* Clean paste: what Word, Google Docs and web pages put on the clipboard, reduced to what a
   story's body holds. Kept: headings, paragraphs, bold, italic, underline, strike, sub- and
   superscript, links, real nested lists, block quotes, tables (header row and caption).
   Dropped: styles, classes, ids, comments (Word's <!--[if …]> ones too), Office elements
   (<o:p>, <v:…>), pictures (a local file or another site's address: pictures come from the
   library), and empty paragraphs.

   Word writes a list as paragraphs (class MsoListParagraph…, style "mso-list:l0 level1 lfo1")
   whose marker ("·", "o", "§", "1.", "a.") sits in a <span style="mso-list:Ignore">; they
   become <ul>/<ol>, nested by level. Google Docs wraps the whole copy in
   <b style="font-weight:normal" id="docs-internal-guid-…"> (not bold) and marks bold and
   italic on spans' styles (font-weight:700, font-style:italic): they become <strong>/<em>. A
   table whose first row is bold throughout gets it as its header row, and Word's caption
   paragraph (MsoCaption) beside a table becomes its <caption>.

   HTML copied from this editor itself (it carries data-pm-slice) is left alone. */
import { Extension, Plugin } from "django-prose-editor/editor"

export const CleanPaste = Extension.create({
  name: "cleanPaste",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          transformPastedHTML: (html) =>
            html.includes("data-pm-slice") ? html : cleanPastedHTML(html),
        },
      }),
    ]
  },
})

const DROPPED = new Set([
  "SCRIPT", "STYLE", "META", "LINK", "TITLE", "XML", "TEMPLATE", "NOSCRIPT", "IMG", "PICTURE",
  "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "IFRAME", "OBJECT", "EMBED", "INPUT", "BUTTON",
  "SELECT", "TEXTAREA", "O:P",
])
// Element -> what it is kept as; everything else is unwrapped (its content kept).
const KEPT = {
  P: "p", H1: "h2", H2: "h2", H3: "h3", H4: "h4", H5: "h4", H6: "h4",
  STRONG: "strong", B: "strong", EM: "em", I: "em", CITE: "em", U: "u", INS: "u",
  S: "s", STRIKE: "s", DEL: "s", SUB: "sub", SUP: "sup", A: "a", BR: "br",
  UL: "ul", OL: "ol", LI: "li", BLOCKQUOTE: "blockquote", HR: "hr",
  TABLE: "table", CAPTION: "caption", THEAD: "thead", TBODY: "tbody", TFOOT: "tbody",
  TR: "tr", TH: "th", TD: "td",
}  // prettier-ignore
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"])
const BLOCKS = "p, h2, h3, h4, li, td, th, caption, blockquote"
const BLANK = /^[\s\u00a0\u200b\ufeff]*$/
const OFFICE_LIST = /mso-list:\s*(l\d+)\s+level(\d+)\s+(lfo\d+)/i
const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]$/i

/** The clipboard's HTML as the body editor should read it. */
export function cleanPastedHTML(html) {
  const doc = new DOMParser().parseFromString(html, "text/html") // inert: nothing loads
  const root = doc.body
  officeLists(doc, root)
  removeComments(doc, root)
  officeCaptions(root)
  for (const quote of root.querySelectorAll("p.MsoQuote, p.MsoIntenseQuote")) {
    const blockquote = doc.createElement("blockquote")
    quote.replaceWith(blockquote)
    blockquote.append(quote)
  }
  const clean = doc.createElement("div")
  copyChildren(root, clean, doc, false)
  nestLooseLists(clean)
  headerRows(clean, doc)
  tidy(clean)
  return clean.innerHTML
}

function copyChildren(from, to, doc, inLink) {
  for (const child of from.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      to.append(doc.createTextNode(child.data))
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      copyElement(child, to, doc, inLink)
    }
  }
}

function copyElement(element, to, doc, inLink) {
  const name = element.nodeName.toUpperCase()
  if (DROPPED.has(name) || /^[VW]:/.test(name)) return
  let kept = KEPT[name]
  if (kept === "a" && (inLink || !linkTarget(element))) kept = undefined
  if (kept === "strong" && /^(normal|[1-4]00)$/.test(element.style.fontWeight)) kept = undefined
  let target = to
  if (kept) {
    target = doc.createElement(kept)
    if (kept === "a") target.setAttribute("href", linkTarget(element))
    for (const attribute of ["colspan", "rowspan"]) {
      const value = Number.parseInt(element.getAttribute(attribute), 10)
      if ((kept === "td" || kept === "th") && value > 1) target.setAttribute(attribute, value)
    }
    const start = Number.parseInt(element.getAttribute("start"), 10)
    if (kept === "ol" && start > 1) target.setAttribute("start", start)
    to.append(target)
  }
  // Formatting written as style (Google Docs, web pages) becomes elements.
  for (const mark of styleMarks(element, inLink || kept === "a")) {
    const wrapper = doc.createElement(mark)
    target.append(wrapper)
    target = wrapper
  }
  copyChildren(element, target, doc, inLink || kept === "a")
}

function linkTarget(element) {
  const href = (element.getAttribute("href") || "").trim()
  try {
    const url = new URL(href)
    return LINK_SCHEMES.has(url.protocol) ? href : ""
  } catch {
    return "" // relative: Word's bookmarks and footnote anchors lead nowhere in a story
  }
}

function styleMarks(element, inLink) {
  const style = element.style
  // Blocks' own styles say how Google Docs laid them out, not how the words are set.
  if (!element.getAttribute("style") || /^(P|H\d|LI|T[DHR]|TABLE|[OU]L)$/.test(element.nodeName)) {
    return []
  }
  const marks = []
  const weight = style.fontWeight
  if (weight === "bold" || weight === "bolder" || Number(weight) >= 600) marks.push("strong")
  if (style.fontStyle === "italic" || style.fontStyle === "oblique") marks.push("em")
  const decoration = `${style.textDecorationLine} ${style.textDecoration}`
  if (!inLink && decoration.includes("underline")) marks.push("u")
  if (decoration.includes("line-through")) marks.push("s")
  if (style.verticalAlign === "super") marks.push("sup")
  if (style.verticalAlign === "sub") marks.push("sub")
  return marks
}

function removeComments(doc, root) {
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT)
  const comments = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.remove()
}

/* Word's lists: runs of paragraphs with "mso-list:lN levelM lfoK" become nested lists. */
function officeLists(doc, root) {
  // Paragraphs only: a numbered heading stays a heading, its number kept as text.
  const items = [...root.querySelectorAll("p")].filter((p) =>
    OFFICE_LIST.test(p.getAttribute("style") || ""),
  )
  let run = []
  for (const item of items) {
    const previous = run.at(-1)
    if (previous && !(previous.parentNode === item.parentNode && nextElement(previous) === item)) {
      buildList(doc, run)
      run = []
    }
    run.push(item)
  }
  if (run.length) buildList(doc, run)
}

function nextElement(node) {
  let next = node.nextSibling
  while (next && next.nodeType !== Node.ELEMENT_NODE) next = next.nextSibling
  return next
}

function buildList(doc, paragraphs) {
  const first = paragraphs[0]
  const stack = [] // {list, level, ordered, lfo}
  const lists = []
  for (const paragraph of paragraphs) {
    const [, , level, lfo] = OFFICE_LIST.exec(paragraph.getAttribute("style"))
    const item = { level: Number(level), lfo, ...takeMarker(paragraph) }
    while (stack.length && stack.at(-1).level > item.level) stack.pop()
    let top = stack.at(-1)
    if (top && top.level === item.level && (top.ordered !== item.ordered || top.lfo !== item.lfo)) {
      stack.pop() // another list at this level
      top = stack.at(-1)
    }
    if (!top || top.level < item.level) {
      const list = doc.createElement(item.ordered ? "ol" : "ul")
      if (item.ordered && item.start > 1) list.setAttribute("start", item.start)
      if (top) {
        let holder = top.list.lastElementChild
        if (!holder) holder = top.list.appendChild(doc.createElement("li"))
        holder.append(list)
      } else {
        lists.push(list)
      }
      top = { list, level: item.level, ordered: item.ordered, lfo: item.lfo }
      stack.push(top)
    }
    const li = doc.createElement("li")
    const p = doc.createElement("p")
    p.append(...paragraph.childNodes)
    li.append(p)
    top.list.append(li)
  }
  first.before(...lists)
  for (const paragraph of paragraphs) paragraph.remove()
}

/* The marker Word draws before a list paragraph: read (bullet or number), then removed. It
   sits between <![if !supportLists]> and <![endif]>, in a span styled mso-list:Ignore. */
function takeMarker(paragraph) {
  let text = ""
  const ignored = [...paragraph.querySelectorAll("span")].find((span) =>
    /mso-list:\s*ignore/i.test(span.getAttribute("style") || ""),
  )
  if (ignored) {
    text = ignored.textContent
    // Its font span (Symbol, Wingdings) holds nothing else.
    const outer = ignored.parentElement
    ignored.remove()
    if (outer !== paragraph && outer.nodeName === "SPAN" && BLANK.test(outer.textContent)) {
      outer.remove()
    }
  } else {
    const nodes = [...paragraph.childNodes]
    const comment = (node, pattern) =>
      node.nodeType === Node.COMMENT_NODE && pattern.test(node.data)
    const start = nodes.findIndex((node) => comment(node, /^\[if !supportLists\]/))
    const end = nodes.findIndex((node, i) => i > start && comment(node, /^\[endif\]/))
    if (start >= 0 && end > start) {
      for (const node of nodes.slice(start + 1, end)) {
        text += node.textContent
        node.remove()
      }
    }
  }
  const marker = text.replace(/[\s\u00a0]+/g, "")
  const ordered = ORDERED_MARKER.test(marker)
  const start = ordered && /^\(?\d+/.test(marker) ? Number.parseInt(marker.replace("(", ""), 10) : 1
  return { ordered, start }
}

/* Word's caption paragraph right before or after a table becomes that table's <caption>. */
function officeCaptions(root) {
  for (const paragraph of root.querySelectorAll("p.MsoCaption")) {
    const tableOf = (node) =>
      node && (node.nodeName === "TABLE" ? node : node.querySelector?.(":scope > table"))
    let previous = paragraph.previousSibling
    while (previous && previous.nodeType !== Node.ELEMENT_NODE) previous = previous.previousSibling
    const table = tableOf(nextElement(paragraph)) || tableOf(previous)
    if (!table || table.querySelector(":scope > caption")) continue
    const caption = paragraph.ownerDocument.createElement("caption")
    caption.append(...paragraph.childNodes)
    table.prepend(caption)
    paragraph.remove()
  }
}

/* Google Docs nests a list as a sibling of the item it belongs to (<ul><li>…</li><ul>…): it
   goes into that item. */
function nestLooseLists(root) {
  for (const list of root.querySelectorAll("ul > ul, ul > ol, ol > ul, ol > ol")) {
    let item = list.previousElementSibling
    if (!item || item.nodeName !== "LI") {
      item = list.ownerDocument.createElement("li")
      list.before(item)
    }
    item.append(list)
  }
}

/* A table with no header cells whose first row is bold throughout: that row is its header. */
function headerRows(root, doc) {
  for (const table of root.querySelectorAll("table")) {
    if (table.querySelector("th, thead")) continue
    const rows = table.querySelectorAll(":scope > * > tr, :scope > tr")
    if (rows.length < 2) continue
    const cells = [...rows[0].children]
    const bold = (cell) => {
      const texts = [...textNodes(cell)].filter((text) => !BLANK.test(text.data))
      const isBold = (text) => cell.contains(text.parentElement.closest("strong"))
      return texts.length && texts.every(isBold)
    }
    if (!cells.length || !cells.every(bold)) continue
    for (const cell of cells) {
      const th = doc.createElement("th")
      for (const attribute of cell.attributes) th.setAttribute(attribute.name, attribute.value)
      th.append(...cell.childNodes)
      for (const strong of th.querySelectorAll("strong")) strong.replaceWith(...strong.childNodes)
      cell.replaceWith(th)
    }
  }
}

function* textNodes(node) {
  const walker = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT)
  while (walker.nextNode()) yield walker.currentNode
}

/* Empty paragraphs go, and so do line breaks that end a block or stand between blocks. */
function tidy(root) {
  for (const br of [...root.querySelectorAll(":scope > br")]) br.remove()
  for (const block of [...root.querySelectorAll(BLOCKS)].reverse()) {
    for (const end of ["lastChild", "firstChild"]) {
      let edge = block[end]
      const blank = (node) => node.nodeType === Node.TEXT_NODE && BLANK.test(node.data)
      while (edge && (edge.nodeName === "BR" || blank(edge))) {
        const next = end === "lastChild" ? edge.previousSibling : edge.nextSibling
        if (edge.nodeName === "BR") edge.remove()
        edge = next
      }
    }
    const empty = BLANK.test(block.textContent) && !block.querySelector("table, hr")
    if (empty && !/^T[DH]$/.test(block.nodeName)) block.remove()
  }
  for (const list of [...root.querySelectorAll("ul, ol")].reverse()) {
    if (!list.children.length) list.remove()
  }
}
