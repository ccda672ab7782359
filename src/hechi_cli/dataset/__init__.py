"""The loader stage: a TOML data file in, a valid typed Dataset out.

read.py (bytes, text, TOML) -> rules.py (every check, from the field table in
fields.py) -> build.py (the NamedTuples of model.py). load.py runs the pipeline
for every command and for `hechi validate`.
"""
