"""One validated settings model per pipeline stage, loaded from config/pipeline.toml."""
from __future__ import annotations

import os
import tomllib
from datetime import datetime
from pathlib import Path
import re
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CONFIG_DIR = PROJECT_ROOT / "config"
DEFAULT_CONFIG_FILE = CONFIG_DIR / "pipeline.toml"


def _from_project_root(path: Path) -> Path:
    return Path(os.path.normpath(PROJECT_ROOT / path.expanduser()))


ProjectPath = Annotated[Path, AfterValidator(_from_project_root)]
"""A path setting: a relative one is taken from the project root, wherever the config file is; '~' is the home folder."""


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


WORKER_MAX_DOCUMENTS = 100
"""Documents a document worker reads before it is replaced: its caches grow ~25 MB over that many, and a fresh
worker costs a few seconds of CPU to build its NLP pipeline (round 24)."""


class IngestSettings(_Settings):
    """How PDFs are found, parsed and bounded."""

    corpus_dirs: tuple[ProjectPath, ...] = (PROJECT_ROOT / "corpus" / "sample",)
    glob: str = "**/*.pdf"
    timeout_seconds: float = Field(default=120.0, gt=0)
    memory_limit_mb: int = Field(default=2048, ge=256)
    max_file_mb: float = Field(default=200.0, gt=0)
    max_pages: int = Field(default=2000, ge=1)
    passwords: dict[str, str] = Field(default_factory=dict, description="file name -> password for encrypted PDFs")
    workers: int = Field(default=2, ge=1, le=32, description="files parsed at once, each in its own worker process")
    worker_max_documents: int = Field(
        default=WORKER_MAX_DOCUMENTS, ge=0, description="documents each worker process reads before a fresh one "
        "takes its place (its per-text caches grow ~0.25 MB a document); 0: never replaced")
    cache_dir: ProjectPath = PROJECT_ROOT / ".cache" / "parse"


class ExtractSettings(_Settings):
    """Which NLP pipeline extracts evidence."""

    base_model: Optional[str] = Field(default=None, description="installed spaCy model to start from, e.g. en_core_sci_sm")
    ner_model_dir: ProjectPath = PROJECT_ROOT / "models" / "ner"
    use_ner: bool = Field(default=True, description="add the trained NER's trial and drug names that the rules and "
                          "gazetteers lack (docs/extraction.md, NER ablation: +0.067 strict F1 on the blind reports)")
    gazetteer_dir: ProjectPath = CONFIG_DIR / "gazetteers"
    dual_extraction: bool = Field(default=True, description="also extract each document with the rules alone (NER "
                                  "off) and flag every number the two passes read apart for review (v_curation_pending);"
                                  " no effect while use_ner is off")


class ValidateSettings(_Settings):
    """How records are checked before load."""

    reports_dir: ProjectPath = PROJECT_ROOT / "reports"
    data_docs: bool = True


class WarehouseSettings(_Settings):
    """Where the DuckDB warehouse lives and how long a run waits for another process's lock on it."""

    path: ProjectPath = PROJECT_ROOT / "warehouse.duckdb"
    lock_timeout_seconds: float = Field(default=120.0, ge=0, description="wait this long for another writer, then exit 2")


RUNNERS = ("processes", "dask")
"""Where per-document work runs: this machine's document worker processes, or a Dask cluster."""

DASK_ADDRESS = re.compile(r"(tcp|tls)://[^\s/:]+:\d{1,5}")
"""A Dask scheduler address as distributed's Client takes it: scheme, host, port."""


def _valid_dask_address(address: Optional[str]) -> Optional[str]:
    if address is not None and not DASK_ADDRESS.fullmatch(address):
        raise ValueError(f"not a Dask scheduler address: {address!r}; write tcp://HOST:PORT (schemes: tcp, tls)")
    return address


DEFAULT_BATCH_DOCUMENTS = 25
"""Documents validated and committed together: memory stays flat as the corpus grows, and a stopped run keeps
its committed batches; large enough that per-commit costs (GX suite, checkpoint) stay a small share."""


class RunSettings(_Settings):
    """Where a run does its per-document work (parse + extract), and how many documents it commits at a time."""

    runner: Literal["processes", "dask"] = Field(
        default="processes", description="processes: [ingest] workers local processes; dask: a Dask cluster")
    dask_address: Annotated[Optional[str], AfterValidator(_valid_dask_address)] = Field(
        default=None, description="scheduler of a running Dask cluster (tcp://HOST:PORT); default: a LocalCluster "
        "of [ingest] workers processes started for the run")
    batch_documents: int = Field(default=DEFAULT_BATCH_DOCUMENTS, ge=1, le=10_000, description="documents "
                                 "validated and committed to the warehouse together (one transaction per batch)")

    @model_validator(mode="after")
    def _address_needs_dask(self) -> "RunSettings":
        if self.dask_address is not None and self.runner != "dask":
            raise ValueError(f"dask_address is set but runner is {self.runner!r}; set runner = \"dask\" to use it "
                             f"(runners: {', '.join(RUNNERS)})")
        return self


class EvaluateSettings(_Settings):
    """Which scorer `evidence evaluate` uses."""

    scorer: ProjectPath = Field(default=PROJECT_ROOT.parent / "shared" / "tools" / "score.py",
                                description="the scorer of record, whose matching evaluate uses")


def _valid_cron(expression: str) -> str:
    from cronsim import CronSim, CronSimError  # the parser Prefect's CronSchedule uses

    try:
        CronSim(expression, datetime.now())
    except CronSimError as exc:
        raise ValueError(f"not a cron expression ({exc}); write five fields: minute hour day month weekday, "
                         "e.g. \"0 2 * * *\" for 02:00 every day") from exc
    return expression


class ScheduleSettings(_Settings):
    """When `evidence serve` runs the pipeline."""

    cron: Annotated[str, AfterValidator(_valid_cron)] = Field(
        default="0 2 * * *", description="cron expression (minute hour day month weekday)")
    timezone: Optional[str] = Field(default=None, description="IANA time zone of the cron, e.g. Europe/Paris; "
                                    "default: the machine's")


class PipelineSettings(_Settings):
    """All stage settings together, as read from one TOML file."""

    ingest: IngestSettings = IngestSettings()
    extract: ExtractSettings = ExtractSettings()
    validate_: ValidateSettings = Field(default=ValidateSettings(), alias="validate")
    warehouse: WarehouseSettings = WarehouseSettings()
    evaluate: EvaluateSettings = EvaluateSettings()
    schedule: ScheduleSettings = ScheduleSettings()
    run: RunSettings = RunSettings()


class SettingsError(ValueError):
    """A config file that does not validate; the message names each bad key and what is allowed."""


def load_settings(path: Path | None = None) -> PipelineSettings:
    """Read and validate the pipeline settings; relative paths in them are taken from the project root."""
    path = Path(path) if path else DEFAULT_CONFIG_FILE
    if not path.exists():
        if path == DEFAULT_CONFIG_FILE:
            return PipelineSettings()
        raise SettingsError(f"config file not found: {path}")
    if not path.is_file():
        raise SettingsError(f"config {path} is not a file; give a TOML file such as {DEFAULT_CONFIG_FILE}")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise SettingsError(f"cannot read config {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
    try:
        return PipelineSettings.model_validate(raw)
    except ValidationError as exc:
        raise SettingsError(_explain(path, exc)) from exc


def _explain(path: Path, exc: ValidationError) -> str:
    lines = [f"{path}: invalid settings"]
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            section = err["loc"][0] if err["loc"] else None
            model = PipelineSettings.model_fields.get(str(section)) or next(
                (f for f in PipelineSettings.model_fields.values() if f.alias == section), None)
            allowed = sorted(model.annotation.model_fields) if model and len(err["loc"]) > 1 else sorted(
                f.alias or n for n, f in PipelineSettings.model_fields.items())
            msg = f"unknown key; allowed keys: {', '.join(allowed)}"
        lines.append(f"  {where}: {msg}")
    return "\n".join(lines)
