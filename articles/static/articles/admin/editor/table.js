/* Tables with a caption and a header row, stored as
   <table><caption>…</caption><thead><tr><th>…</th></tr></thead><tbody>…</tbody></table>
   (docs/rich-bodies.md).

   ProseMirror's tables hold rows only, so the caption is the table's attribute (plain text,
   set with the "Table caption" button or when inserting the table), drawn inside the table
   in the editor and written as its <caption>. ProseMirror has no <thead> either: the leading
   rows made only of header cells are moved into one when the editor writes the body, and a
   cell holding a single paragraph is written without it (<td>12</td>). */
import {
  Table,
  gettext,
  mergeAttributes,
  updateAttrsDialog,
} from "django-prose-editor/editor"
import { linkEditorStylesheet } from "./stylesheet.js"

linkEditorStylesheet()

const CAPTION_HELP = "What the table shows, in a sentence. Readers see it above the table."

const insertDialog = updateAttrsDialog(
  {
    rows: { type: "number", title: gettext("Rows"), format: "number", min: "1", max: "100" },
    cols: { type: "number", title: gettext("Columns"), format: "number", min: "1", max: "30" },
    withHeaderRow: { title: gettext("Header row"), enum: ["Yes", "No"] },
    caption: { type: "string", title: gettext("Caption"), description: gettext(CAPTION_HELP) },
  },
  { title: gettext("Insert a table"), submitText: gettext("Insert table") },
)

const captionDialog = updateAttrsDialog(
  { caption: { type: "string", title: gettext("Caption"), description: gettext(CAPTION_HELP) } },
  { title: gettext("Table caption"), submitText: gettext("Set caption") },
)

const captionOf = (table) =>
  (table.querySelector(":scope > caption")?.textContent || "").replace(/\s+/g, " ").trim()

export const CaptionedTable = Table.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: "",
        parseHTML: captionOf,
        renderHTML: () => ({}), // written as the <caption> element, below
      },
    }
  },

  parseHTML() {
    // The caption is read into the attribute; its text is not a row's.
    return [{ tag: "table" }, { tag: "caption", ignore: true }]
  },

  renderHTML({ node, HTMLAttributes }) {
    const attributes = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)
    const caption = node.attrs.caption
    return caption
      ? ["table", attributes, ["caption", caption], ["tbody", 0]]
      : ["table", attributes, ["tbody", 0]]
  },

  addNodeView() {
    const createView = this.parent?.()
    return (props) => {
      const view = createView(props)
      const caption = document.createElement("caption")
      caption.contentEditable = "false"
      const show = (node) => {
        caption.textContent = node.attrs.caption || ""
        caption.hidden = !node.attrs.caption
      }
      show(props.node)
      view.table.prepend(caption) // outside the rows: the view ignores what changes there
      const update = view.update.bind(view)
      view.update = (node) => {
        if (!update(node)) return false
        show(node)
        return true
      }
      return view
    }
  },

  addCommands() {
    return {
      ...this.parent?.(),
      insertTableWithOptions:
        () =>
        ({ editor }) => {
          insertDialog(editor, { rows: "3", cols: "3", withHeaderRow: "Yes", caption: "" }).then(
            (attrs) => {
              if (!attrs) return
              editor
                .chain()
                .focus()
                .insertTable({
                  rows: Number.parseInt(attrs.rows, 10) || 3,
                  cols: Number.parseInt(attrs.cols, 10) || 3,
                  withHeaderRow: attrs.withHeaderRow === "Yes",
                })
                .updateAttributes(this.name, { caption: attrs.caption.trim() })
                .run()
            },
          )
          return true
        },
      setTableCaption:
        (caption) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { caption: (caption || "").trim() }),
    }
  },

  addMenuItems(storage) {
    this.parent?.(storage)
    storage.menu.defineItem({
      name: "table:caption",
      groups: "table",
      command(editor) {
        const current = editor.getAttributes("table").caption || ""
        captionDialog(editor, { caption: current }).then((attrs) => {
          if (attrs) editor.chain().focus().setTableCaption(attrs.caption).run()
        })
      },
      button: storage.buttons.material("subtitles", gettext("Table caption")),
      hidden(editor) {
        return !editor.isActive("table")
      },
    })
  },

  onBeforeCreate() {
    const getHTML = this.editor.getHTML.bind(this.editor)
    this.editor.getHTML = () => storedTables(getHTML())
  },
})

/** `html` with each table's leading header rows in a <thead>, and cells that hold one
    paragraph written without it. */
export function storedTables(html) {
  if (!html.includes("<table")) return html
  const template = document.createElement("template")
  template.innerHTML = html
  for (const table of template.content.querySelectorAll("table")) {
    const body = table.querySelector(":scope > tbody")
    if (!body) continue
    const rows = [...body.rows]
    let headerRows = 0
    // A table of header cells only keeps them in its body: a <thead> is for rows above data.
    while (
      headerRows < rows.length - 1 &&
      [...rows[headerRows].cells].every((cell) => cell.tagName === "TH")
    ) {
      headerRows += 1
    }
    if (headerRows) {
      const head = document.createElement("thead")
      head.append(...rows.slice(0, headerRows))
      body.before(head)
    }
    for (const cell of table.querySelectorAll(":scope > * > tr > :is(th, td)")) {
      const only = cell.firstChild
      if (only && only === cell.lastChild && only.nodeName === "P") {
        only.replaceWith(...only.childNodes)
      }
    }
  }
  return template.innerHTML
}
