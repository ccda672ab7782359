"""JSON Schemas (draft 2020-12) of every command's --json output: the contract for scripts.

Within one schema_version, changes are additive only: new keys may appear,
so objects allow properties beyond those listed; every listed key is required.
"""

from __future__ import annotations

from typing import Any

from hechi_cli.dataset.vocab import FIGURE_KINDS, GRADES, QUALIFIERS, UNITS

Schema = dict[str, Any]


def _t(*types: str) -> Schema:
    return {"type": list(types) if len(types) > 1 else types[0]}


STR, NUM, INT, BOOL = _t("string"), _t("number"), _t("integer"), _t("boolean")
STR0, NUM0, INT0 = _t("string", "null"), _t("number", "null"), _t("integer", "null")
STRINGS = {"type": "array", "items": STR}
UNIT = {"enum": sorted(UNITS)}
QUALIFIER = {"enum": list(QUALIFIERS)}
GRADE = {"enum": list(GRADES)}


def obj(props: dict[str, Any]) -> Schema:
    return {"type": "object", "properties": props, "required": list(props)}


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def nullable(schema: Schema) -> Schema:
    """The schema, or null."""
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {**schema, "type": [*types, *(["null"] if "null" not in types else [])]}
    return {"anyOf": [schema, {"type": "null"}]}


FIGURE = {
    "id": STR,
    "measure": STR,
    "label": STR,
    "label_zh": STR0,
    "value": NUM,
    "unit": UNIT,
    "qualifier": QUALIFIER,
    "period": STR,
    "scope": STR,
    "source": STR,
    "grade": GRADE,
}
# A row that may stand for "no figures" (a site or a county without any): every field may be null.
FIGURE_OR_GAP = {k: nullable(v) for k, v in FIGURE.items()}
INDUSTRY = {
    "id": STR,
    "name": STR,
    "name_zh": STR0,
    "major": BOOL,
    "target": NUM0,
    "unit": nullable(UNIT),
    "target_ha": NUM0,
    "target_source": STR,
    "claimed_achieved": BOOL,
    "reported_figure": STR0,
    "reported_label": STR0,
    "reported_value": NUM0,
    "reported_unit": nullable(UNIT),
    "reported_qualifier": nullable(QUALIFIER),
    "reported_period": STR0,
    "reported_source": STR0,
    "reported_grade": nullable(GRADE),
    "percent_of_target": NUM0,
    "status": {
        "enum": [
            "above_target",
            "met",
            "below_target",
            "undetermined",
            "no_reported_figure",
            "no_comparable_figure",
            "no_numeric_target",
        ]
    },
    "contradicts_claim": BOOL,
    "grade_c_only": BOOL,
    "kind": {"enum": [*FIGURE_KINDS, None]},
    "period": STR0,
    "period_source": STR0,
    "comparable": _t("boolean", "null"),
    "why_not_compared": STR0,
    "reported_kind": {"enum": [*FIGURE_KINDS, None]},
    "baseline_figure": STR0,
    "baseline_value": NUM0,
    "baseline_unit": nullable(UNIT),
    "baseline_qualifier": nullable(QUALIFIER),
    "baseline_period": STR0,
    "baseline_source": STR0,
    "baseline_grade": nullable(GRADE),
    "related": array(
        obj(
            {
                "related_figure": STR,
                "related_label": STR,
                "related_value": NUM,
                "related_unit": UNIT,
                "related_qualifier": QUALIFIER,
                "related_period": STR,
                "related_source": STR,
                "related_grade": GRADE,
                "related_kind": {"enum": [*FIGURE_KINDS, None]},
                "why_not_compared": STR,
            }
        )
    ),
    "reported_within_period": _t("boolean", "null"),
    "latest_figure": STR0,
    "latest_value": NUM0,
    "latest_unit": nullable(UNIT),
    "latest_qualifier": nullable(QUALIFIER),
    "latest_period": STR0,
    "latest_source": STR0,
    "latest_grade": nullable(GRADE),
    "reported_disputed_by": STRINGS,
}
RANKING = {
    "id": STR,
    "kind": {"enum": ["ranking", "honour", "streak", "share"]},
    "name": STR,
    "name_zh": STR0,
    "value": NUM0,
    "unit": STR0,
    "qualifier": nullable(QUALIFIER),
    "among": STR0,
    "period": STR,
    "scope": STR,
    "source": STR,
    "grade": GRADE,
    "among_zh": STR0,
}
STREAK = {
    "measure": STR,
    "consistent": BOOL,
    "implied_start_years": array(INT),
    "reports": INT,
    "points": array(
        obj(
            {
                "figure": STR,
                "year": INT0,
                "years": NUM,
                "implied_start_year": INT0,
                "source": STR,
                "implied_start_year_if_count_ends_year_before": INT0,
                "grade": GRADE,
            }
        )
    ),
}
SOURCE = {
    "id": STR,
    "grade": GRADE,
    "date": STR,
    "publisher": STR,
    "title": STR,
    "url": STR,
    "note": STR0,
    "cited_by": INT,
    "publisher_short": STR0,
    "publisher_zh": STR0,
    "note_zh": STR0,
}
POINT = {
    "figure": STR,
    "label": STR,
    "label_zh": STR0,
    "period": STR,
    "start": STR0,
    "end": STR0,
    "value": NUM,
    "unit": UNIT,
    "qualifier": QUALIFIER,
    "scope": STR,
    "source": STR,
    "grade": GRADE,
    "conflicts_with": STRINGS,
}
# `show`'s record: the record's own fields, by kind (additive keys after the shared row's).
CONVERSIONS = nullable({"type": "object", "additionalProperties": NUM})
ZH = {"zh_note": STR0, "note_zh": STR0}
RECORDS = {
    "industry": {
        **INDUSTRY,
        "measure": STR0,
        "note": STR0,
        "target_conversions": CONVERSIONS,
        **ZH,
    },
    "figure": {
        **FIGURE,
        "topic": STR,
        "note": STR0,
        "site": STR0,
        "items": STRINGS,
        "conversions": CONVERSIONS,
        "kind": {"enum": [*FIGURE_KINDS, None]},
        **ZH,
        "items_zh": STRINGS,
    },
    "ranking": {
        **RANKING,
        "note": STR0,
        "streak": nullable(obj(STREAK)),
        **ZH,
    },
    "site": {"id": STR, "name": STR, "county": STR, "source": STR, "grade": GRADE, "note": STR0, "name_zh": STR0, **ZH},
    "county": {"id": STR, "name": STR, "name_zh": STR0, "kind": STR, "source": STR, "grade": GRADE, "note": STR0, **ZH},
    "measure": {
        "id": STR,
        "label": STR,
        "label_zh": STR0,
        "zh_note": STR0,
        "latest_figure": STR,
        "scopes": STRINGS,
        "figures": INT,
    },
    "source": {
        "id": STR,
        "title": STR,
        "publisher": STR,
        "date": STR,
        "url": STR,
        "grade": GRADE,
        "note": STR0,
        "publisher_short": STR0,
        "publisher_zh": STR0,
        "note_zh": STR0,
    },
}
ERROR = {"file": STR, "line": INT0, "column": INT0, "code": STR, "path": STR, "message": STR, "value": {}}
RELATED = obj({"kind": STR, "id": STR, "name": STR})


def _envelope(command: str, body: dict[str, Any], notes: bool = True) -> Schema:
    props: dict[str, Any] = {"schema_version": {"const": 1}, "command": {"const": command}, **body}
    if notes:
        props["notes"] = STRINGS
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"hechi {command} --json, schema_version 1",
        **obj(props),
    }


# command -> (the keys after schema_version and command, whether `notes` comes last)
BODIES: dict[str, tuple[dict[str, Any], bool]] = {
    "industries": (
        {
            "industries": array(obj(INDUSTRY)),
            "programme": obj(
                {
                    "name": STR,
                    "name_zh": STR0,
                    "source": STR,
                    "claimed_achieved": BOOL,
                    "name_zh_source": STR0,
                    "period": STR0,
                    "period_source": STR0,
                }
            ),
        },
        True,
    ),
    "rankings": ({"rankings": array(obj(RANKING)), "streaks": array(obj({"ranking": STR, **STREAK}))}, True),
    "resettlement": (
        {
            "figures": array(obj({"section": STR, **FIGURE_OR_GAP, "site": STR0, "items": STRINGS})),
            "people_agreement": obj(
                {
                    "figures": STRINGS,
                    "agree": BOOL,
                    "differences": array(obj({"a": STR, "b": STR, "detail": STR})),
                }
            ),
        },
        True,
    ),
    "sources": ({"sources": array(obj(SOURCE))}, True),
    "summary": (
        {
            "figures": array(obj({"topic": STR, **FIGURE, "headline_figure": STR})),
            "programme_status": {"type": "object", "required": ["targets"], "additionalProperties": INT},
        },
        True,
    ),
    "counties": (
        {
            "counties": array(
                obj(
                    {
                        "county": STR,
                        "county_name": STR,
                        "county_name_zh": STR0,
                        "county_kind": STR,
                        **FIGURE_OR_GAP,
                        "site": STR0,
                    }
                )
            ),
        },
        True,
    ),
    "show": (
        {
            "kind": {"enum": ["industry", "figure", "ranking", "site", "county", "source", "measure"]},
            "record": {"anyOf": [obj(fields) for fields in RECORDS.values()]},
            "figures": array(obj({**FIGURE, "conflict": BOOL})),
            "related": array(RELATED),
            "sources": array(obj({k: v for k, v in SOURCE.items() if k != "cited_by"})),  # publisher_short last
        },
        True,
    ),
    "search": (
        {
            "query": STR,
            "results": array(
                obj(
                    {
                        "kind": STR,
                        "id": STR,
                        "name": STR,
                        "name_zh": STR0,
                        "matched_in": STR,
                        "score": INT,
                    }
                )
            ),
        },
        True,
    ),
    "series": (
        {"measure": STR, "scope": STR, "points": array(obj(POINT)), "streak": nullable(obj(STREAK))},
        False,
    ),
    "validate": (
        {
            "file": STR,
            "valid": BOOL,
            "errors": array(obj(ERROR)),
            "counts": {"type": "object", "additionalProperties": INT},
            "records": {"type": "object", "additionalProperties": INT},
            "strict": BOOL,
            "warnings": array(obj(ERROR)),
            "warning_counts": {"type": "object", "additionalProperties": INT},
        },
        False,
    ),
}


def schema_for(command: str) -> Schema:
    """The schema of one command's --json output."""
    body, notes = BODIES[command]
    return _envelope(command, body, notes)
