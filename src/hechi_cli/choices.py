"""The values that options accept. A tiny module: `hechi --help` imports it."""

LANGS = ("en", "zh")
AREA_UNITS = ("mu", "ha", "km2", "acre")
# Commands whose --json output has a JSON Schema (`hechi schema COMMAND`).
SCHEMA_COMMANDS = (
    "industries",
    "rankings",
    "resettlement",
    "sources",
    "summary",
    "counties",
    "show",
    "search",
    "series",
    "validate",
)
