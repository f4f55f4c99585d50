"""Child processes that die with the run: Prefect's temporary API server and the parse workers, whatever kills it."""
from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from typing import Any, Optional

PR_SET_PDEATHSIG = 1
"""prctl option (linux/prctl.h): the signal a process gets when the thread that created it ends."""
_LIBC = ctypes.CDLL(None) if sys.platform.startswith("linux") else None
"""Loaded before any fork: a preexec_fn must not dlopen in a child forked from a threaded process."""


def die_with_parent(sig: int = signal.SIGKILL) -> None:
    """Linux: have `sig` sent to this process when its parent ends (no-op elsewhere); exit if it already has."""
    if _LIBC is None:
        return
    parent = os.getppid()
    if _LIBC.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0 and os.getppid() != parent:
        os._exit(1)


def _owned_server_class(ephemeral: bool = True):
    # Prefect is imported only after flows.env.configure_environment() has set its home and settings.
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import get_current_settings

    class OwnedServer(SubprocessASGIServer):
        """Prefect's temporary API server, killed with the run and kept out of the terminal's Ctrl-C."""

        def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
            import prefect  # after configure_environment(), as above

            # Same command and environment as SubprocessASGIServer's, plus the death signal and a session of its own;
            # a server that is not ephemeral runs every service, the scheduler too, and the UI.
            server_env = ({"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
                          if ephemeral else {"PREFECT__SERVER_FINAL": "1"})
            return subprocess.Popen(
                args=[sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent), "--factory",
                      "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
                      "--log-level", "error", "--lifespan", "on"],
                env={**os.environ, **server_env, **get_current_settings().to_environment_variables(exclude_unset=True)},
                preexec_fn=die_with_parent, start_new_session=True)

    return OwnedServer


def start_prefect_server(ephemeral: bool = True) -> Optional[Any]:
    """Start the temporary API server Prefect would start itself (when no PREFECT_API_URL is set), owned by this
    process and this thread; None when a server is configured. Not ephemeral: with the scheduler, for serving."""
    # after configure_environment(): Prefect reads its settings when first imported
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None
    server = _owned_server_class(ephemeral)()  # the singleton Prefect's client asks for later
    server.start()
    return server


def stop_prefect_server(server: Optional[Any]) -> None:
    """Stop the server started by start_prefect_server, if any."""
    if server is not None:
        server.stop()
