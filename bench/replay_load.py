"""Peak memory of one batch's load and of the Table 1 sync read against a copy of a large warehouse, in fresh processes.

Usage: .venv/bin/python bench/replay_load.py WAREHOUSE [--batches N] [--documents 25] [--workdir DIR] [--sync]
       [--run-id RUN] [--duckdb NAME=VALUE ...]
Copies WAREHOUSE (brings its schema up to date, timed apart), then loads N batches in turn, each made of the rows of
`--documents` of its parsed documents under new hashes and paths (new documents, as a growing corpus brings), each
batch in a fresh process; prints one JSON line per step: the process's RSS before, its peak (VmHWM, reset before the
step) and the step's seconds. `--sync` also reads `v_table1_sync` as the run's sync does (warehouse.sync).
`--run-id RUN` loads every batch as part of that run (as one run's batches are: `run_facts` holds the run's earlier
batches; a run id of the warehouse continues that run), instead of a run per batch.
`--duckdb memory_limit=256MB` and the like open the loads' connections with those DuckDB settings (an experiment).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS (Linux 4.0+)


def _new_sha(sha: str, salt: str) -> str:
    return hashlib.sha256(f"{sha}:{salt}".encode()).hexdigest()


def make_batch(warehouse: Path, documents: int, salt: str, offset: int) -> dict:
    """`documents` parsed documents of the warehouse with their current rows, under new hashes and paths."""
    import duckdb

    from schemas.document import Document, DocumentStatus
    from schemas.evidence import EvidenceRecord, Table1Row

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        parsed = con.execute("SELECT count(*) FROM documents WHERE status = 'parsed'").fetchone()[0]
        docs = con.execute("SELECT sha256, path, file_name, pages, parser_version, doi, title FROM documents "
                           "WHERE status = 'parsed' ORDER BY path LIMIT ? OFFSET ?",
                           [documents, offset % max(parsed - documents, 1)]).fetchall()
        shas = [d[0] for d in docs]
        cursor = con.execute("SELECT * FROM fact_evidence WHERE is_current AND list_contains(?, doc_sha256)", [shas])
        names = [c[0] for c in cursor.description]
        facts = [dict(zip(names, r)) for r in cursor.fetchall()]
        cursor = con.execute("SELECT * FROM table1_rows WHERE is_current AND list_contains(?, doc_sha256)", [shas])
        names = [c[0] for c in cursor.description]
        rows = [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.close()
    new = {sha: _new_sha(sha, salt) for sha in shas}
    out_docs = [Document(sha256=new[sha], path=f"{path}.{salt}", pages=pages, status=DocumentStatus.parsed,
                         parser_version=parser, doi=None, title=title)
                for sha, path, _name, pages, parser, _doi, title in docs]
    record_fields = set(EvidenceRecord.model_fields)
    records = []
    for f in facts:
        fields = {k: v for k, v in f.items() if k in record_fields and v is not None}
        fields["doc_sha256"] = new[f["doc_sha256"]]
        if f.get("table_id"):
            fields["table_id"] = new[f["doc_sha256"]][:12] + ":" + f["table_id"].split(":", 1)[-1]
        records.append(EvidenceRecord(**fields))
    row_fields = set(Table1Row.model_fields)
    table1 = []
    for r in rows:
        fields = {k: v for k, v in r.items() if k in row_fields and v is not None}
        fields["doc_sha256"] = new[r["doc_sha256"]]
        fields["table_id"] = new[r["doc_sha256"]][:12] + ":" + r["table_id"].split(":", 1)[-1]
        if isinstance(fields.get("extra_cells"), str):
            fields["extra_cells"] = json.loads(fields["extra_cells"])
        if isinstance(fields.get("patient_counts"), str):
            fields["patient_counts"] = json.loads(fields["patient_counts"])
        table1.append(Table1Row(**fields))
    return {"documents": out_docs, "records": records, "table1_rows": table1}


def _child(step: str, warehouse: Path, batch_file: Path | None, run_id: str, duckdb_settings: dict) -> None:
    from warehouse import load, migrate, sync

    if duckdb_settings:
        connect = migrate.connect
        migrate.connect = lambda *a, **k: connect(*a, **{**k, "settings": {**k.get("settings", {}), **duckdb_settings}})

    batch = pickle.loads(batch_file.read_bytes()) if batch_file else None
    before = _status_mb("VmRSS")
    _reset_peak()
    started = time.monotonic()
    if step == "schema":
        con = migrate.connect(warehouse)
        applied = migrate.ensure_schema(con)
        con.close()
        extra = {"applied": applied}
    elif step == "load":
        run = load.RunRecord(run_id=run_id, started_at=datetime.now(), status="running")
        load.load_run_at(warehouse, run, batch["documents"], batch["table1_rows"], batch["records"], [],
                         seen_paths=[d.path for d in batch["documents"]])
        extra = {"records": len(batch["records"])}
    else:
        extra = {"counts": sync.read_sync_state(warehouse)}
    print(json.dumps({"step": step, "rss_before_mb": round(before), "peak_mb": round(_status_mb("VmHWM")),
                      "seconds": round(time.monotonic() - started, 2), "file_mb": round(warehouse.stat().st_size / 2**20),
                      **extra}), flush=True)


def main() -> None:
    """Parse arguments, replay, print one JSON line per step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--batches", type=int, default=1)
    parser.add_argument("--documents", type=int, default=25)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/replay_load"))
    parser.add_argument("--sync", action="store_true")
    parser.add_argument("--run-id", default=None)
    parser.add_argument("--duckdb", nargs="*", default=[], metavar="NAME=VALUE")
    parser.add_argument("--child", nargs=3, metavar=("STEP", "WAREHOUSE", "BATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, warehouse, batch = args.child
        _child(step, Path(warehouse), Path(batch) if batch != "-" else None, args.run_id or f"replay-{batch}",
               dict(setting.split("=", 1) for setting in args.duckdb))
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    copy = args.workdir / "replay.duckdb"
    shutil.copyfile(args.warehouse, copy)
    me = [sys.executable, str(Path(__file__).resolve())]
    subprocess.run([*me, "x", "--child", "schema", str(copy), "-"], check=True)
    for n in range(args.batches):
        batch_file = args.workdir / f"batch{n}.pickle"
        batch_file.write_bytes(pickle.dumps(make_batch(args.warehouse, args.documents, f"replay{n}", n * args.documents)))
        run = ["--run-id", args.run_id] if args.run_id else []
        subprocess.run([*me, "x", "--child", "load", str(copy), str(batch_file), *run, "--duckdb", *args.duckdb],
                       check=True)
    if args.sync:
        subprocess.run([*me, "x", "--child", "sync", str(copy), "-"], check=True)


if __name__ == "__main__":
    main()
