"""EvidenceRecord.record_id is computed once per record, stays the content hash it was, and is computed afresh for a
copy whose fields were changed."""
from __future__ import annotations

import pickle

from schemas import evidence
from schemas.evidence import EvidenceRecord, content_id


def _record(**changes) -> EvidenceRecord:
    fields = dict(doc="a.pdf", trial="ALPHA", endpoint="CR", arm="blinatumomab", value=34.0, unit="%",
                  statistic="rate", page=2, quote="CR was 34%", source="body", doc_sha256="ab" * 32, value_text="34",
                  char_start=7, char_end=9, quote_start=0, extractor="rule.cr_rate", extractor_version="1")
    return EvidenceRecord(**{**fields, **changes})


def test_record_id_is_the_content_hash_of_its_identity_fields():
    record = _record()
    assert record.record_id == content_id(
        record.doc_sha256, record.source, record.table_id, record.table_row, record.char_start, record.char_end,
        record.trial, record.endpoint, record.arm, record.value, record.unit, record.statistic, record.timepoint)


def test_record_id_is_hashed_once_per_record(monkeypatch):
    calls = []

    def counting(*parts):
        calls.append(parts)
        return content_id(*parts)

    monkeypatch.setattr(evidence, "content_id", counting)
    record = _record()
    assert {record.record_id for _ in range(5)} == {content_id(*calls[0])}
    assert len(calls) == 1


def test_copy_with_an_update_does_not_keep_the_old_record_id():
    record = _record()
    before = record.record_id
    changed = record.model_copy(update={"value": 35.0})
    assert changed.record_id != before
    assert changed.record_id == _record(value=35.0).record_id
    deep_changed = record.model_copy(update={"arm": "chemotherapy"}, deep=True)
    assert deep_changed.record_id == _record(arm="chemotherapy").record_id
    assert record.model_copy().record_id == before


def test_cached_record_id_changes_neither_equality_hash_nor_dump():
    cached, fresh = _record(), _record()
    cached.record_id  # noqa: B018 - computes and caches it
    assert cached == fresh and hash(cached) == hash(fresh)
    assert cached.model_dump() == fresh.model_dump()
    assert cached.model_dump_json() == fresh.model_dump_json()


def test_pickled_record_keeps_its_record_id():
    record = _record()
    unpickled = pickle.loads(pickle.dumps(record))
    assert unpickled == record and unpickled.record_id == record.record_id
