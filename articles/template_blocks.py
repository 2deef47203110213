"""One block of a template that extends another, rendered alone.

A story page keeps its head tags with the story (articles/story_page.py): they are
base.html's block "head_tags" with the story's values, rendered once per change of the
story instead of at each render of its page, where the nine blocks inside cost about as
much as the rest of the frame. Rendered from base.html itself, so the head tags are written
in one place for every page.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.context import make_context
from django.template.loader import get_template
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, ExtendsNode
from django.utils.safestring import SafeString


def render_block(template_name: str, name: str, context: dict, request: HttpRequest) -> SafeString:
    """Block `name` of the template `template_name` extends, with that template's overrides
    of it and of the blocks inside it, as it would be in the whole page (context processors
    run, `{{ block.super }}` works)."""
    template = get_template(template_name).template
    extends = template.nodelist.get_nodes_by_type(ExtendsNode)[0]
    bound = make_context(context, request)
    with bound.render_context.push_state(template), bound.bind_template(template):
        parent = extends.get_parent(bound)
        parent_blocks = {node.name: node for node in parent.nodelist.get_nodes_by_type(BlockNode)}
        # As ExtendsNode does: the child's blocks first, the parent's under them.
        blocks = BlockContext()
        blocks.add_blocks(extends.blocks)
        blocks.add_blocks(parent_blocks)
        bound.render_context[BLOCK_CONTEXT_KEY] = blocks
        return SafeString(parent_blocks[name].render(bound))
