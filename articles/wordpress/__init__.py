"""Importing a WordPress export (WXR): `python manage.py import_wordpress EXPORT.xml`.

`wxr` reads the file as a stream (no Django needed), `content` turns WordPress bodies and
names into ours, `sections` maps categories to sections, `media` finds featured images on
disk, `importer` writes the rows, and `report` is what it says about them.
"""
