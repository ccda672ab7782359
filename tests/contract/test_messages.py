"""The message catalogue: every string a person reads has a Chinese form, with the same fields.

The ids are found in the source itself: the first argument of every `tr(lang, "...")`,
`v.t("...")`, `v.header("...")` and `N_("...")` call, so a new string cannot slip past.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

from hechi_cli.messages import N_, tr
from hechi_cli.messages.zh import MESSAGES

SRC = Path(__file__).resolve().parents[2] / "src" / "hechi_cli"
CALLS = {"tr": 1, "t": 0, "header": 0, "N_": 0, "said": 0}  # the function -> which argument is the message id


def message_ids() -> dict[str, str]:
    """Every message id in the source -> where it is, for the failure message."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            at = CALLS.get(name)
            if at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_source_has_messages() -> None:
    ids = message_ids()
    assert len(ids) > 150
    assert "Sources:" in ids and "above" in ids


def test_every_message_has_a_chinese_form() -> None:
    missing = [f"{where}: {msgid!r}" for msgid, where in message_ids().items() if msgid not in MESSAGES]
    assert missing == []


def test_the_chinese_form_takes_no_field_the_english_lacks() -> None:
    # Chinese may leave a field out (an English code such as "(stock)"), never invent one.
    extra = {m: fields(zh) - fields(m) for m, zh in MESSAGES.items() if fields(zh) - fields(m)}
    assert extra == {}


def test_the_catalogue_holds_nothing_the_source_does_not_use() -> None:
    assert sorted(set(MESSAGES) - set(message_ids())) == []


def test_every_chinese_form_is_chinese() -> None:
    untranslated = [m for m, zh in MESSAGES.items() if zh == m and any(c.isalpha() for c in m)]
    assert untranslated == []


def test_tr_fills_fields_and_falls_back_to_english() -> None:
    assert tr("en", "{header}:", header="URL") == "URL:"
    assert tr("zh", "{header}:", header="网址") == "网址："
    assert tr("zh", "no such message {x}", x=1) == "no such message 1"
    assert N_("above") == "above"
    assert tr("zh", "above") == "超过目标"
