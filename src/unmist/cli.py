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
    try:
        app()
    except UnmistError as err:
        errors.print(f"[red]error:[/] {err}")
        sys.exit(2)


@app.callback()
def _version(version: Annotated[bool, typer.Option("--version", help="Show the version.")] = False) -> None:
    if version:
        console.print(f"unmist {__version__}")
        raise typer.Exit()


def _progress_bar():
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=errors, transient=True, disable=not errors.is_terminal and not os.environ.get("UNMIST_PROGRESS"))


def _run(paths: list[str], db: str, jobs: int, as_json: bool) -> int:
    from .pipeline import run as run_pipeline

    with _progress_bar() as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task({"extract": "Extracting reports", "link": "Linking incidents"}[stage], total=total)
            bar.update(tasks[stage], completed=done, total=total)

        summary = run_pipeline(paths, db=db, jobs=jobs, progress=progress)
    for line in summary.errors:
        errors.print(f"[yellow]skipped[/] {line}", highlight=False, soft_wrap=True)
    if as_json:
        console.print_json(json.dumps(summary.as_dict()))
    else:
        console.print(f"Read {summary.read} report(s): {summary.extracted} extracted, {summary.unchanged} unchanged, "
                      f"{len(summary.errors)} refused. Ledger {db}: {summary.incidents} incident(s) "
                      f"from {summary.documents} report(s) in {summary.seconds:.1f}s.")
    return 1 if summary.errors else 0


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Report files, folders or glob patterns.")],
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for extraction.")] = 1,
    as_json: JsonOption = False,
) -> None:
    """Ingest, extract, link and reconcile reports into the ledger."""
    raise typer.Exit(_run(paths, db, jobs, as_json))


@app.command()
def demo(db: DbOption = "unmist-demo.db", jobs: Annotated[int, typer.Option("--jobs", "-j")] = 1) -> None:
    """Run the whole pipeline on the built-in demo corpus and show the ledger."""
    corpus = resources.files("unmist") / "demo"
    code = _run([str(corpus)], db, jobs, False)
    incidents(db=db)
    console.print(f"\nNext: [bold]unmist show ID --db {db}[/] for one incident's sources side by side, "
                  f"[bold]unmist export --format json --db {db}[/] for the ledger.")
    raise typer.Exit(code)


@app.command()
def incidents(
    db: DbOption = DEFAULT_DB,
    country: Annotated[Optional[str], typer.Option(help="ISO country code, e.g. TJ.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="Incident type, e.g. ambush.")] = None,
    conflicted: Annotated[bool, typer.Option("--conflicted", help="Only incidents whose reports disagree.")] = False,
    as_json: JsonOption = False,
) -> None:
    """List incidents: date, place, type, perpetrator, killed (low-high), reports."""
    from .render import incident_table

    sessions = _open_existing(db)
    with sessions() as session:
        rows = store.list_incidents(session, country=country, type=type, conflicted=True if conflicted else None)
    if as_json:
        console.print_json(json.dumps([row.record for row in rows], ensure_ascii=False))
    else:
        console.print(incident_table(rows))


@app.command()
def show(incident_id: Annotated[str, typer.Argument(help="Incident id or a unique prefix.")], db: DbOption = DEFAULT_DB,
         as_json: JsonOption = False) -> None:
    """One incident: every report's value with outlet, sentence, speaker and hedge."""
    from .render import incident_detail

    sessions = _open_existing(db)
    with sessions() as session:
        row = store.get_incident(session, incident_id=incident_id)
        documents = store.load_documents(session) if row else {}
    if row is None:
        errors.print(f"[red]error:[/] no incident '{incident_id}' in {db}")
        raise typer.Exit(1)
    if as_json:
        console.print_json(json.dumps(row.record, ensure_ascii=False))
    else:
        for renderable in incident_detail(row.record, documents):
            console.print(renderable)


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="json (the ledger contract), csv or geojson.")] = "json",
    db: DbOption = DEFAULT_DB,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Export the ledger."""
    from .export import EXPORTERS
    from .pipeline import export_ledger

    if format not in EXPORTERS:
        errors.print(f"[red]error:[/] unknown format '{format}' (known: {', '.join(sorted(EXPORTERS))})")
        raise typer.Exit(2)
    text = EXPORTERS[format](export_ledger(_open_existing(db)))
    if out:
        out.write_text(text, encoding="utf-8")
        errors.print(f"Wrote {out}")
    else:
        sys.stdout.write(text)


def _open_existing(db: str):
    if "://" not in db and not Path(db).exists():
        raise UnmistError(f"no ledger at {db}: run 'unmist run PATH --db {db}' first")
    return store.open_ledger(db)


@app.command(name="eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Gold set folder: reports/ and gold.yaml.")],
    as_json: JsonOption = False,
    misses: Annotated[bool, typer.Option("--misses", help="List what was missed or wrong per field.")] = False,
) -> None:
    """Score extraction, linking and flags against a gold set."""
    from .evaluate import evaluate, summary
    from .render import score_table

    if not (gold_dir / "gold.yaml").is_file():
        raise UnmistError(f"{gold_dir}: no gold.yaml in this folder")
    scores = evaluate(gold_dir)
    if as_json:
        console.print_json(json.dumps(summary(scores)))
        return
    console.print(score_table(scores))
    if misses:
        for line in _miss_lines(scores):
            console.print(line, highlight=False)


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

    sessions = _open_existing(db)
    with sessions() as session:
        row = store.get_incident(session, incident_id=incident_id)
        documents = store.load_documents(session) if row else {}
    if row is None:
        errors.print(f"[red]error:[/] no incident '{incident_id}' in {db}")
        raise typer.Exit(1)
    tree = provenance_tree(row.record, documents)
    if dot:
        sys.stdout.write(provenance_dot(tree))
    elif as_json:
        console.print_json(json.dumps(tree, ensure_ascii=False))
    else:
        console.print(provenance_renderable(tree))
