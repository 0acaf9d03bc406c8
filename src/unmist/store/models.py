"""Database tables (SQLAlchemy 2.0).  Records from :mod:`unmist.types` are converted only when saving."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Integer, SmallInteger, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    byline: Mapped[str | None] = mapped_column(Text)
    dateline: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    published_from: Mapped[str | None] = mapped_column(String(16))
    format: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    flags: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[dict] = mapped_column(JSON, default=dict)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class ExtractionRow(Base):
    __tablename__ = "extractions"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    versions: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict] = mapped_column(JSON)
    extracted_at: Mapped[datetime] = mapped_column(DateTime)


class IncidentRow(Base):
    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    admin1: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    place_precision: Mapped[str] = mapped_column(String(16))
    perpetrator: Mapped[str | None] = mapped_column(String(200), index=True)
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_best: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    reports: Mapped[int] = mapped_column(Integer)
    independent: Mapped[int] = mapped_column(Integer)
    conflicted: Mapped[bool] = mapped_column(Integer, default=0)
    record: Mapped[dict] = mapped_column(JSON)
    digest: Mapped[str | None] = mapped_column(String(40))


class IncidentMentionRow(Base):
    __tablename__ = "incident_mentions"

    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    mention_index: Mapped[int] = mapped_column(Integer, primary_key=True)


class RunRow(Base):
    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    inputs: Mapped[list] = mapped_column(JSON)
    added: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list] = mapped_column(JSON, default=list)
    versions: Mapped[str] = mapped_column(String(200))


class DecisionRow(Base):
    """One analyst decision; rows are only ever added (the audit log)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    analyst: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    incident: Mapped[str | None] = mapped_column(String(32), index=True)
    mention_keys: Mapped[list] = mapped_column(JSON)
    payload: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)


class LockRow(Base):
    __tablename__ = "ledger_lock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(200))
    since: Mapped[datetime | None] = mapped_column(DateTime)


class SignatureRow(Base):
    __tablename__ = "signatures"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    minhash: Mapped[list] = mapped_column(JSON)


class TokenRow(Base):
    """An API token, stored as its SHA-256 digest only."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MentionRow(Base):
    """A linked mention, indexed for blocking: its effective date window, its component (the
    mentions joined to it by linkable pairs) and the incident it ended up in."""

    __tablename__ = "mentions"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    component: Mapped[str] = mapped_column(String(64), index=True)
    incident_id: Mapped[str | None] = mapped_column(String(32))
    dated: Mapped[int] = mapped_column(SmallInteger)  # 0 no date, 1 partial ('Sunday', 'Sept. 19'), 2 a start
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    reach: Mapped[date | None] = mapped_column(Date, index=True)  # the last start it meets in blocking
    stated_start: Mapped[date | None] = mapped_column(Date)  # before any re-dating of a misdated report
    relative: Mapped[bool] = mapped_column(Boolean)  # its date was resolved against the report's date


class MentionTermRow(Base):
    """Blocking and lookup keys of a mention: 'c:TJ' (a country; 'c:*' none), 'n:<place, lowercased>',
    'g:<geonameid>', 'm:<name>' (for follow-ups), 'p:<place as named>', and for misdating a place
    with a day: 'r:<place>|<days its relative date could re-read as>', 's:<place>|<its day>'."""

    __tablename__ = "mention_terms"

    term: Mapped[str] = mapped_column(String(240), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True,
                                             index=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)


class CopyRow(Base):
    __tablename__ = "copies"

    copy_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    original_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    similarity: Mapped[float] = mapped_column(Float)


class BandRow(Base):
    """One MinHash LSH band of a report (see :func:`unmist.reconcile.provenance.band_keys`)."""

    __tablename__ = "lsh_bands"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


class MetaRow(Base):
    __tablename__ = "ledger_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
