"""What every part of the service layer shares: building a model from user values, and the
limits the parts check."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError

from salestui.core.boundary import storage_boundary
from salestui.core.errors import InvalidInput
from salestui.core.models import validation_message

if TYPE_CHECKING:
    from salestui.core.clock import Clock
    from salestui.core.journal import Journal
    from salestui.core.service import Services
    from salestui.core.store import Store

MAX_TIMEBOX = 480


def build(model: type, **values: object) -> Any:
    """A model from values; a bad value raises InvalidInput (the models do it themselves)."""
    try:
        return model(**values)
    except ValidationError as error:  # a model built with model_validate
        raise InvalidInput(validation_message(error)) from error


@storage_boundary
class ServiceState:
    """What every part of ``Services`` works with (``Services.__init__`` sets it)."""

    store: Store
    clock: Clock
    _me_name: str | None

    @property
    def journal(self) -> Journal:
        """The journal of changes: every change runs as one of its steps (``core.journal``)."""
        from salestui.core.journal import Journal

        return Journal(cast("Services", self))
