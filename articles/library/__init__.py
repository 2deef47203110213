"""The media library: every picture once, with its alt text, caption, credit and focal point,
reused as stories' featured images and inside their bodies."""
