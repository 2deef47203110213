"""Driving the body editor (django-prose-editor, Tiptap) in browser tests."""


def new_paragraph_at_end(prose) -> None:
    """The caret in a new, empty paragraph at the end of the body.

    Placed through the editor (Tiptap keeps itself on its element as `editor`): a click lands
    in the middle of whatever is there (a picture or an embed gets selected), and on a busy
    machine a key pressed after a click can reach the editor before the click's caret does.
    """
    prose.evaluate(
        """element => element.editor.chain()
            .insertContentAt(element.editor.state.doc.content.size, {type: "paragraph"})
            .focus("end").run()"""
    )
