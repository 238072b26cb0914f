"""kb serve: browsers reload as soon as the quick look at an edit is written, and once more
when the build that follows has brought every page up to date.

MkDocs' live server has no public call for this. At a build's end it sets its visible epoch
to the wanted one, which answers the browsers' long polls (and file requests wait while the
two differ); `show_now` does the same mid-build. Should a MkDocs release rename these, the
quick look is still written and browsers reload at the build's end, as before.
"""

from __future__ import annotations

import time
from typing import Any


def show_now(server: Any) -> bool:
    """Reload browsers now, and serve files while the build goes on (they are written atomically)."""
    condition = getattr(server, "_epoch_cond", None)
    if condition is None or not hasattr(server, "_wanted_epoch"):
        return False
    with condition:
        server._visible_epoch = server._wanted_epoch
        condition.notify_all()
    return True


def edit_waiting(server: Any) -> bool:
    """A file changed since this build began: the live server will build again right after."""
    return bool(getattr(server, "_want_rebuild", False))


def show_again(server: Any) -> None:
    """Make the build's end reload browsers once more: a newer wanted epoch, which the live
    server makes visible when the build returns."""
    condition = getattr(server, "_epoch_cond", None)
    if condition is None or not hasattr(server, "_visible_epoch"):
        return
    with condition:
        server._wanted_epoch = max(server._visible_epoch + 1, round(time.monotonic() * 1000))
