"""Signing in (issue 17): logins, password hashes, one-time tokens, and who "I" am when
a login decides it - on real temp SQLite files."""

from __future__ import annotations

import pytest

from salestui.core import sign_in
from salestui.core.errors import InvalidInput
from salestui.core.identity import Claim, os_login, resolve
from salestui.core.service import Services


@pytest.fixture
def team(services: Services) -> Services:
    services.add_person("张伟", role="director")
    services.add_person("王芳", role="lead", reports_to="张伟", login="wangf")
    services.add_person("Li Ming", reports_to="王芳")
    return services


def test_login_is_unique_and_checked(team: Services) -> None:
    li = team.find_person("Li Ming")
    assert li.id is not None
    with pytest.raises(InvalidInput, match="王芳 has the login wangf already"):
        team.edit_person(li.id, login="wangf")
    with pytest.raises(InvalidInput):
        team.edit_person(li.id, login="li ming")  # not a user name
    assert team.edit_person(li.id, login="liming").login == "liming"
    assert team.person_by_login("liming") == team.find_person("Li Ming")


def test_password_kept_only_as_a_strong_hash(team: Services) -> None:
    wang = team.find_person("王芳")
    assert wang.id is not None
    team.set_password(wang.id, "correct horse")
    stored = team.store.password_hash(wang.id)
    assert stored is not None and stored.startswith("$argon2id$")
    assert "correct horse" not in stored
    assert team.check_password("王芳", "correct horse") == wang
    assert team.check_password("wangf", "correct horse") == wang  # the login names her too
    assert team.check_password("王芳", "correct horsE") is None
    assert team.check_password("张伟", "correct horse") is None  # no password: nobody
    assert team.check_password("wf", "correct horse") is None  # initials are not a name here
    with pytest.raises(InvalidInput, match="at least 8"):
        team.set_password(wang.id, "short")
    team.set_password(wang.id, None)
    assert team.check_password("王芳", "correct horse") is None


def test_a_token_is_used_once_and_names_one_person(team: Services) -> None:
    wang = team.find_person("王芳")
    assert wang.id is not None
    token = team.issue_sign_in_token(wang.id)
    assert team.store.take_sign_in_token(token, sign_in.now_utc()) is None  # hash kept only
    assert team.redeem_sign_in_token(token) == wang
    with pytest.raises(InvalidInput, match="not valid"):
        team.redeem_sign_in_token(token)  # used up
    with pytest.raises(InvalidInput, match="not valid"):
        team.redeem_sign_in_token("made-up")


def test_an_expired_token_is_refused(team: Services) -> None:
    from datetime import timedelta

    wang = team.find_person("王芳")
    assert wang.id is not None
    token, hashed = sign_in.new_token()
    team.store.add_sign_in_token(hashed, wang.id, sign_in.now_utc() - timedelta(seconds=1))
    with pytest.raises(InvalidInput, match="not valid"):
        team.redeem_sign_in_token(token)


def _claims(option: str | None = None, config: str | None = None) -> list[Claim]:
    return [Claim("option", option), Claim("environment", None), Claim("chosen", None),
            Claim("config", config)]  # fmt: skip


def test_my_login_decides_who_i_am(team: Services) -> None:
    wang = team.find_person("王芳")
    identity = resolve(_claims(config="张伟"), wang, "wangf", team.find_person)
    assert identity.name == "王芳" and identity.fixed is not None
    assert "the config file's me" in identity.warnings[0] and "ignored" in identity.warnings[0]
    with pytest.raises(InvalidInput, match='--me "张伟" is refused'):
        resolve(_claims(option="张伟"), wang, "wangf", team.find_person)
    assert resolve(_claims(option="wf"), wang, "wangf", team.find_person).name == "王芳"


def test_nobody_else_acts_as_a_person_with_a_login(team: Services) -> None:
    """An OS user with no person of their own cannot name someone who has a login."""
    with pytest.raises(InvalidInput, match="signs in as login wangf"):
        resolve(_claims(option="王芳"), None, "bob", team.find_person)
    identity = resolve(_claims(config="王芳"), None, "bob", team.find_person)
    assert identity.name is None and identity.warnings
    assert resolve(_claims(config="Li Ming"), None, "bob", team.find_person).name == "Li Ming"


def test_fixed_me_cannot_change_and_guards_other_peoples_sign_in(team: Services) -> None:
    li = team.find_person("Li Ming")
    assert li.id is not None
    team.fix_me("王芳", "You are 王芳 on this host (login wangf)")
    with pytest.raises(InvalidInput, match="login wangf"):
        team.set_me("张伟")
    with pytest.raises(InvalidInput, match="Only a director"):
        team.set_password(li.id, "a long password")
    with pytest.raises(InvalidInput, match="Only a director"):
        team.edit_person(li.id, login="wangfang")
    me = team.me()
    assert me is not None and me.id is not None
    team.set_password(me.id, "my own password")  # her own: fine


def test_a_director_with_a_login_is_not_everyones_default(team: Services) -> None:
    boss = team.find_person("张伟")
    assert boss.id is not None
    assert team.me() == boss  # nobody said: the director, as before
    team.edit_person(boss.id, login="zhangw")
    assert team.me() is None


def test_os_login_is_the_real_user_not_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os_login()
    monkeypatch.setenv("USER", "someone-else")
    monkeypatch.setenv("LOGNAME", "someone-else")
    assert os_login() == real != "someone-else"


def test_undo_never_changes_a_login_its_undoer_could_not(team: Services) -> None:
    """The director gives Li Ming a login; 王芳, whose login fixes who she is, cannot
    take that back with an undo of the director's step (she could not edit it by hand)."""
    li = team.find_person("Li Ming")
    assert li.id is not None
    team.set_me("张伟")
    team.edit_person(li.id, login="liming")
    step = team.journal.recent(1)[0]
    team.fix_me("王芳", "You are 王芳 on this host (login wangf)")
    with pytest.raises(InvalidInput, match="Only a director"):
        team.journal.undo(step.id)
    assert team.find_person("Li Ming").login == "liming"
    assert not team.journal.entry(step.id).undone
