"""Taking a decision: find the incident, record what it holds now, log the decision, rebuild."""

from __future__ import annotations

import getpass
import json
import os

from .. import incremental, store
from ..errors import UnmistError
from . import Decision, _get, decision_keys, record_keys


def analyst_name(given: str | None) -> str:
    return given or os.environ.get("UNMIST_ANALYST") or getpass.getuser()


def parse_value(text: str):
    """'30' -> 30, 'null' -> None, 'ambush' -> 'ambush' (JSON when it parses, else the text)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def decide(sessions, *, action: str, incident_id: str | None, analyst: str, reason: str | None = None,
           **payload) -> Decision:
    """Log one decision and rebuild the ledger so that it takes effect.

    Args:
        sessions: the ledger's session factory.
        action: confirm | correct | set_best | reject_report | merge | split.
        incident_id: the incident it is about (None for reject_report).
        analyst: who decides.
        reason: why, in the analyst's words.
        payload: the action's fields (field, value, kind, document, other, mention).
    """
    from ..pipeline import rebuild

    holder = f"unmist review ({analyst})"
    store.acquire_lock(sessions, holder=holder)
    try:
        with sessions.begin() as session:
            keys, payload = _resolve(session, action, incident_id, payload)
            decision = store.add_decision(session, action=action, incident=incident_id, mention_keys=keys,
                                          payload=payload, analyst=analyst, reason=reason)
            reports = [payload["document"]] if action == "reject_report" else []
            incremental.mark_pending(session, documents=reports, keys=decision_keys(decision))
        rebuild(sessions, changed=reports, keys=decision_keys(decision))
        return decision
    finally:
        store.release_lock(sessions, holder=holder)


def _resolve(session, action: str, incident_id: str | None, payload: dict) -> tuple[list[str], dict]:
    if action == "reject_report":
        document = payload.get("document")
        if not document or store.get_document(session, document_id=document) is None:
            raise UnmistError(f"no report '{document}' in the ledger")
        return [], {"document": document}
    row = store.get_incident(session, incident_id=incident_id or "")
    if row is None:
        raise UnmistError(f"no incident '{incident_id}' in the ledger")
    record = row.record
    payload = {k: v for k, v in payload.items() if v is not None}
    if action == "merge":
        other = store.get_incident(session, incident_id=payload.pop("other", ""))
        if other is None or other.id == row.id:
            raise UnmistError("merge needs a second, different incident")
        payload.update(other=other.id, other_mention_keys=record_keys(other.record))
    elif action == "split":
        payload["mention"] = _split_target(record, payload.get("mention", ""))
    elif action in ("correct", "set_best"):
        path = payload["field"] if action == "correct" else f"figures.{payload['kind']}.best"
        payload["machine_then"] = _get(record, path)
    return record_keys(record), payload


def _split_target(record: dict, mention: str) -> str:
    """'DOC:N', or just 'DOC' when the report tells the incident once."""
    keys = record_keys(record)
    if mention in keys:
        return mention
    matches = [k for k in keys if k.split(":")[0].startswith(mention)] if mention else []
    if len(matches) != 1:
        raise UnmistError(f"split needs one of this incident's mentions: {', '.join(keys)}")
    if len(keys) < 2:
        raise UnmistError("an incident with one mention cannot be split")
    return matches[0]
