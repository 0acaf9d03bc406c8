"""The records passed between unmist's stages, defined once.

A report travels as a :class:`Document` (ingest), becomes :class:`Mention` records
(extract + attribute), which are grouped into :class:`Incident` records (link) whose
values are reconciled (reconcile).  Every extracted value carries an :class:`Evidence`
pointing back to the document, the character span and the sentence it came from.

All records are frozen dataclasses so that stages cannot mutate each other's output;
stages build new records with :func:`dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FIGURE_KINDS = ("killed", "wounded", "captured", "escaped", "arrested", "kidnapped")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
PLACE_PRECISIONS = ("exact", "district", "province", "country", "unknown")
PERPETRATOR_STATUSES = ("claimed", "attributed", "suspected", "denied")
# How firmly a report ties an actor to an incident, firmest first (a claim outranks an attribution,
# which outranks a suspicion): the one ranking extraction and reconciliation keep an actor by.
PERPETRATOR_STATUS_RANK = {"claimed": 0, "denied": 1, "attributed": 2, "suspected": 3}
VICTIM_EFFECTS = ("killed", "wounded", "kidnapped", "attacked")


@dataclass(frozen=True)
class Document:
    """One report as ingested: the text unmist stores and every span points into."""

    id: str  # content hash of the extracted text
    source: str  # path it was read from; 'path#N' for line N of a JSONL file
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: date | None = None  # as the report states it
    url: str | None = None
    format: str = "txt"
    flags: tuple[str, ...] = ()
    # where ``published`` came from: stated (a header or feed field), page (HTML metadata), url
    # ('/2010/09/20/'), dateline ('DUSHANBE, August 23, 2010 -'); None when there is no date
    published_from: str | None = None


@dataclass(frozen=True)
class Statement:
    """Who said something: the speaker, the outlet that relayed it, and how hedged it is."""

    speaker: str | None  # "Umarjon Emomali", "the Interior Ministry", None when unattributed
    role: str | None = None  # "a spokesman for the Tajikistan Interior Ministry"
    organization: str | None = None
    relayed_by: str | None = None  # outlet that carried the statement: "Reuters", "Radio Ozodi"
    cue: str | None = None  # the reporting verb or phrase: "said", "told", "according to"
    hedges: tuple[str, ...] = ()  # "allegedly", "without providing evidence", ...
    certainty: str = "asserted"  # asserted | hedged | disputed
    party: str | None = None  # "government" | "armed_group" when the speaker is a party to the conflict


@dataclass(frozen=True)
class Evidence:
    """Where a value comes from: a span of a document's text and its sentence."""

    document: str
    start: int
    end: int
    text: str
    sentence: str
    statement: Statement | None = None


@dataclass(frozen=True)
class FigureValue:
    """One report's figure for one kind of casualty, as a range (None = open end)."""

    kind: str  # one of FIGURE_KINDS
    low: int | None
    high: int | None
    evidence: Evidence
    side: str = "total"  # total | attackers | security | civilians | ...
    # No figure of this kind is stated; the report implies it (it tells of the wounded and of no
    # death: killed 0; all it tells of as shot died: wounded 0).  A stated figure of any report
    # outweighs it.
    implied: bool = False


@dataclass(frozen=True)
class DateValue:
    start: date | None
    end: date | None
    precision: str  # one of DATE_PRECISIONS
    evidence: Evidence | None
    resolved_against: str | None = None  # "published" | "anchor" | "absolute" | "none"
    # What a date states when it cannot be placed in a year ('Sept. 19', 'on Sunday' with no report date)
    month: int | None = None
    day: int | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class PlaceValue:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # one of PLACE_PRECISIONS
    evidence: Evidence | None
    geonameid: int | None = None
    part: str | None = None  # the part of the place the report named ('Englewood' for Chicago), when coded as the place
    county: str | None = None  # the county or parish the report placed it in, when it is coded as a town of it
    placed_by: str | None = None  # "outlet": the report names no place; its local outlet's home city (no evidence)


@dataclass(frozen=True)
class ActorValue:
    """A perpetrator (or other actor) with how the report ties them to the incident."""

    name: str  # canonical name
    kind: str  # organization | individual | state (a state force; exported as one of the other two, see export.ledger.contract_kind)
    status: str  # one of PERPETRATOR_STATUSES
    by: str | None  # who says so
    evidence: Evidence
    how: str | None = None  # for claims: video, statement, radio station, website, ...
    surface: str | None = None  # the form in the text when it differs from the canonical name


@dataclass(frozen=True)
class TextValue:
    """A free-text value (victim, target, weapon) with its evidence; a victim also says what the
    incident did to them and how many they were, as GTD and UCDP code victims."""

    text: str
    evidence: Evidence
    effect: str | None = None  # victims: one of VICTIM_EFFECTS, None when the report does not say
    count: int | None = None  # victims: how many people the words name ('six Jesuit priests' -> 6)


@dataclass(frozen=True)
class Citation:
    """An edge from a report to the outlet or person it cites."""

    document: str
    cited: str  # canonical outlet / person name
    kind: str  # outlet | person | organization
    evidence: Evidence


@dataclass(frozen=True)
class ProvenanceEdge:
    """How one report depends on another report or an outside source, for one incident."""

    document: str
    kind: str  # copy | citation
    target_document: str | None  # the ledger report it depends on, when there is one
    target_name: str | None  # the outlet or person cited
    evidence: Evidence | None = None
    similarity: float | None = None  # for copies: share of shingles found in the original


@dataclass(frozen=True)
class Mention:
    """One incident as one report tells it."""

    document: str
    index: int  # order within the document
    type: str
    core: bool  # the report's main incident (vs. mentioned in passing)
    evidence: tuple[Evidence, ...]  # the sentences that describe it
    type_evidence: Evidence | None = None
    date: DateValue | None = None
    place: PlaceValue | None = None
    country: str | None = None
    countries: tuple[str, ...] = ()  # every country the incident's sentences name (both sides of a border)
    places_named: tuple[str, ...] = ()  # every specific place they name (canonical gazetteer names)
    perpetrators: tuple[ActorValue, ...] = ()
    victims: tuple[TextValue, ...] = ()
    targets: tuple[TextValue, ...] = ()
    weapons: tuple[TextValue, ...] = ()
    figures: tuple[FigureValue, ...] = ()
    claim: str | None = None  # claimed | denied | no_claim | None
    # names only this incident is likely to share with another report of it: the people it hit,
    # the venue, the street address ('1400 block of Mifflin Street'), lower case
    names: tuple[str, ...] = ()
    # the report's main incident only: such names anywhere in the report.  A follow-up weeks later
    # (an arrest, a plea) names the victim far from its own sentences about the shooting.
    report_names: tuple[str, ...] = ()
    # the ages of the people its sentences describe ('a 17-year-old', 'Jane Roe, 27,'), and of those
    # its whole report describes: two reports of one shooting give the victim's age alike
    ages: tuple[int, ...] = ()
    report_ages: tuple[int, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.document}:{self.index}"


@dataclass(frozen=True)
class Extraction:
    """Everything extract + attribute found in one document."""

    document: Document
    mentions: tuple[Mention, ...]
    citations: tuple[Citation, ...] = ()
    versions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReconciledFigure:
    kind: str
    low: int | None
    best: int | None
    high: int | None
    values: tuple[FigureValue, ...]
    conflict: bool
    independent: int = 0


@dataclass(frozen=True)
class Incident:
    """One incident with every report's values side by side and unmist's reconciliation."""

    id: str
    type: str
    mentions: tuple[Mention, ...]
    date: DateValue | None = None
    place: PlaceValue | None = None
    perpetrators: tuple[ActorValue, ...] = ()
    victims: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    figures: dict[str, ReconciledFigure] = field(default_factory=dict)
    reports: int = 0
    independent: int = 0
    conflicts: tuple[str, ...] = ()
    dates: tuple[DateValue, ...] = ()  # every report's date, side by side
    places: tuple[PlaceValue, ...] = ()
    provenance: tuple[ProvenanceEdge, ...] = ()
    versions: tuple[str, ...] = ()
