"""The ``unmist`` command: thin wrappers that parse options, call the library and render."""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__, store
from .errors import UnmistError

app = typer.Typer(help="unmist: a sourced, reconciled incident ledger from news reports.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", envvar="UNMIST_DB", help="SQLite file or database URL.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
DEFAULT_DB = "unmist.db"


def main() -> None:
    sys.argv[1:] = _bare_dask_option(sys.argv[1:])
    try:
        app()
    except UnmistError as err:
        errors.print(f"[red]error:[/] {err}")
        sys.exit(2)


def _bare_dask_option(arguments: list[str]) -> list[str]:
    """``--dask`` given without an address means a local cluster: Typer (0.29) has no options with an
    optional value, so a bare ``--dask`` (next word not an address) becomes ``--dask=local`` here."""
    from .cluster import LOCAL, looks_like_address

    fixed = list(arguments)
    for position, word in enumerate(fixed):
        if word == "--dask" and not (position + 1 < len(fixed) and looks_like_address(fixed[position + 1])):
            fixed[position] = f"--dask={LOCAL}"
    return fixed


@app.callback()
def _version(version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False) -> None:
    if version:
        console.print(f"unmist {__version__}")
        raise typer.Exit()


def _progress_bar():
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=errors, transient=True, disable=not errors.is_terminal and not os.environ.get("UNMIST_PROGRESS"))


def _run(paths: list[str], db: str, jobs: int, as_json: bool, dask: str | None = None) -> int:
    from .pipeline import run as run_pipeline

    with _progress_bar() as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task({"extract": "Extracting reports", "link": "Linking incidents"}[stage], total=total)
            bar.update(tasks[stage], completed=done, total=total)

        summary = run_pipeline(paths, db=db, jobs=jobs, progress=progress, dask=dask)
    for line in summary.errors:
        errors.print(f"[yellow]skipped[/] {line}", highlight=False, soft_wrap=True)
    if as_json:
        console.print_json(json.dumps(summary.as_dict()))
    else:
        console.print(f"Read {summary.read} report(s): {summary.extracted} extracted, {summary.unchanged} unchanged, "
                      f"{len(summary.errors)} refused. Ledger {store.display_db(db)}: {summary.incidents} incident(s) "
                      f"from {summary.documents} report(s), {summary.relinked} mention(s) linked again, "
                      f"in {summary.seconds:.1f}s.")
    return 1 if summary.errors else 0


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Report files, folders or glob patterns.")],
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for extraction (with a local Dask cluster: its workers).")] = 1,
    dask: Annotated[Optional[str], typer.Option(
        "--dask", metavar="[ADDRESS]",
        help="Extract on a Dask cluster: bare, a local one (or $UNMIST_DASK's); or a scheduler address, tcp://host:8786.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Ingest, extract, link and reconcile reports into the ledger."""
    from .cluster import resolve_address

    raise typer.Exit(_run(paths, db, jobs, as_json, dask=resolve_address(dask)))


@app.command()
def demo(db: DbOption = "unmist-demo.db", jobs: Annotated[int, typer.Option("--jobs", "-j")] = 1) -> None:
    """Run the whole pipeline on the built-in demo corpus and show the ledger."""
    corpus = resources.files("unmist") / "demo"
    code = _run([str(corpus)], db, jobs, False)
    incidents(db=db)
    console.print(f"\nNext: [bold]unmist show ID --db {store.display_db(db)}[/] for one incident's sources side by side, "
                  f"[bold]unmist export --format json --db {store.display_db(db)}[/] for the ledger.")
    raise typer.Exit(code)


# Rows the table shows unless --limit says otherwise: a terminal is read a screen at a time, and
# rendering ten thousand rows with Rich takes a minute.
TABLE_ROWS = 50


@app.command()
def incidents(
    db: DbOption = DEFAULT_DB,
    country: Annotated[Optional[str], typer.Option(help="ISO country code, e.g. TJ.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="Incident type, e.g. ambush.")] = None,
    conflicted: Annotated[bool, typer.Option("--conflicted", help="Only incidents whose reports disagree.")] = False,
    limit: Annotated[Optional[int], typer.Option(min=0, help=f"Rows to list, 0 for all [default: {TABLE_ROWS}; all with --json].")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Rows to skip (with --limit: page through the list).")] = 0,
    as_json: JsonOption = False,
) -> None:
    """List incidents by date: date, place, type, perpetrator, killed (low-high), reports."""
    from .render import incident_table

    shown = (0 if as_json else TABLE_ROWS) if limit is None else limit
    filters = {"country": country, "type": type, "conflicted": True if conflicted else None}
    sessions = _open_existing(db)
    with sessions() as session:
        rows = store.list_incidents(session, limit=shown or None, offset=offset, **filters)
        total = store.count_incidents(session, **filters) if shown else offset + len(rows)
    if as_json:  # written as it is: Rich's JSON highlighting takes minutes on a large ledger
        sys.stdout.write(json.dumps([row.record for row in rows], ensure_ascii=False, indent=2) + "\n")
        return
    console.print(incident_table(rows))
    if offset or len(rows) < total:
        errors.print(f"Rows {offset + 1 if rows else offset}-{offset + len(rows)} of {total} incident(s); "
                     f"--limit 0 lists all, --offset pages.", highlight=False)


@app.command()
def show(incident_id: Annotated[str, typer.Argument(help="Incident id or a unique prefix.")], db: DbOption = DEFAULT_DB,
         as_json: JsonOption = False) -> None:
    """One incident: every report's value with outlet, sentence, speaker and hedge."""
    from .render import incident_detail

    row, documents = _incident_or_exit(db, incident_id)
    if as_json:
        console.print_json(json.dumps(row.record, ensure_ascii=False))
    else:
        for renderable in incident_detail(row.record, documents):
            console.print(renderable)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json (the ledger contract), csv, geojson, gtd, ucdp, "
                                                              "acled or parquet (needs --out).")] = "json",
    db: DbOption = DEFAULT_DB,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Export the ledger."""
    from .export import EXPORTERS
    from .pipeline import export_ledger

    if format not in EXPORTERS:
        errors.print(f"[red]error:[/] unknown format '{format}' (known: {', '.join(sorted(EXPORTERS))})")
        raise typer.Exit(2)
    content = EXPORTERS[format](export_ledger(_open_existing(db)))
    if out:
        out.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        errors.print(f"Wrote {out}")
    elif isinstance(content, bytes):
        errors.print(f"[red]error:[/] {format} is a binary format: give --out FILE")
        raise typer.Exit(2)
    else:
        sys.stdout.write(content)


def _incident_or_exit(db: str, incident_id: str):
    """The incident (by id or unique prefix) and the ledger's reports, or a one-line error."""
    with _open_existing(db)() as session:
        row = store.get_incident(session, incident_id=incident_id)
        documents = store.documents_of_record(session, record=row.record) if row else {}
    if row is None:
        errors.print(f"[red]error:[/] no incident '{incident_id}' in {store.display_db(db)}")
        raise typer.Exit(1)
    return row, documents


def _open_existing(db: str):
    if "://" not in db and not Path(db).exists():
        raise UnmistError(f"no ledger at {store.display_db(db)}: run 'unmist run PATH --db {store.display_db(db)}' first")
    return store.open_ledger(db)


@app.command(name="eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Gold set folder: reports/ and gold.yaml, MUC-4 (data/, gold/), "
                                                  "or reports.jsonl and gold.jsonl.")],
    as_json: JsonOption = False,
    misses: Annotated[bool, typer.Option("--misses", help="List what was missed or wrong per field.")] = False,
    split: Annotated[str, typer.Option("--split", help="MUC-4: the split to score (dev or train).")] = "dev",
    limit: Annotated[int | None, typer.Option("--limit", help="MUC-4: score only the first N reports.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for the run (incident-grouped news).")] = 1,
) -> None:
    """Score extraction, linking and flags against a gold set: a folder with reports/ and gold.yaml,
    MUC-4 (role filling per slot), or incident-grouped news (reports.jsonl + gold.jsonl: linking,
    casualties, date and place, as the GVA data's own scorer prints them)."""
    from .evaluate import evaluate, summary
    from .render import score_table

    from .evaluate_gva import is_gva_folder

    if (gold_dir / "gold" / f"{split}.gtt.jsonl").is_file():
        _eval_muc4(gold_dir, split, limit, as_json)
        return
    if is_gva_folder(gold_dir):
        _eval_gva(gold_dir, jobs, as_json)
        return
    if not (gold_dir / "gold.yaml").is_file():
        raise UnmistError(f"{gold_dir}: no gold.yaml, MUC-4 gold/{split}.gtt.jsonl or gold.jsonl + reports.jsonl here")
    scores = evaluate(gold_dir)
    if as_json:
        console.print_json(json.dumps(summary(scores)))
        return
    console.print(score_table(scores))
    if misses:
        for line in _miss_lines(scores):
            console.print(line, highlight=False)


def _eval_muc4(folder: Path, split: str, limit: int | None, as_json: bool) -> None:
    from .evaluate_muc4 import evaluate_muc4, summary
    from .render import muc4_table

    result = evaluate_muc4(folder, split, limit)
    if as_json:
        console.print_json(json.dumps(summary(result)))
        return
    console.print(muc4_table(result))


def _eval_gva(folder: Path, jobs: int, as_json: bool) -> None:
    from .evaluate_gva import evaluate_gva
    from .render import gva_table

    scores = evaluate_gva(folder, jobs=jobs)
    if as_json:
        console.print_json(json.dumps(scores))
        return
    console.print(gva_table(scores))


def _miss_lines(scores: dict) -> list[str]:
    lines = []
    for name, value in scores.items():
        parts = value.items() if isinstance(value, dict) else [("", value)]
        for part, score in parts:
            if isinstance(score, dict):
                for sub, inner in score.items():
                    lines += [f"{name}.{part}.{sub}: {m}" for m in inner.misses]
            elif hasattr(score, "misses"):
                lines += [f"{name}{'.' + part if part else ''}: {m}" for m in score.misses]
    return lines


@app.command()
def provenance(
    incident_id: Annotated[str, typer.Argument(help="Incident id or a unique prefix.")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    dot: Annotated[bool, typer.Option("--dot", help="Graphviz source instead of a tree.")] = False,
) -> None:
    """An incident's sources as a tree down to their independent origins."""
    from .reconcile.provenance import provenance_dot, provenance_tree
    from .render import provenance_renderable

    row, documents = _incident_or_exit(db, incident_id)
    tree = provenance_tree(row.record, documents)
    if dot:
        sys.stdout.write(provenance_dot(tree))
    elif as_json:
        console.print_json(json.dumps(tree, ensure_ascii=False))
    else:
        console.print(provenance_renderable(tree))


review_app = typer.Typer(help="Analyst decisions: they survive every re-run and are logged with who, when and why.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")
ByOption = Annotated[Optional[str], typer.Option("--by", help="Analyst name (default: $UNMIST_ANALYST or your login).")]
WhyOption = Annotated[Optional[str], typer.Option("--why", help="The reason, for the audit log.")]


def _decide(db: str, action: str, incident_id: str | None, by: str | None, why: str | None, **payload) -> None:
    from .review.actions import analyst_name, decide

    decision = decide(_open_existing(db), action=action, incident_id=incident_id, analyst=analyst_name(by),
                      reason=why, **payload)
    console.print(f"Decision {decision.id} logged: {decision.action} by {decision.analyst}.")


@review_app.command("confirm")
def review_confirm(incident_id: str, field: Annotated[str, typer.Option(help="e.g. figures.killed, type, date")],
                   document: Annotated[Optional[str], typer.Option(help="Only this report's value.")] = None,
                   db: DbOption = DEFAULT_DB, by: ByOption = None, why: WhyOption = None) -> None:
    """Confirm a value (or one report's value) as right."""
    _decide(db, "confirm", incident_id, by, why, field=field, document=document)


@review_app.command("correct")
def review_correct(incident_id: str, field: Annotated[str, typer.Option(help="e.g. type, date.start, place.name")],
                   value: Annotated[str, typer.Option(help="The right value (JSON or text).")],
                   db: DbOption = DEFAULT_DB, by: ByOption = None, why: WhyOption = None) -> None:
    """Correct a value; the correction outranks the machine on every re-run."""
    from .review.actions import parse_value

    _decide(db, "correct", incident_id, by, why, field=field, value=parse_value(value))


@review_app.command("set-best")
def review_set_best(incident_id: str, kind: str, value: int, db: DbOption = DEFAULT_DB, by: ByOption = None,
                    why: WhyOption = None) -> None:
    """Set the best estimate of a figure (killed, wounded, ...)."""
    _decide(db, "set_best", incident_id, by, why, kind=kind, value=value)


@review_app.command("reject-report")
def review_reject(document: str, db: DbOption = DEFAULT_DB, by: ByOption = None, why: WhyOption = None) -> None:
    """Reject a report as unreliable: its values leave the ledger (the report stays stored)."""
    _decide(db, "reject_report", None, by, why, document=document)


@review_app.command("merge")
def review_merge(incident_id: str, other: str, db: DbOption = DEFAULT_DB, by: ByOption = None,
                 why: WhyOption = None) -> None:
    """Merge two incidents into one."""
    _decide(db, "merge", incident_id, by, why, other=other)


@review_app.command("split")
def review_split(incident_id: str, mention: Annotated[str, typer.Option(help="DOC or DOC:N of the mention to split off.")],
                 db: DbOption = DEFAULT_DB, by: ByOption = None, why: WhyOption = None) -> None:
    """Split one report's mention off into its own incident."""
    _decide(db, "split", incident_id, by, why, mention=mention)


@app.command()
def history(incident_id: str, db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """Every decision taken on an incident: who, when, what, why."""
    from dataclasses import asdict

    from .render import history_table
    from .review import record_keys

    sessions = _open_existing(db)
    with sessions() as session:
        row = store.get_incident(session, incident_id=incident_id)
        keys = record_keys(row.record) if row else []
        decisions = store.decisions_for(session, incident_id=row.id if row else incident_id, mention_keys=keys)
    if as_json:
        console.print_json(json.dumps([asdict(d) for d in decisions], ensure_ascii=False, default=str))
    else:
        console.print(history_table(incident_id, decisions, row.record if row else None))


@app.command()
def unlock(db: DbOption = DEFAULT_DB) -> None:
    """Clear the ledger's lock, for a run that died on another machine (one that died on this machine
    is taken over by the next run without this).  Only when no run is writing to the ledger."""
    holder = store.break_lock(_open_existing(db))
    console.print(f"Lock cleared (held by {holder})." if holder else "The ledger was not locked.", highlight=False)


@app.command()
def serve(db: DbOption = DEFAULT_DB,
          host: Annotated[str, typer.Option(help="Address to bind; the default keeps the app on this machine.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port.")] = 8000) -> None:
    """The analyst's web app and HTTP API (OpenAPI at /docs)."""
    import uvicorn

    from .settings import Settings
    from .web import create_app

    _open_existing(db)
    console.print(f"unmist serving {store.display_db(db)} on http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(create_app(Settings(db=db, host=host, port=port)), host=host, port=port, log_level="warning")


token_app = typer.Typer(help="API tokens for the web app's write endpoints.", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(name: Annotated[str, typer.Option(help="Who the token is for (shown in the review log).")],
                 db: DbOption = DEFAULT_DB) -> None:
    """Create a token; it is printed once and only its digest is stored."""
    sessions = _open_existing(db)
    with sessions.begin() as session:
        token = store.create_token(session, name=name)
    console.print(token, highlight=False)
