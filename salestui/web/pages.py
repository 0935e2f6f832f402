"""The sign-in page of ``salestui serve``: plain HTML, no script, in the server's
language. Every value put into it is escaped."""

from __future__ import annotations

from html import escape

from salestui.i18n import _, current_language

_STYLE = """
body { background: #0c181f; color: #e0e6ea; font-family: system-ui, sans-serif;
       display: flex; align-items: center; justify-content: center; min-height: 100vh;
       margin: 0; }
main { background: #12232d; padding: 2rem 2.5rem; border-radius: 8px; width: 22rem; }
h1 { font-size: 1.4rem; margin: 0 0 0.3rem; }
p.hint { color: #9fb0ba; margin: 0 0 1.2rem; font-size: 0.9rem; }
label { display: block; margin: 0.8rem 0 0.3rem; }
input { width: 100%; box-sizing: border-box; padding: 0.5rem; font-size: 1rem;
        border: 1px solid #34505f; border-radius: 4px; background: #0c181f; color: #fff; }
button { margin-top: 1.4rem; width: 100%; padding: 0.6rem; font-size: 1rem; border: 0;
         border-radius: 4px; background: #5e0ba7; color: #fff; cursor: pointer; }
p.problem { background: #5c1a1a; padding: 0.5rem 0.7rem; border-radius: 4px; }
"""


def sign_in_page(problem: str | None = None, name: str = "") -> str:
    """The form: name (or login) and password, posted to /signin."""
    lang = "zh-CN" if current_language() == "zh-CN" else "en"
    problem_html = f'<p class="problem" id="problem">{escape(problem)}</p>' if problem else ""
    title = escape(_("Sign in to salestui"))
    hint = escape(_("Your name (or your login) and your password"))
    name_label, password_label = escape(_("Name")), escape(_("Password"))
    button = escape(_("Sign in"))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="hint">{hint}</p>
{problem_html}
<form method="post" action="/signin">
<label for="name">{name_label}</label>
<input id="name" name="name" autocomplete="username" value="{escape(name)}" required autofocus>
<label for="password">{password_label}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button id="sign-in" type="submit">{button}</button>
</form>
</main>
</body>
</html>
"""


def message_page(title: str, text: str) -> str:
    """A page that only says something (signed out, refused)."""
    lang = "zh-CN" if current_language() == "zh-CN" else "en"
    again = escape(_("Sign in"))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{escape(title)}</title><style>{_STYLE}</style></head>
<body><main><h1>{escape(title)}</h1><p>{escape(text)}</p>
<p><a href="/signin" style="color:#ac5af4">{again}</a></p></main></body>
</html>
"""
