"""Every string a person reads, per language, in one catalogue.

As in gettext, the English text is the message id: code reads in English, and
English needs no table. `zh.py` maps each id to its Chinese form. A Python
module rather than a gettext .mo file: it loads faster (README: Performance)
and needs no build step. `tests/contract/test_messages.py` finds every id in
the source (each `tr(lang, "...")`, `v.t("...")` and `N_("...")`) and fails
when one has no Chinese form or the two forms take different fields.

JSON and CSV never pass through here: they are the same in every language.
"""

from __future__ import annotations

LANGS = ("en", "zh")


def N_(msgid: str) -> str:
    """Marks a string for the catalogue where it is kept now and translated when shown (gettext's N_)."""
    return msgid


RECORD_KINDS = {  # a record's kind, as a person names it
    "industry": N_("target"),
    "figure": N_("figure"),
    "measure": N_("measure"),
    "ranking": N_("ranking"),
    "honour": N_("honour"),  # a ranking record of kind honour: named for what it is
    "site": N_("site"),
    "county": N_("county or district"),
    "source": N_("source"),
    "programme": N_("programme"),
}


def tr(lang: str, msgid: str, **fields: object) -> str:
    """The message in `lang`, its {fields} filled in. The template is hechi's own; only fields carry data."""
    text = msgid
    if lang == "zh":
        from hechi_cli.messages.zh import MESSAGES

        text = MESSAGES.get(msgid, msgid)
    return text.format(**fields) if fields else text
