/* Embeds in the body editor (docs/rich-bodies.md).
 *
 * An "Embed" button asks for a provider's address and an optional caption; a provider's
 * address pasted on its own line becomes an embed too. Either way the server decides
 * (articles/admin/embeds.py asks articles.embeds, the sanitizer's own rule): an address it
 * does not know is refused with its message, and nothing is ever fetched from a provider.
 * The embed is stored as <figure data-embed="…" data-id="…"><figcaption>…</figcaption>
 * </figure> and shown here as a labelled box; readers get a click-to-load facade.
 */
import { Node, Plugin, gettext } from "django-prose-editor/editor"

const check = async (url, checkUrl) => {
  const address = `${checkUrl}?url=${encodeURIComponent(url)}`
  try {
    const response = await fetch(address, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
    return await response.json()
  } catch {
    return {
      ok: false,
      message: gettext("The address could not be checked: try again in a moment."),
    }
  }
}

const looksLikeAddress = (text) => /^https?:\/\/\S+$/i.test(text)

const element = (tag, properties = {}, children = []) => {
  const node = document.createElement(tag)
  Object.assign(node, properties)
  node.append(...children)
  return node
}

/* The dialog: the address, the caption, and the server's refusal shown in place. */
const askForEmbed = (editor, { checkUrl, caption = "", editing = false }) =>
  new Promise((resolve) => {
    const id = `embed-dialog-${Math.random().toString(36).slice(2)}`
    const url = element("input", {
      id: `${id}-url`,
      name: "url",
      type: "url",
      size: 50,
      required: !editing,
      placeholder: "https://www.youtube.com/watch?v=…",
    })
    const text = element("input", { id: `${id}-caption`, name: "caption", size: 50 })
    text.value = caption
    const error = element("p", { className: "errornote", hidden: true })
    error.setAttribute("role", "alert")
    const submit = element("button", { type: "submit", textContent: gettext("Embed") })
    const cancel = element("button", { type: "button", textContent: gettext("Cancel") })
    const help = editing
      ? gettext("Leave the address empty to keep this embed and change only its caption.")
      : gettext(
          "A post, video, track or map on YouTube, Vimeo, X, Instagram, Facebook, Spotify, " +
            "SoundCloud or Google Maps, or a frame from an allowed host.",
        )
    const form = element("form", { method: "dialog" }, [
      element("h3", {
        className: "prose-editor-dialog-title",
        textContent: editing ? gettext("Edit embed") : gettext("Embed"),
      }),
      element("div", { className: "prose-editor-dialog-field" }, [
        element("label", { htmlFor: url.id, textContent: gettext("Address") }),
        url,
        element("p", { className: "help", textContent: help }),
      ]),
      element("div", { className: "prose-editor-dialog-field" }, [
        element("label", {
          htmlFor: text.id,
          textContent: gettext("Caption (optional)"),
        }),
        text,
      ]),
      error,
      element("div", { className: "prose-editor-dialog-buttons" }, [submit, cancel]),
    ])
    const dialog = element("dialog", { className: "prose-editor-dialog" }, [form])
    dialog.setAttribute("aria-label", editing ? gettext("Edit embed") : gettext("Embed"))
    editor.view.dom.parentElement.append(dialog)

    let answer = null
    dialog.addEventListener("close", () => {
      dialog.remove()
      resolve(answer)
    })
    cancel.addEventListener("click", () => dialog.close())
    form.addEventListener("submit", async (event) => {
      event.preventDefault()
      const address = url.value.trim()
      if (!address && editing) {
        answer = { caption: text.value.trim() }
        dialog.close()
        return
      }
      submit.disabled = true
      const found = await check(address, checkUrl)
      submit.disabled = false
      if (!found.ok) {
        error.textContent = found.message
        error.hidden = false
        url.setAttribute("aria-invalid", "true")
        url.focus()
        return
      }
      answer = { ...found, caption: text.value.trim() }
      dialog.close()
    })
    dialog.showModal()
    url.focus()
  })

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  // Before any other figure rule (a library picture is a figure too).
  priority: 200,

  addOptions() {
    return { checkUrl: "", labels: {} }
  },

  addAttributes() {
    return {
      provider: { default: null },
      embedId: { default: null },
      caption: { default: "" },
      label: { default: null, rendered: false },
    }
  },

  parseHTML() {
    return [
      {
        tag: "figure[data-embed]",
        getAttrs: (dom) => ({
          provider: dom.getAttribute("data-embed"),
          embedId: dom.getAttribute("data-id"),
          caption: (dom.querySelector("figcaption")?.textContent || "").trim(),
        }),
      },
    ]
  },

  renderHTML({ node }) {
    const figure = [
      "figure",
      { "data-embed": node.attrs.provider, "data-id": node.attrs.embedId },
    ]
    return node.attrs.caption ? [...figure, ["figcaption", node.attrs.caption]] : figure
  },

  addNodeView() {
    return ({ node }) => {
      const label =
        node.attrs.label ||
        this.options.labels[node.attrs.provider] ||
        gettext("Embedded frame")
      const dom = element("div", { className: "embed-node", contentEditable: "false" }, [
        element("strong", { textContent: label }),
        element("span", { textContent: ` ${node.attrs.embedId || ""}` }),
      ])
      if (node.attrs.caption) {
        dom.append(element("div", { textContent: node.attrs.caption }))
      }
      dom.dataset.embed = node.attrs.provider || ""
      dom.setAttribute("role", "group")
      dom.setAttribute("aria-label", `${label}: ${node.attrs.caption || node.attrs.embedId}`)
      Object.assign(dom.style, {
        border: "2px solid #79aec8",
        borderRadius: "6px",
        padding: "0.75rem 1rem",
        margin: "0.75rem 0",
        background: "#f0f6f9",
        color: "#1b1d21",
      })
      return { dom }
    }
  },

  addCommands() {
    return {
      openEmbedDialog:
        () =>
        ({ editor, state, dispatch }) => {
          if (!dispatch) return true
          const selected = state.selection.node
          const editing = selected?.type.name === this.name
          askForEmbed(editor, {
            checkUrl: this.options.checkUrl,
            caption: editing ? selected.attrs.caption : "",
            editing,
          }).then((answer) => {
            if (!answer) return
            if (editing && !answer.provider) {
              editor.chain().focus().updateAttributes(this.name, { caption: answer.caption }).run()
              return
            }
            editor
              .chain()
              .focus()
              .insertContent({
                type: this.name,
                attrs: {
                  provider: answer.provider,
                  embedId: answer.id,
                  caption: answer.caption,
                  label: `${answer.label} ${answer.noun}`,
                },
              })
              .run()
          })
          return true
        },
    }
  },

  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      button: buttons.text(gettext("Embed"), gettext("Embed a video, post, track or map")),
      command: (editor) => editor.commands.openEmbedDialog(),
      active: (editor) => editor.isActive(this.name),
    })
  },

  addProseMirrorPlugins() {
    const extension = this
    return [
      new Plugin({
        props: {
          // An address pasted alone on an empty line: pasted as usual, then made an embed
          // once the server knows it (a refused one simply stays the text it was).
          handlePaste(view, event) {
            const url = (event.clipboardData?.getData("text/plain") || "").trim()
            const { $from } = view.state.selection
            const emptyLine =
              $from.parent.type.name === "paragraph" && $from.parent.content.size === 0
            if (!emptyLine || !looksLikeAddress(url)) return false
            check(url, extension.options.checkUrl).then((found) => {
              if (!found.ok) return
              const { state } = view
              let target = null
              state.doc.descendants((node, pos) => {
                if (node.type.name === "paragraph" && node.textContent.trim() === url) {
                  target = { node, pos }
                }
                return !target
              })
              if (!target) return
              const embed = state.schema.nodes[extension.name].create({
                provider: found.provider,
                embedId: found.id,
                caption: "",
                label: `${found.label} ${found.noun}`,
              })
              view.dispatch(
                state.tr.replaceWith(target.pos, target.pos + target.node.nodeSize, embed),
              )
            })
            return false
          },
        },
      }),
    ]
  },
})
