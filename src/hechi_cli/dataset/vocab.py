"""The dataset's controlled vocabulary: units, qualifiers, grades, topics, kinds."""

from __future__ import annotations

SCHEMA_VERSION = 1  # of the data file; the JSON output has its own (render/json_out.py)

# unit -> dimension. Shares must lie within 0-100; changes may be negative;
# everything else is a count, size or amount and may not be negative.
UNITS: dict[str, str] = {
    "mu": "area",
    "ha": "area",
    "km2": "area",
    "t": "mass",
    "yuan": "money",
    "percent": "share",
    "percent_change": "change",
    "years": "duration",
    **dict.fromkeys(
        (
            "head",
            "people",
            "households",
            "sets",
            "projects",
            "sites",
            "farms",
            "zones",
            "villages",
            "houses",
            "events",
            "positions",
            "bases",
            "groups",
            "categories",
            "counties",
            "towns",
            "enterprises",
            "cages",
            "pieces",
        ),
        "count",
    ),
}
NON_NEGATIVE = {"area", "mass", "money", "duration", "count"}

QUALIFIERS: dict[str, str] = {
    "exact": "",
    "more_than": "more than",
    "about": "about",
    "at_least": "at least",
}
AREA_UNITS = ("mu", "ha", "km2", "acre")  # what --area-unit offers: the data's area units and acres
GRADES = ("A", "B", "C")
# What a figure counts: a level at a date (stock), an amount over a period (flow), a running total
# (cumulative), a share, a rank or streak, or something planned or forecast (expectation).
FIGURE_KINDS = ("stock", "flow", "cumulative", "share", "rank", "expectation")
TOPICS = {"industry", "silk", "livestock", "share", "ranking", "resettlement", "income", "programme", "county"}
RANKING_KINDS = {"ranking", "honour"}
