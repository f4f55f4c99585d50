"""bench/bench_scaling.py names each process of a run's tree by its place in the tree."""
from __future__ import annotations

from dataclasses import dataclass

from bench.bench_scaling import _role

FORKSERVER = ["python", "-c", "from multiprocessing.forkserver import main; main(8, 9, ['extractors.pdf.ingest'])"]


@dataclass
class FakeProcess:
    pid: int
    parent: int
    command: list[str]

    def cmdline(self) -> list[str]:
        return self.command

    def ppid(self) -> int:
        return self.parent


def _roles(processes: list[FakeProcess], root_pid: int) -> dict[int, str]:
    roles: dict[int, str] = {}
    for proc in processes:  # parents first, as the benchmark sorts them by creation time
        roles[proc.pid] = _role(proc, root_pid, roles)
    return roles


def test_each_process_of_a_run_gets_its_role_from_its_parents():
    tree = [
        FakeProcess(10, 1, ["python", "-m", "flows.cli", "run"]),
        FakeProcess(11, 10, ["python", "-m", "uvicorn", "prefect.server.api.server:create_app"]),
        FakeProcess(12, 10, ["python", "-c", "from multiprocessing.resource_tracker import main; main(5)"]),
        FakeProcess(13, 10, FORKSERVER),
        FakeProcess(14, 13, FORKSERVER),  # a document worker: forked, so its command line is its forkserver's
        FakeProcess(15, 14, FORKSERVER),  # the document worker's own forkserver
        FakeProcess(16, 15, FORKSERVER),  # a parse worker
        FakeProcess(17, 10, ["sh", "-c", "true"]),
    ]
    assert _roles(tree, 10) == {10: "flow", 11: "server", 12: "resource_tracker", 13: "run_forkserver",
                                14: "document_worker", 15: "forkserver", 16: "parse_worker", 17: "other"}
