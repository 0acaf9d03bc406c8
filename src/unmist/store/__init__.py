"""Stage 6, store: the ledger in SQLite (default) or PostgreSQL, behind one query module.

Every function takes the session first and keywords after; nothing outside this package issues
SQL.  The schema is created and upgraded by Alembic migrations shipped in the package.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from ..serialize import from_jsonable, to_jsonable
from ..types import Citation, Document, Extraction, Mention
from ..errors import UnmistError
from .models import (BandRow, CopyRow, DecisionRow, DocumentRow, ExtractionRow, IncidentMentionRow, IncidentRow, LockRow,
                     MentionRow, MentionTermRow, MetaRow, RunRow, SignatureRow, TokenRow)

__all__ = ["open_ledger", "database_url"]


def database_url(db: str) -> str:
    """A file path becomes a SQLite URL; 'postgresql://' URLs use the psycopg driver."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def make_engine(db: str) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the web app) never block a run
    cursor.close()


# The newest migration (store/migrations/versions): a ledger already there opens without loading
# Alembic, which costs a quick command such as `unmist incidents` half its time.  A test checks
# that it is Alembic's head.
SCHEMA_HEAD = "0005"


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration."""
    if _schema_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("unmist.store") / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _schema_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def display_db(db: str) -> str:
    """The ledger's name as it may be printed: a database URL without its password."""
    if "://" not in db:
        return db
    from sqlalchemy.engine import make_url

    try:
        return make_url(db).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as its scheme only
        return db.split("://", 1)[0] + "://..."


def _like(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern ('%' and '_' match themselves), escaped with '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def open_ledger(db: str) -> sessionmaker[Session]:
    """A session factory for the ledger at ``db``, its schema up to date."""
    engine = make_engine(db)
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)


def ledger_files(sessions) -> list[str]:
    """The files of a SQLite ledger (with its write-ahead log), so that a run over the folder it sits
    in does not take them for reports; none for a server database."""
    database = sessions.kw["bind"].url.database if sessions.kw["bind"].url.get_backend_name() == "sqlite" else None
    return [database + suffix for suffix in ("", "-wal", "-shm", "-journal")] if database else []


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


# --- documents and extractions -------------------------------------------------------------------

def extracted_ids(session: Session, *, versions: str) -> set[str]:
    """Reports already extracted by these component versions (a re-run skips them)."""
    return set(session.scalars(select(ExtractionRow.document_id).where(ExtractionRow.versions == versions)))


def save_extraction(session: Session, *, extraction: Extraction, versions: str) -> None:
    document = extraction.document
    row = session.get(DocumentRow, document.id)
    if row is None:
        session.add(DocumentRow(
            id=document.id, source=document.source, url=document.url, title=document.title, outlet=document.outlet,
            byline=document.byline, dateline=document.dateline, published=document.published,
            published_from=document.published_from, format=document.format,
            text=document.text, flags=list(document.flags), added_at=_now(),
        ))
        session.flush()
    payload = {"mentions": to_jsonable(extraction.mentions), "citations": to_jsonable(extraction.citations)}
    existing = session.get(ExtractionRow, document.id)
    if existing is None:
        session.add(ExtractionRow(document_id=document.id, versions=versions, payload=payload, extracted_at=_now()))
    else:
        existing.versions, existing.payload, existing.extracted_at = versions, payload, _now()


def _document(row: DocumentRow) -> Document:
    return Document(id=row.id, source=row.source, text=row.text, title=row.title, outlet=row.outlet, byline=row.byline,
                    dateline=row.dateline, published=row.published, url=row.url, format=row.format,
                    flags=tuple(row.flags or ()), published_from=row.published_from)


def load_documents(session: Session, *, ids: Iterable[str] | None = None) -> dict[str, Document]:
    """Reports by id: all of them, or those in ``ids``."""
    return dict(sorted((row.id, _document(row)) for query in _where_in(select(DocumentRow), DocumentRow.id, ids)
                       for row in session.scalars(query)))


def _chunks(items: list, size: int = 500):
    """Bound IN lists (SQLite allows a few thousand parameters per statement)."""
    for start in range(0, len(items), size):
        yield items[start: start + size]


def _where_in(query, column, values: Iterable | None):
    """``query`` restricted to rows whose ``column`` is one of ``values``, as statements with IN lists
    of bounded size; the whole query, once, when ``values`` is None."""
    if values is None:
        yield query
        return
    for chunk in _chunks(sorted(set(values))):
        yield query.where(column.in_(chunk))


def get_document(session: Session, *, document_id: str) -> Document | None:
    row = session.get(DocumentRow, document_id)
    return _document(row) if row else None


def load_extractions(session: Session, *, ids: Iterable[str] | None = None) -> list[Extraction]:
    """Stored extractions (with their reports), all or those of ``ids``, by report id."""
    documents = load_documents(session, ids=ids)
    rows = [row for query in _where_in(select(ExtractionRow), ExtractionRow.document_id, None if ids is None else documents)
            for row in session.scalars(query)]
    extractions = []
    for row in sorted(rows, key=lambda r: r.document_id):
        mentions = from_jsonable(tuple[Mention, ...], row.payload.get("mentions", []))
        citations = from_jsonable(tuple[Citation, ...], row.payload.get("citations", []))
        extractions.append(Extraction(documents[row.document_id], mentions, citations=citations))
    return extractions


def set_document_flags(session: Session, *, flags: dict[str, tuple[str, ...]], notes: dict[str, dict] | None = None,
                       only: Iterable[str] | None = None) -> None:
    """Flags ('copy_of:<id>', 'misdated', 'no_incident') and their explanations, per report: for every
    report, or for those in ``only``."""
    notes = notes or {}
    for row in (row for query in _where_in(select(DocumentRow), DocumentRow.id, only) for row in session.scalars(query)):
        new = list(flags.get(row.id, ()))
        if list(row.flags or []) != new:
            row.flags = new
        if (row.notes or {}) != notes.get(row.id, {}):
            row.notes = notes.get(row.id, {})


def document_notes(session: Session, *, ids: Iterable[str] | None = None) -> dict[str, dict]:
    return {row_id: dict(notes or {}) for query in _where_in(select(DocumentRow.id, DocumentRow.notes), DocumentRow.id, ids)
            for row_id, notes in session.execute(query)}


# --- incidents -----------------------------------------------------------------------------------

def replace_incidents(session: Session, *, records: list[dict], scope: Iterable[str] | None = None) -> None:
    """Make the stored incidents equal to ``records``, rewriting only those that changed (so a small
    addition to a large ledger writes little).  With ``scope``, only the incidents with those ids
    (and the records' own) are compared: the rest of the ledger is left as it is."""
    import hashlib
    import json

    digests = {r["id"]: hashlib.sha1(json.dumps(r, sort_keys=True, default=str).encode()).hexdigest() for r in records}
    compared = None if scope is None else set(scope) | set(digests)
    stored = {incident: digest for query in _where_in(select(IncidentRow.id, IncidentRow.digest), IncidentRow.id, compared)
              for incident, digest in session.execute(query)}
    gone = [i for i in stored if i not in digests]
    changed = [r for r in records if stored.get(r["id"]) != digests[r["id"]]]
    stale = gone + [r["id"] for r in changed if r["id"] in stored]
    for chunk in range(0, len(stale), 500):
        ids = stale[chunk: chunk + 500]
        session.execute(delete(IncidentMentionRow).where(IncidentMentionRow.incident_id.in_(ids)))
        session.execute(delete(IncidentRow).where(IncidentRow.id.in_(ids)))
    session.flush()
    rows = []
    for record in changed:
        row = _incident_row(record)
        row.digest = digests[record["id"]]
        rows.append(row)
    session.add_all(rows)
    session.flush()  # incidents before the rows that point at them
    for record in changed:
        seen = set()
        for mention in record.get("mentions", []):
            key = (mention["document"], mention["index"])
            if key not in seen:
                seen.add(key)
                session.add(IncidentMentionRow(incident_id=record["id"], document_id=key[0], mention_index=key[1]))


def _incident_row(record: dict) -> IncidentRow:
    date, place = record.get("date") or {}, record.get("place") or {}
    killed = (record.get("figures") or {}).get("killed") or {}
    perpetrators = record.get("perpetrators") or []
    return IncidentRow(
        id=record["id"], type=record["type"],
        date_start=_iso(date.get("start")), date_end=_iso(date.get("end")), date_precision=date.get("precision", "unknown"),
        place_name=place.get("name"), country=place.get("country"), admin1=place.get("admin1"), lat=place.get("lat"),
        lon=place.get("lon"), place_precision=place.get("precision", "unknown"),
        perpetrator=perpetrators[0]["name"] if perpetrators else None,
        killed_low=killed.get("low"), killed_best=killed.get("best"), killed_high=killed.get("high"),
        reports=record["sources"]["reports"], independent=record["sources"]["independent"],
        conflicted=1 if record.get("conflicts") else 0, record=record,
    )


def _iso(value: str | None):
    from datetime import date

    return date.fromisoformat(value) if value else None


def _filtered(query, *, country: str | None = None, type: str | None = None, perpetrator: str | None = None,
              since: str | None = None, until: str | None = None, min_independent: int | None = None,
              conflicted: bool | None = None, search: str | None = None, located: bool | None = None):
    if located is not None:
        query = query.where(IncidentRow.lat.is_not(None) if located else IncidentRow.lat.is_(None))
    if country:
        query = query.where(func.upper(IncidentRow.country) == country.upper())
    if type:
        query = query.where(IncidentRow.type == type)
    if perpetrator:
        query = query.where(IncidentRow.perpetrator.ilike(f"%{_like(perpetrator)}%", escape="\\"))
    if since:
        query = query.where(IncidentRow.date_start >= _iso(since))
    if until:
        query = query.where(IncidentRow.date_start <= _iso(until))
    if min_independent:
        query = query.where(IncidentRow.independent >= min_independent)
    if conflicted is not None:
        query = query.where(IncidentRow.conflicted == (1 if conflicted else 0))
    if search:
        pattern = f"%{_like(search)}%"
        query = query.where(IncidentRow.place_name.ilike(pattern, escape="\\")
                            | IncidentRow.perpetrator.ilike(pattern, escape="\\")
                            | IncidentRow.type.ilike(pattern, escape="\\") | IncidentRow.country.ilike(pattern, escape="\\"))
    return query


# The columns the incident list sorts by ('killed' is the best estimate of the dead).
SORT_COLUMNS = {"date": IncidentRow.date_start, "place": IncidentRow.place_name, "type": IncidentRow.type,
                "perpetrator": IncidentRow.perpetrator, "killed": IncidentRow.killed_best, "reports": IncidentRow.reports}


def list_incidents(session: Session, *, limit: int | None = None, offset: int = 0, sort: str = "date",
                   **filters) -> list[IncidentRow]:
    """Incidents filtered by country, type, perpetrator, since/until, min_independent, conflicted
    and a search string, sorted by a SORT_COLUMNS name ('-killed': most first; empty values last,
    then by date and id, so pages never overlap)."""
    column = SORT_COLUMNS[sort.lstrip("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    query = _filtered(select(IncidentRow), **filters)
    query = query.order_by(column.is_(None), order, IncidentRow.date_start.is_(None), IncidentRow.date_start,
                           IncidentRow.id).offset(offset)
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def incident_points(session: Session, **filters) -> list:
    """Only the columns a map needs, for every geocoded incident (no record JSON to parse)."""
    columns = (IncidentRow.id, IncidentRow.type, IncidentRow.date_start, IncidentRow.place_name, IncidentRow.killed_best,
               IncidentRow.reports, IncidentRow.conflicted, IncidentRow.lat, IncidentRow.lon)
    return list(session.execute(_filtered(select(*columns), **filters).where(IncidentRow.lat.is_not(None))))


def count_incidents(session: Session, **filters) -> int:
    return session.scalar(_filtered(select(func.count()).select_from(IncidentRow), **filters)) or 0


# The columns the list counts its incidents by (a facet each).
FACET_COLUMNS = {"country": IncidentRow.country, "type": IncidentRow.type, "perpetrator": IncidentRow.perpetrator}


def facet_counts(session: Session, facet: str, *, top: int = 8, **filters) -> list[tuple[str, int]]:
    """The most frequent values of a FACET_COLUMNS column among the filtered incidents, with counts."""
    column = FACET_COLUMNS[facet]
    query = _filtered(select(column, func.count()).select_from(IncidentRow), **filters).where(column.is_not(None))
    query = query.group_by(column).order_by(func.count().desc(), column).limit(top)
    return [(value, count) for value, count in session.execute(query) if value]


def killed_total(session: Session, **filters) -> int:
    """The sum of the incidents' best estimates of the dead (incidents without one add nothing)."""
    return session.scalar(_filtered(select(func.sum(IncidentRow.killed_best)), **filters)) or 0


def monthly_counts(session: Session, **filters) -> dict[str, int]:
    """Incidents per month ('2019-03' -> 4), for the timeline: counted by the database, not in Python."""
    rows = session.execute(_filtered(select(IncidentRow.date_start), **filters).where(IncidentRow.date_start.is_not(None)))
    counts: dict[str, int] = {}
    for (day,) in rows:
        key = day.isoformat()[:7]
        counts[key] = counts.get(key, 0) + 1
    return counts


def get_incident(session: Session, *, incident_id: str) -> IncidentRow | None:
    """By full id, or by a unique prefix ('inc-3f2a')."""
    row = session.get(IncidentRow, incident_id)
    if row is not None:
        return row
    prefix = select(IncidentRow).where(IncidentRow.id.like(f"{_like(incident_id)}%", escape="\\"))
    matches = list(session.scalars(prefix.limit(2)))
    return matches[0] if len(matches) == 1 else None


def incidents_with_document(session: Session, *, document_id: str) -> list[IncidentRow]:
    """The incidents a report tells of, through the incident-mention table."""
    ids = select(IncidentMentionRow.incident_id).where(IncidentMentionRow.document_id == document_id)
    query = select(IncidentRow).where(IncidentRow.id.in_(ids))
    return list(session.scalars(query.order_by(IncidentRow.date_start.is_(None), IncidentRow.date_start, IncidentRow.id)))


def documents_of_record(session: Session, *, record: dict) -> dict[str, Document]:
    """The reports an incident record cites (its mentions'): all its values and edges point into them."""
    return load_documents(session, ids={m["document"] for m in record["mentions"]})


def count_rows(session: Session) -> dict[str, int]:
    return {
        "documents": session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
        "incidents": session.scalar(select(func.count()).select_from(IncidentRow)) or 0,
    }


def document_flags(session: Session) -> dict[str, list[str]]:
    return {row.id: list(row.flags or []) for row in session.scalars(select(DocumentRow))}


# --- runs ----------------------------------------------------------------------------------------

def start_run(session: Session, *, inputs: Iterable[str], versions: str) -> RunRow:
    run = RunRow(started_at=_now(), inputs=list(inputs), versions=versions, added=0, failed=0, errors=[])
    session.add(run)
    session.flush()
    return run


def finish_run(session: Session, *, run: RunRow, added: int, errors: list[str]) -> None:
    run.finished_at, run.added, run.failed, run.errors = _now(), added, len(errors), errors


# --- review --------------------------------------------------------------------------------------

def add_decision(session: Session, *, action: str, incident: str | None, mention_keys: list[str], payload: dict,
                 analyst: str, reason: str | None = None):
    """Append one decision to the audit log and return it as a record."""
    from ..review import ACTIONS

    if action not in ACTIONS:
        raise UnmistError(f"unknown review action '{action}' (known: {', '.join(ACTIONS)})")
    row = DecisionRow(created_at=_now(), analyst=analyst, action=action, incident=incident,
                      mention_keys=list(mention_keys), payload=payload, reason=reason)
    session.add(row)
    session.flush()
    return _decision(row)


def _decision(row: DecisionRow):
    from ..review import Decision

    return Decision(row.id, row.created_at.isoformat(timespec="seconds"), row.analyst, row.action, row.incident,
                    tuple(row.mention_keys or ()), dict(row.payload or {}), row.reason)


def load_decisions(session: Session) -> list:
    return [_decision(row) for row in session.scalars(select(DecisionRow).order_by(DecisionRow.id))]


def decisions_for(session: Session, *, incident_id: str, mention_keys: Iterable[str]) -> list:
    """Every decision taken on this incident, under its id or on any of its mentions."""
    keys = set(mention_keys)
    return [d for d in load_decisions(session)
            if d.incident == incident_id or keys & set(d.mention_keys)
            or keys & set(d.payload.get("other_mention_keys", [])) or d.payload.get("mention") in keys]


# --- lock ----------------------------------------------------------------------------------------

# A lock older than this is taken to belong to a run that died (a real run renews it on release).
STALE_LOCK_SECONDS = 6 * 3600


def acquire_lock(sessions, *, holder: str) -> None:
    """Take the ledger for one writer, or raise LedgerBusy naming who holds it."""
    from datetime import timedelta

    from sqlalchemy import or_, update

    from ..errors import LedgerBusy

    with sessions.begin() as session:
        stale = _now() - timedelta(seconds=STALE_LOCK_SECONDS)
        result = session.execute(update(LockRow).where(LockRow.id == 1)
                                 .where(or_(LockRow.holder.is_(None), LockRow.since < stale))
                                 .values(holder=holder, since=_now()))
        if result.rowcount == 1:
            return
        row = session.get(LockRow, 1)
        if row.holder and _holder_is_gone(row.holder):  # a killed run on this machine: take over at once
            row.holder, row.since = holder, _now()
            return
        raise LedgerBusy(f"ledger busy: {row.holder} has been writing to it since {row.since:%Y-%m-%d %H:%M:%S} UTC; "
                         "try again when it finishes (if that run died on another machine: unmist unlock --db ...)")


def _holder_is_gone(holder: str) -> bool:
    """'unmist run (pid 4242 on host)': that process no longer exists on this host."""
    import os
    import re
    import socket

    match = re.search(r"\(pid (\d+) on (.+)\)$", holder)
    if match is None or match.group(2) != socket.gethostname():
        return False
    try:
        os.kill(int(match.group(1)), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def break_lock(sessions) -> str | None:
    """Clear the lock whoever holds it (a run on another machine that died); returns the holder."""
    with sessions.begin() as session:
        row = session.get(LockRow, 1)
        if row is None or not row.holder:
            return None
        holder = row.holder
        row.holder, row.since = None, None
        return holder


def release_lock(sessions, *, holder: str) -> None:
    from sqlalchemy import update

    with sessions.begin() as session:
        session.execute(update(LockRow).where(LockRow.id == 1).where(LockRow.holder == holder)
                        .values(holder=None, since=None))


# --- signatures (copy detection cache) -------------------------------------------------------------

def load_signatures(session: Session, *, ids: Iterable[str] | None = None) -> dict[str, list[int]]:
    return {row.document_id: row.minhash for query in _where_in(select(SignatureRow), SignatureRow.document_id, ids)
            for row in session.scalars(query)}


def save_signatures(session: Session, *, signatures: dict[str, list[int]]) -> None:
    # only these reports' rows: all of them would cost a read of the whole table on every batch
    known = {d for query in _where_in(select(SignatureRow.document_id), SignatureRow.document_id, signatures)
             for d in session.scalars(query)}
    # a bulk insert, as the bands are, rather than ORM objects (each with its 128-value list) held
    # by the session until commit (bench/memory.py showed no change in peak memory either way)
    rows = [{"document_id": d, "minhash": s} for d, s in signatures.items() if d not in known]
    for chunk in _chunks(rows, 1000):
        session.execute(insert(SignatureRow), chunk)


def clear_signatures(session: Session) -> None:
    """Forget every stored signature and LSH band (they are recomputed when copy detection changes)."""
    session.execute(delete(BandRow))
    session.execute(delete(SignatureRow))


# --- link index (what lets a run touch only what its new reports reach) ---------------------------

def get_meta(session: Session, *, key: str) -> str | None:
    row = session.get(MetaRow, key)
    return row.value if row else None


def set_meta(session: Session, *, key: str, value: str) -> None:
    row = session.get(MetaRow, key)
    if row is None:
        session.add(MetaRow(key=key, value=value))
    else:
        row.value = value


def clear_link_index(session: Session) -> None:
    """Forget the index (a full rebuild writes it again, and then its versions)."""
    for model in (MentionTermRow, MentionRow, CopyRow):
        session.execute(delete(model))
    session.execute(delete(MetaRow).where(MetaRow.key == LONGEST_WINDOW_KEY))


def remove_mentions(session: Session, *, keys: Iterable[tuple[str, int]] = (), documents: Iterable[str] = ()) -> None:
    """Drop index rows of these mentions ((document, index)) and of every mention of ``documents``.

    Bulk deletes without synchronising the session (no index row is held as an object there):
    the ORM's default evaluates each delete against every object in the session, which made
    linking a batch of a long run cost seconds."""
    from sqlalchemy import tuple_

    documents = set(documents)
    keys = {(document, index) for document, index in keys if document not in documents}
    for model in (MentionTermRow, MentionRow):
        for statement in _where_in(delete(model), model.document_id, documents):
            session.execute(statement.execution_options(synchronize_session=False))
        for statement in _where_in(delete(model), tuple_(model.document_id, model.idx), keys):
            session.execute(statement.execution_options(synchronize_session=False))


# Days from the start of the index's widest date window to its reach, at least: blocking finds the
# windows that reach a date by their starts, on the date index, within that many days before it.
LONGEST_WINDOW_KEY = "index.longest_window_days"


def _longest_window(session: Session) -> int:
    return int(get_meta(session, key=LONGEST_WINDOW_KEY) or 0)


def add_mentions(session: Session, *, rows: list[dict], terms: list[tuple[str, str, int]]) -> None:
    """Index rows (columns of ``mentions``) and their terms (term, document, index)."""
    for chunk in _chunks(rows, 2000):
        session.execute(insert(MentionRow), chunk)
    longest = max(((r["reach"] - r["date_start"]).days for r in rows if r["date_start"] and r["reach"]), default=0)
    if longest > _longest_window(session):  # removed rows leave it as it was: a bound, not the maximum
        set_meta(session, key=LONGEST_WINDOW_KEY, value=str(longest))
    unique = sorted(set(terms))
    for chunk in _chunks(unique, 2000):
        session.execute(insert(MentionTermRow), [{"term": t, "document_id": d, "idx": i} for t, d, i in chunk])


def mention_rows(session: Session, *, components: Iterable[str] = (), documents: Iterable[str] = (),
                 keys: Iterable[tuple[str, int]] = ()) -> list[MentionRow]:
    """Index rows in these components, of these reports, or with these keys."""
    documents, keys = set(documents), set(keys)
    found: dict[tuple[str, int], MentionRow] = {}
    for query in _where_in(select(MentionRow), MentionRow.component, components):
        found.update({(r.document_id, r.idx): r for r in session.scalars(query)})
    for query in _where_in(select(MentionRow), MentionRow.document_id, documents | {d for d, _ in keys}):
        for row in session.scalars(query):
            if row.document_id in documents or (row.document_id, row.idx) in keys:
                found[(row.document_id, row.idx)] = row
    return [found[k] for k in sorted(found)]


def block_candidates(session: Session, *, countries: Iterable[str] | None, dated: int, start=None, reach=None,
                     place_terms: Iterable[str] = (), name_terms: Iterable[str] = ()) -> set[tuple[str, int]]:
    """Mentions that blocking may let meet a mention with these countries (None: it has no country
    and meets every block) and this date (``dated`` as in the mentions table; ``start``/``reach`` its
    window).  A pair where either side has no date at all links only through a shared named place,
    so such pairs come only through ``place_terms``; a follow-up and the earlier incident it tells
    of only through a shared name (``name_terms``).  A superset: the linker's own rule decides."""
    from datetime import timedelta

    statements = _blocking_statements()
    found: set[tuple[str, int]] = set()
    if dated == 2 and start is not None:
        # on the date index, whatever the country: a country's block can be a whole ledger
        around = session.execute(statements["around"], {"low": start - timedelta(days=_longest_window(session)),
                                                        "start": start, "reach": reach})
        found |= _in_countries(session, {*map(tuple, around), *map(tuple, session.execute(statements["partial"]))},
                               countries)
    elif dated:
        found |= _in_countries(session, set(map(tuple, session.execute(statements["dated"]))), countries)
    # A dated mention meets the dated ones at its place through the window above: by the place
    # only the undated ones, or a city's every report over the years would be a candidate.
    countries = None if countries is None else _country_terms(countries)
    for terms, undated in ((place_terms, bool(dated)), (name_terms, False)):
        if terms:
            statement = statements[("terms", countries is not None, undated)]
            parameters = {"terms": sorted(set(terms))} | ({"countries": countries} if countries is not None else {})
            found |= set(map(tuple, session.execute(statement, parameters)))
    return found


@lru_cache(maxsize=1)
def _blocking_statements() -> dict:
    """The queries of :func:`block_candidates`, built once: building SQLAlchemy expressions with
    aliases costs about a millisecond a query, which an update runs for every new mention."""
    from sqlalchemy import and_, bindparam, or_
    from sqlalchemy.orm import aliased

    keys = select(MentionRow.document_id, MentionRow.idx)
    statements = {
        "partial": keys.where(MentionRow.date_start.is_(None), MentionRow.dated == 1),
        "dated": keys.where(MentionRow.dated > 0),
        # windows starting in [start, reach], or before start and reaching it (no window is longer
        # than the index's longest, so the search on the date index stays within that many days)
        "around": keys.where(MentionRow.date_start >= bindparam("low"), MentionRow.date_start <= bindparam("reach"),
                             or_(MentionRow.date_start >= bindparam("start"), MentionRow.reach >= bindparam("start"))),
        "countries": select(MentionTermRow.document_id, MentionTermRow.idx).where(
            MentionTermRow.term.in_(bindparam("countries", expanding=True)),
            MentionTermRow.document_id.in_(bindparam("documents", expanding=True))),
    }
    for in_countries in (True, False):
        for undated in (True, False):
            term = aliased(MentionTermRow)
            query = keys.distinct().join(term, and_(term.document_id == MentionRow.document_id, term.idx == MentionRow.idx))
            query = query.where(term.term.in_(bindparam("terms", expanding=True)))
            if in_countries:
                block = aliased(MentionTermRow)
                query = query.join(block, and_(block.document_id == MentionRow.document_id, block.idx == MentionRow.idx))
                query = query.where(block.term.in_(bindparam("countries", expanding=True)))
            statements[("terms", in_countries, undated)] = query.where(MentionRow.dated == 0) if undated else query
    return statements


def _in_countries(session: Session, keys: set[tuple[str, int]], countries: Iterable[str] | None) -> set[tuple[str, int]]:
    """The mentions of ``keys`` in the block of one of ``countries`` (or of none); all when None."""
    if countries is None or not keys:
        return keys
    documents = sorted({d for d, _ in keys})
    inside: set[tuple[str, int]] = set()
    for chunk in _chunks(documents):
        rows = session.execute(_blocking_statements()["countries"], {"countries": _country_terms(countries), "documents": chunk})
        inside |= set(map(tuple, rows))
    return keys & inside


def _country_terms(countries: Iterable[str]) -> list[str]:
    return [f"c:{c}" for c in sorted(set(countries))] + ["c:*"]


def misdating_suspects(session: Session, *, terms: Iterable[str], published_after, lag_days: int) -> set[str]:
    """Reports with a relative date ('on Wednesday') of one of these terms (the place and the days it
    could re-read as, 'r:' terms), stamped more than ``lag_days`` after ``published_after``."""
    from datetime import timedelta

    return _reports_with_terms(session, "relative", terms, published_after + timedelta(days=lag_days))


def documents_at_places(session: Session, *, terms: Iterable[str], published_before, lag_days: int) -> set[str]:
    """Reports with a dated mention of one of these terms (a place, 'p:', or a place and a day, 's:'),
    stamped more than ``lag_days`` before ``published_before``."""
    from datetime import timedelta

    return _reports_with_terms(session, "dated", terms, published_before - timedelta(days=lag_days))


def _reports_with_terms(session: Session, kind: str, terms: Iterable[str], published) -> set[str]:
    statement = _misdating_statements()[kind]
    return {d for chunk in _chunks(sorted(set(terms))) for d in session.scalars(statement, {"terms": chunk, "published": published})}


@lru_cache(maxsize=1)
def _misdating_statements() -> dict:
    """The queries of :func:`misdating_suspects` and :func:`documents_at_places`, built once (an
    update runs one for each new report)."""
    from sqlalchemy import and_, bindparam

    query = (select(MentionRow.document_id).distinct()
             .join(MentionTermRow, and_(MentionTermRow.document_id == MentionRow.document_id, MentionTermRow.idx == MentionRow.idx))
             .join(DocumentRow, DocumentRow.id == MentionRow.document_id)
             .where(MentionTermRow.term.in_(bindparam("terms", expanding=True))))
    return {"relative": query.where(MentionRow.relative.is_(True), DocumentRow.published > bindparam("published")),
            "dated": query.where(MentionRow.stated_start.is_not(None), DocumentRow.published < bindparam("published"))}


def load_copy_edges(session: Session) -> dict[str, tuple[str, float]]:
    """Every copy edge: copy -> (original, similarity)."""
    return {copy: (original, similarity) for copy, original, similarity
            in session.execute(select(CopyRow.copy_id, CopyRow.original_id, CopyRow.similarity))}


def save_copy_edges(session: Session, *, edges: dict[str, tuple[str, float] | None]) -> None:
    """Set (or with None, remove) the copy edge of each report in ``edges``."""
    for copy, edge in edges.items():
        row = session.get(CopyRow, copy)
        if edge is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(CopyRow(copy_id=copy, original_id=edge[0], similarity=edge[1]))
        else:
            row.original_id, row.similarity = edge


def save_bands(session: Session, *, bands: dict[str, list[int]]) -> None:
    rows = [{"key": key, "document_id": document} for document, keys in bands.items() for key in sorted(set(keys))]
    for chunk in _chunks(rows, 5000):
        session.execute(insert(BandRow), chunk)


def band_documents(session: Session) -> set[str]:
    """Reports whose bands are stored (a ledger from before the link index has signatures without)."""
    return set(session.scalars(select(BandRow.document_id).distinct()))


def band_neighbours(session: Session, *, keys: Iterable[int]) -> dict[int, set[str]]:
    """Reports in each of these LSH bands."""
    found: dict[int, set[str]] = {}
    for query in _where_in(select(BandRow.key, BandRow.document_id), BandRow.key, keys):
        for key, document in session.execute(query):
            found.setdefault(key, set()).add(document)
    return found


# --- API tokens ----------------------------------------------------------------------------------

def create_token(session: Session, *, name: str) -> str:
    """A new random token; only its digest is kept, so it is shown once."""
    import hashlib
    import secrets

    token = "um_" + secrets.token_urlsafe(24)
    session.add(TokenRow(name=name, digest=hashlib.sha256(token.encode()).hexdigest(), created_at=_now()))
    return token


def token_owner(session: Session, *, token: str) -> str | None:
    import hashlib

    if not token:
        return None
    row = session.scalar(select(TokenRow).where(TokenRow.digest == hashlib.sha256(token.encode()).hexdigest()))
    return row.name if row else None
