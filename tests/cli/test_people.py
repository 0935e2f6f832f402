"""salestui people add | list."""

from __future__ import annotations

PERSON_KEYS = {
    "id", "name", "role", "team", "reports_to", "reports_to_name", "email", "active", "login",
}  # fmt: skip


def test_add_and_list(org) -> None:
    run = org
    added = run("people", "add", "赵磊", "--team", "华东", "--reports-to", "王", "--json").ok()
    person = added.json()
    assert set(person) == PERSON_KEYS
    assert person["name"] == "赵磊" and person["reports_to_name"] == "王芳"
    assert person["role"] == "member" and person["id"] == 4

    everyone = run("people", "list", "--json").ok().json()
    assert [p["name"] for p in everyone] == ["张伟", "王芳", "Li Ming", "赵磊"]
    assert everyone[2]["reports_to_name"] == "王芳"  # --reports-to wf: pinyin initials
    assert everyone[0]["role"] == "director"

    team = run("people", "list", "--team", "华东", "--json").ok().json()
    assert [p["name"] for p in team] == ["王芳", "Li Ming", "赵磊"]

    table = run("people", "list").ok().out
    for text in ("张伟", "director", "Li Ming", "华东"):
        assert text in table
    # CJK names keep the columns aligned: the role column starts at the same cell.
    from rich.cells import cell_len

    rows = [line for line in table.splitlines() if "华东" in line]
    starts = {cell_len(line[: line.index(role)]) for line in rows for role in ("lead", "member")
              if role in line}  # fmt: skip
    assert len(starts) == 1, table

    plain = run("people", "add", "Emily Zhang").ok().out
    assert plain.strip() == "Added person 5: Emily Zhang"


def test_bad_people_input_saves_nothing(org) -> None:
    run = org
    before = run("people", "list", "--json").ok().json()
    cases = (
        (("people", "add", ""), 2),  # empty name
        (("people", "add", "   "), 2),
        (("people", "add", "王芳"), 2),  # already exists
        (("people", "add", "孙丽", "--reports-to", "nobody"), 2),  # unknown name = bad input
        (("people", "add", "孙丽", "--reports-to", "99"), 2),  # an id given as a name, too
        (("people", "add", "孙丽", "--role", "boss"), 2),
    )
    results = run.many(*(args for args, _code in cases))
    for (_args, code), result in zip(cases, results, strict=True):
        result.assert_one_line_error(code)
    assert run("people", "list", "--json").ok().json() == before


def test_empty_database_says_how_to_start(run) -> None:
    out = run("people", "list").ok().out
    assert "salestui demo" in out
    assert run("people", "list", "--json").ok().json() == []
