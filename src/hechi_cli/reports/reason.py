"""Sentences not yet in a language: a message id and its fields, put into words when shown.

Report builders return facts. Where a fact is a reason (why a figure is not
compared, where two reports disagree), the builder keeps it as a `Reason`;
the renderer asks `View.say` for it in the reader's language, and JSON asks
the English view in one visible place. This is Sphinx's and Babel's lazy
string: translate when shown, not when made.

A field may itself be shown late (`Late`): another `Reason`, an `Amount`, a
`Period`, each written the reader's way (万 and 亿, 2021年上半年) only when shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from hechi_cli.reports.view import View


class Reason(NamedTuple):
    """A message id of the catalogue (hechi_cli.messages) and the fields it takes."""

    msgid: str
    fields: tuple[tuple[str, Any], ...] = ()

    def shown(self, v: View) -> str:
        return v.t(self.msgid, **{k: shown(v, x) for k, x in self.fields})


def said(msgid: str, **fields: Any) -> Reason:
    """A Reason; the catalogue test finds its message id as it finds `v.t`'s."""
    return Reason(msgid, tuple(fields.items()))


class Amount(NamedTuple):
    """An amount with its unit and qualifier, areas in the reader's unit when shown."""

    value: float
    unit: str | None
    qualifier: str | None = "exact"

    def shown(self, v: View) -> str:
        return v.amount(self.value, self.unit, self.qualifier)


class Period(NamedTuple):
    """A date or period as the dataset writes it ('2021-H1'), shown as the reader writes it."""

    text: str

    def shown(self, v: View) -> str:
        return v.period(self.text)


if TYPE_CHECKING:  # a Protocol class costs a millisecond to create; only the type checker needs it

    class Late(Protocol):
        """Anything shown late: it has a `shown(v)` that writes it in the view's words."""

        def shown(self, v: View) -> str: ...


def shown(v: View, x: Any) -> Any:
    """A field as the reader sees it: a late value in `v`'s words, anything else as it is."""
    show = getattr(x, "shown", None)
    return show(v) if show is not None else x
