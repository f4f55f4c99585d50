"""Dual extraction: compare the full pass (rules + NER) with a rules-only pass, printed number by printed number."""
from __future__ import annotations

from collections import defaultdict
from typing import Optional, Sequence

from schemas.dual import DualFlag
from schemas.evidence import EvidenceRecord

COMPARED_FIELDS = ("trial", "endpoint", "arm", "statistic", "timepoint")
"""What a reading of a number says about it; the two passes must agree on all of these (the value is the span's)."""


def _number(record: EvidenceRecord) -> tuple:
    """One printed number: document, source, table cell or text span, and its value."""
    return (record.doc_sha256, record.source, record.table_id, record.table_row, record.table_col,
            record.char_start, record.char_end, record.value)


def _reading(record: EvidenceRecord) -> tuple:
    return tuple(getattr(record, f) for f in COMPARED_FIELDS)


def describe_readings(records: Sequence[EvidenceRecord]) -> Optional[str]:
    """Readings of one number in words, e.g. 'TOWER OS blinatumomab median' ('; ' between readings)."""
    if not records:
        return None
    texts = sorted({" ".join(str(v) for v in (r.trial or "no trial", r.endpoint, r.arm or "all arms", r.statistic,
                                              r.timepoint) if v) for r in records})
    return "; ".join(texts)


def _flag(record: EvidenceRecord, kind: str, with_ner: Sequence[EvidenceRecord], rules: Sequence[EvidenceRecord],
          record_id: Optional[str]) -> DualFlag:
    return DualFlag(doc=record.doc, doc_sha256=record.doc_sha256, source=record.source, page=record.page,
                    quote=record.quote, value_text=record.value_text, char_start=record.char_start,
                    char_end=record.char_end, table_id=record.table_id, table_row=record.table_row, kind=kind,
                    record_id=record_id, trial=record.trial, endpoint=record.endpoint, arm=record.arm,
                    statistic=record.statistic, timepoint=record.timepoint, value=record.value, unit=record.unit,
                    with_ner=describe_readings(with_ner), rules_only=describe_readings(rules))


def compare_passes(with_ner: Sequence[EvidenceRecord], rules_only: Sequence[EvidenceRecord]) -> list[DualFlag]:
    """A flag for every record of the full pass whose reading the rules-only pass does not give for the same number,
    and for every number only the rules-only pass reads (a number both passes read the same way is no flag)."""
    full: dict[tuple, list[EvidenceRecord]] = defaultdict(list)
    rules: dict[tuple, list[EvidenceRecord]] = defaultdict(list)
    for record in with_ner:
        full[_number(record)].append(record)
    for record in rules_only:
        rules[_number(record)].append(record)
    flags = []
    for number, records in full.items():
        other = rules.get(number, [])
        agreed = {_reading(r) for r in other}
        for record in records:
            if _reading(record) not in agreed:
                flags.append(_flag(record, "readings_differ" if other else "only_with_ner", records, other,
                                   record.record_id))
    for number, records in rules.items():
        if number not in full:
            flags.append(_flag(records[0], "only_rules", [], records, None))
    return sorted({f.flag_id: f for f in flags}.values(), key=lambda f: (f.doc_sha256, f.page, f.char_start, f.flag_id))
