/* A picture of the media library inside the body, stored as
   <figure data-picture="ID"><figcaption>…</figcaption></figure> (docs/rich-bodies.md) and shown
   in the editor as the picture. The "Image" button opens a picker: search the library, or
   upload a new picture on the spot with its alt text (required), caption and credit. The
   picker talks to the library's staff-only endpoints (articles/admin/library.py), the upload
   with the page's CSRF token. Reader pages get the picture's renditions from the server
   (articles/library/render.py); nothing here reaches them. */
import { Node } from "django-prose-editor/editor"
import { linkEditorStylesheet } from "./stylesheet.js"

linkEditorStylesheet()

const known = new Map() // picture id -> what the choose endpoint said of it

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value)
  }
  node.append(...children)
  return node
}

function csrfToken() {
  const input = document.querySelector("input[name=csrfmiddlewaretoken]")
  if (input) return input.value
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="))
  return cookie ? decodeURIComponent(cookie.split("=")[1]) : ""
}

async function lookUp(chooseUrl, query) {
  const response = await fetch(`${chooseUrl}?${new URLSearchParams(query)}`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
  if (!response.ok) throw new Error(`The library answered ${response.status}.`)
  const { results } = await response.json()
  for (const picture of results) known.set(String(picture.id), picture)
  return results
}

let pending = null // ids waiting to be looked up together, for the pictures already in a body
function describe(chooseUrl, id) {
  if (known.has(id)) return Promise.resolve(known.get(id))
  if (!pending) {
    pending = { ids: new Set(), promise: null }
    pending.promise = new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      const ids = [...pending.ids]
      pending = null
      return lookUp(chooseUrl, { ids: ids.join(",") }).catch(() => [])
    })
  }
  pending.ids.add(id)
  return pending.promise.then(() => known.get(id) || null)
}

function openPicker({ chooseUrl, uploadUrl, onPick }) {
  const errors = element("div", { class: "picture-picker__errors", role: "alert" })
  const search = element("input", { type: "search", id: "picture-picker-search" })
  const results = element("ul", { class: "picture-picker__results", "aria-label": "Pictures found" })
  const status = element("p", { role: "status", class: "help" })
  const caption = element("input", { type: "text", id: "picture-picker-caption", maxlength: "300" })
  const file = element("input", { type: "file", id: "picture-picker-file", accept: "image/*" })
  const alt = element("input", { type: "text", id: "picture-picker-alt", maxlength: "250" })
  const newCaption = element("input", { type: "text", id: "picture-picker-new-caption", maxlength: "300" })
  const credit = element("input", { type: "text", id: "picture-picker-credit", maxlength: "150" })
  const upload = element("button", { type: "button", class: "button", text: "Upload and insert" })
  const cancel = element("button", { type: "button", class: "button", text: "Cancel" })
  const dialog = element("dialog", { class: "picture-picker", "aria-labelledby": "picture-picker-title" }, [
    element("h2", { id: "picture-picker-title", text: "Insert a picture" }),
    element("fieldset", {}, [
      element("legend", { text: "From the media library" }),
      element("label", { for: "picture-picker-search", text: "Search by alt text, caption or credit" }),
      search,
      status,
      results,
      element("label", { for: "picture-picker-caption", text: "Caption in this story (optional: the library's otherwise)" }),
      caption,
    ]),
    element("fieldset", {}, [
      element("legend", { text: "Or upload a new picture into the library" }),
      element("label", { for: "picture-picker-file", text: "Picture" }),
      file,
      element("label", { for: "picture-picker-alt", text: "Alt text (required): describe the picture" }),
      alt,
      element("label", { for: "picture-picker-new-caption", text: "Caption" }),
      newCaption,
      element("label", { for: "picture-picker-credit", text: "Credit" }),
      credit,
    ]),
    errors,
    element("div", { class: "picture-picker__actions" }, [upload, cancel]),
  ])

  const close = () => {
    dialog.close()
    dialog.remove()
  }
  const pick = (picture, text) => {
    close()
    onPick(picture, text)
  }

  let timer = null
  const find = async () => {
    try {
      const found = await lookUp(chooseUrl, { q: search.value })
      status.textContent = found.length ? `${found.length} pictures` : "No picture matches."
      results.replaceChildren(
        ...found.map((picture) => {
          const button = element("button", { type: "button" }, [
            element("img", { src: picture.thumbnail, alt: "" }),
            element("span", { text: picture.alt || picture.caption || `#${picture.id}` }),
          ])
          button.setAttribute("aria-label", `Insert: ${picture.alt || picture.caption || picture.id}`)
          button.addEventListener("click", () => pick(picture, caption.value.trim()))
          return element("li", {}, [button])
        }),
      )
    } catch (error) {
      status.textContent = error.message
    }
  }
  search.addEventListener("input", () => {
    clearTimeout(timer)
    timer = setTimeout(find, 250)
  })

  upload.addEventListener("click", async () => {
    errors.replaceChildren()
    const problems = []
    if (!file.files.length) problems.push("Choose a picture to upload.")
    if (!alt.value.trim()) problems.push("Alt text: describe the picture for readers who cannot see it.")
    if (problems.length) {
      errors.replaceChildren(...problems.map((text) => element("p", { text })))
      return
    }
    const data = new FormData()
    data.append("image", file.files[0])
    data.append("alt", alt.value.trim())
    data.append("caption", newCaption.value.trim())
    data.append("credit", credit.value.trim())
    upload.disabled = true
    try {
      const response = await fetch(uploadUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      })
      const answer = await response.json().catch(() => ({}))
      if (response.ok && answer.picture) {
        known.set(String(answer.picture.id), answer.picture)
        pick(answer.picture, "")
        return
      }
      const messages = Object.values(answer.errors || {}).flat()
      errors.replaceChildren(
        ...(messages.length ? messages : [`The upload was refused (${response.status}).`]).map(
          (text) => element("p", { text }),
        ),
      )
    } catch (error) {
      errors.replaceChildren(element("p", { text: `The upload failed: ${error.message}` }))
    } finally {
      upload.disabled = false
    }
  })
  cancel.addEventListener("click", close)
  dialog.addEventListener("close", () => dialog.remove())

  document.body.append(dialog)
  dialog.showModal()
  search.focus()
  find()
}

export const LibraryPicture = Node.create({
  name: "libraryPicture",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { chooseUrl: "", uploadUrl: "" }
  },

  addAttributes() {
    return {
      picture: { default: null },
      caption: { default: "" },
    }
  },

  parseHTML() {
    return [
      {
        tag: "figure[data-picture]",
        // Before the package's own figure rule, if it is ever enabled.
        priority: 70,
        getAttrs: (dom) => {
          const id = dom.getAttribute("data-picture") || ""
          if (!/^[1-9][0-9]*$/.test(id)) return false
          const caption = dom.querySelector("figcaption")
          return { picture: id, caption: caption ? caption.textContent.trim() : "" }
        },
      },
    ]
  },

  renderHTML({ node }) {
    const figure = ["figure", { "data-picture": node.attrs.picture }]
    return node.attrs.caption ? [...figure, ["figcaption", node.attrs.caption]] : figure
  },

  addNodeView() {
    const { chooseUrl } = this.options
    return ({ node }) => {
      const image = element("img", { alt: "" })
      const text = element("figcaption")
      const dom = element("figure", { "data-picture": node.attrs.picture, contenteditable: "false" }, [
        image,
        text,
      ])
      describe(chooseUrl, String(node.attrs.picture)).then((picture) => {
        if (!picture) {
          text.textContent = `Picture #${node.attrs.picture} is no longer in the library: readers will not see it.`
          return
        }
        image.src = picture.thumbnail
        image.alt = picture.alt
        text.textContent = node.attrs.caption || picture.caption || ""
      })
      return { dom }
    }
  },

  addCommands() {
    return {
      insertLibraryPicture:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    }
  },

  addMenuItems({ buttons, menu }) {
    const { chooseUrl, uploadUrl } = this.options
    menu.defineItem({
      name: "libraryPicture",
      groups: "nodes",
      button: buttons.material("image", "Image"),
      command(editor) {
        openPicker({
          chooseUrl,
          uploadUrl,
          onPick(picture, caption) {
            editor
              .chain()
              .focus()
              .insertLibraryPicture({ picture: String(picture.id), caption })
              .run()
          },
        })
      },
      enabled(editor) {
        return editor.can().insertLibraryPicture({ picture: "1", caption: "" })
      },
    })
  },
})
