"""Area units and conversions: the one place that knows 1 mu = 1/15 ha."""

from __future__ import annotations

from typing import NamedTuple

from hechi_cli.dataset.vocab import AREA_UNITS

ACRES_PER_HA = 2.471053814671653
HA_PER: dict[str, float] = {"mu": 1 / 15, "ha": 1.0, "km2": 100.0}  # the data's area units


def to_hectares(value: float, unit: str | None) -> float | None:
    """The area in hectares, unrounded; None when `unit` is not an area."""
    if unit == "mu":
        return value / 15  # exact division, not value * (1/15)
    factor = HA_PER.get(unit or "")
    return None if factor is None else value * factor


def from_hectares(ha: float, unit: str) -> float:
    """Hectares in one of AREA_UNITS, unrounded."""
    return ha * ACRES_PER_HA if unit == "acre" else ha * 15 if unit == "mu" else ha / HA_PER[unit]


def conversions(value: float, unit: str) -> dict[str, float] | None:
    """An area in every unit of AREA_UNITS, unrounded; None for other units."""
    ha = to_hectares(value, unit)
    if ha is None:
        return None
    return {u: from_hectares(ha, u) for u in AREA_UNITS}


class Converted(NamedTuple):
    value: float
    unit: str
    places: int  # decimals to show: 0 when the value comes out whole, else 2


def is_whole(value: float) -> bool:
    return abs(value - round(value)) < 1e-9


def convert(value: float, unit: str | None, to: str | None) -> Converted | None:
    """The area in unit `to`, or None when no conversion applies (not an area, same unit, no unit asked)."""
    if to is None or unit not in HA_PER or unit == to:
        return None
    ha = to_hectares(value, unit)
    assert ha is not None
    out = from_hectares(ha, to)
    return Converted(float(round(out)), to, 0) if is_whole(out) else Converted(out, to, 2)
