"""Report builders: pure functions from a Dataset to a Report (report.py) of plain rows.

One module per command, each with `build(dataset, options, query) -> Report`;
commands.py names them. rows.py holds the row shapes several commands share.
"""
