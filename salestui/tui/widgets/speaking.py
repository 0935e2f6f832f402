"""Speaking balance: share bars and the "one person dominates" warning."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from salestui.core.meeting import Balance
from salestui.i18n import _

BAR_WIDTH = 5


def share_bar(share: float, width: int = BAR_WIDTH) -> str:
    """``████▌···`` - a share from 0 to 1 drawn in ``width`` cells (eighths of a cell)."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, part = divmod(eighths, 8)
    bar = "█" * full + (" ▏▎▍▌▋▊▉"[part] if part else "")
    return bar + "·" * (width - len(bar))


def share_cell(seconds: float, share: float) -> str:
    """``██▌····· 31%``, or a dash for someone who has not spoken."""
    if seconds <= 0:
        return "-"
    return f"{share_bar(share)} {round(share * 100):>3}%"


def dominant_text(balance: Balance, threshold: float) -> str:
    if balance.dominant is None:
        return ""
    return _(
        "{name} holds {share}% of the speaking time (limit {limit}%): let others speak"
    ).format(
        name=balance.dominant.person.name,
        share=round(balance.dominant.share * 100),
        limit=round(threshold * 100),
    )


class SpeakingNotice(Static):
    """One line: who is speaking now, and the dominance warning when there is one."""

    def show(self, balance: Balance, threshold: float, speaking: str | None) -> None:
        warning = dominant_text(balance, threshold)
        self.set_class(bool(warning), "-dominant")
        self.set_class(not warning and speaking is None, "-quiet")
        text = Text()
        if warning:
            text.append("⚠ " + warning, style="bold")
        if speaking is not None:
            if text:
                text.append(" · ")
            text.append(_("Speaking: {name}").format(name=speaking))
        if self.content != text:
            self.update(text)
