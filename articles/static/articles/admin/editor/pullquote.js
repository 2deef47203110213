/* Pull quote: a block of paragraphs set large beside the text, stored as
   <blockquote class="pull-quote"><p>…</p></blockquote> (docs/rich-bodies.md), the one class
   the sanitizer keeps. A node of its own rather than a class on the block quote, so it holds
   paragraphs only, as readers' pages expect, and a plain block quote stays plain. */
import { Node, mergeAttributes } from "django-prose-editor/editor"
import { linkEditorStylesheet } from "./stylesheet.js"

linkEditorStylesheet()

export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "paragraph+",
  defining: true,

  addOptions() {
    return { HTMLAttributes: {} }
  },

  parseHTML() {
    // Before the plain block quote's rule (priority 50), which would take it otherwise.
    return [{ tag: "blockquote.pull-quote", priority: 60 }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      "blockquote",
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { class: "pull-quote" }),
      0,
    ]
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    }
  },

  addMenuItems({ buttons, menu }) {
    const button = buttons.text("❝", "Pull quote")
    button.classList.add("prose-menubar__button--pull-quote")
    menu.defineItem({
      name: "pullQuote",
      groups: "nodes",
      command(editor) {
        editor.chain().focus().togglePullQuote().run()
      },
      button,
      active(editor) {
        return editor.isActive("pullQuote")
      },
      enabled(editor) {
        return editor.can().togglePullQuote()
      },
    })
  },
})
