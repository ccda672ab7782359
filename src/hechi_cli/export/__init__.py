"""Exports of the whole dataset in the open-data ecosystem's own formats.

tables.py is the one description of the exported tables (columns, types, keys);
datapackage.py writes it as a Frictionless Data Package, sqlite.py as SQLite for
Datasette, and files.py makes both land whole or not at all. Imported only by
`hechi export`.
"""
