"""``salestui serve``: the terminal app in browsers, each person signed in (issue 17)."""

from __future__ import annotations

import ipaddress
import os

import click

from salestui.cli.common import app_context, services
from salestui.i18n import _


def is_local(host: str) -> bool:
    """Whether ``host`` is this machine only (loopback), which nobody else reaches."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may be reached from elsewhere


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--public",
    is_flag=True,
    help="Allow an address other machines reach (needs sign-in set up).",
)
@click.option(
    "--public-url",
    metavar="URL",
    help="The address browsers use, behind a reverse proxy (e.g. https://sales.example.com).",
)
def serve(host: str, port: int, public: bool, public_url: str | None) -> None:
    """Serve salestui to browsers; everyone signs in as themselves (a password set with
    'salestui people password NAME', or a reverse proxy's header). Listens on this
    machine only unless --public is given."""
    from salestui.core.errors import InvalidInput
    from salestui.core.sign_in import TOKEN_ENV
    from salestui.paths import resolve_db_path
    from salestui.web.gate import Gate
    from salestui.web.server import ProxyTrust, SalestuiServer, app_command

    os.environ.pop(TOKEN_ENV, None)  # never passed on from whoever started the server
    app = app_context()
    config = app.config
    proxy = None
    if config.serve_user_header and config.serve_proxy_secret:
        proxy = ProxyTrust(config.serve_user_header, config.serve_proxy_secret)
    passwords = services(create=False).passwords_set()
    if not passwords and proxy is None:
        raise InvalidInput(
            _(
                "Nobody can sign in: set a password with 'salestui people password NAME' "
                "(or a reverse proxy's header in the config) first"
            )
        )
    if not is_local(host) and not public:
        raise InvalidInput(
            _("{host} is reached from other machines: add --public to serve there").format(
                host=host
            )
        )
    db = str(resolve_db_path(app.db_option).resolve())
    app.close()  # the server's own connection lives in its gate's thread
    lang = click.get_current_context().find_root().params.get("lang")
    server = SalestuiServer(
        Gate(resolve_db_path(db), app.backup_policy()),
        app_command(db),
        host=host,
        port=port,
        public_url=public_url,
        proxy=proxy,
        language=lang,
    )
    server.serve()
