"""Rich renderings of ledger records for the terminal."""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .types import Document


def span_text(low: int | None, high: int | None, best: int | None = None) -> str:
    """A count as a person reads it: '28', '≥ 20' (at least), '≤ 35' (as many as), '25–35', and with
    a best estimate inside a range, '9–14, best 11'."""
    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        text = str(low) if low == high else f"{low}–{high}"
    else:
        text = f"≥ {low}" if low is not None else f"≤ {high}"
    if best is not None and text != str(best):
        text += f", best {best}"
    return text


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def date_text(date: dict) -> str:
    """A ledger date as precise as it is: '2019-03-11', 'March 2021', '2010', '2019-03-04 – 03-10' (a
    week or window), '? (on Sunday)' when it could not be placed in time."""
    start, end, precision = date.get("start"), date.get("end"), date.get("precision")
    if not start:
        return f"? ({date['text']})" if date.get("text") else "?"
    if precision == "year":
        return start[:4]
    if precision == "month":
        return f"{MONTHS[int(start[5:7]) - 1]} {start[:4]}"
    if end and end != start:
        return f"{start} – {end[5:] if end[:4] == start[:4] else end}"
    return start


def incident_table(rows) -> Table:
    table = Table(title=f"{len(rows)} incident(s)", show_lines=False)
    for column in ("id", "date", "place", "type", "perpetrator", "killed", "reports"):
        table.add_column(column, overflow="fold")
    for row in rows:
        record = row.record
        killed = record["figures"].get("killed") or {}
        when = date_text(record["date"])
        place = ", ".join(filter(None, [record["place"].get("name"), record["place"].get("country")]))
        killed_text = span_text(killed.get("low"), killed.get("high"), killed.get("best")) if killed else ""
        if killed and killed.get("conflict"):
            killed_text = f"[bold red]{killed_text}[/]"
        sources = f"{record['sources']['reports']} ({record['sources']['independent']} indep.)"
        table.add_row(record["id"], when, place, record["type"], row.perpetrator or "", killed_text, sources)
    return table


def incident_detail(record: dict, documents: dict[str, Document]) -> list:
    """Header, then every figure's values side by side, then perpetrators and the reports."""
    date, place = record["date"], record["place"]
    header = Text.assemble((record["type"].replace("_", " "), "bold"), f"  {date.get('start') or '?'}",
                           f" ({date.get('precision')})  ", (place.get("name") or "unknown place", "cyan"),
                           f" {place.get('country') or ''}  ",
                           (f"conflicts: {', '.join(record['conflicts'])}" if record["conflicts"] else "", "red"))
    parts: list = [Panel(header, title=record["id"], subtitle=f"{record['sources']['reports']} report(s), "
                                                             f"{record['sources']['independent']} independent")]
    for kind, figure in record["figures"].items():
        parts.append(_figure_table(kind, figure, documents))
    if record["perpetrators"]:
        parts.append(_perpetrator_table(record["perpetrators"], documents))
    parts.append(_reports_table(record, documents))
    return parts


def _outlet(documents: dict[str, Document], document_id: str | None) -> str:
    document = documents.get(document_id or "")
    if document is None:
        return document_id or ""
    return document.outlet or document.source.rsplit("/", 1)[-1]


def _said_by(value: dict) -> str:
    statement = value.get("statement") or {}
    who = statement.get("speaker") or "(the report itself)"
    if statement.get("relayed_by"):
        who += f" via {statement['relayed_by']}"
    if statement.get("hedges"):
        who += f" [italic]({', '.join(statement['hedges'])})[/]"
    return who


def _figure_table(kind: str, figure: dict, documents: dict[str, Document]) -> Table:
    title = f"{kind}: low {figure['low']}, best {figure['best']}, high {figure['high']}"
    if figure.get("conflict"):
        title += "  [bold red]CONFLICT[/]"
    table = Table(title=title, title_justify="left", show_lines=True)
    for column in ("value", "outlet", "said by", "sentence"):
        table.add_column(column, overflow="fold")
    for value in figure["values"]:
        table.add_row(span_text(value["low"], value["high"]), _outlet(documents, value["document"]), _said_by(value),
                      _highlight(value["sentence"], value["text"]))
    return table


def _highlight(sentence: str | None, fragment: str | None) -> Text:
    text = Text(sentence or "")
    if fragment and sentence and fragment in sentence:
        start = sentence.index(fragment)
        text.stylize("bold yellow", start, start + len(fragment))
    return text


def _perpetrator_table(perpetrators: list[dict], documents: dict[str, Document]) -> Table:
    table = Table(title="perpetrators", title_justify="left")
    for column in ("name", "status", "by", "how", "outlet", "sentence"):
        table.add_column(column, overflow="fold")
    for actor in perpetrators:
        table.add_row(actor["name"], actor["status"], actor.get("by") or "", actor.get("how") or "",
                      _outlet(documents, actor.get("document")), _highlight(actor.get("sentence"), actor.get("text")))
    return table


def _reports_table(record: dict, documents: dict[str, Document]) -> Table:
    table = Table(title="reports", title_justify="left")
    for column in ("outlet", "published", "date stated", "main?", "sentence"):
        table.add_column(column, overflow="fold")
    dates = {d.get("document"): d for d in record.get("dates", [])}
    for mention in record["mentions"]:
        document = documents.get(mention["document"])
        stated = dates.get(mention["document"], {})
        table.add_row(_outlet(documents, mention["document"]),
                      str(document.published) if document and document.published else "",
                      f"{stated.get('text') or ''} → {stated.get('start') or '?'}" if stated else "",
                      "yes" if mention["core"] else "", mention["sentence"])
    return table


def score_table(scores: dict) -> Table:
    """One row per field: hits, total and rate; F1 rows for incidents and linking."""
    table = Table(title="unmist eval")
    for column in ("field", "measure", "hit / total", "score"):
        table.add_column(column)

    def row(name: str, measure: str, score) -> None:
        table.add_row(name, measure, f"{score.hit} / {score.total}", f"{score.rate:.3f}")

    for name in ("incidents", "linking"):
        for measure in ("precision", "recall", "core_recall"):
            if measure in scores[name]:
                row(name, measure, scores[name][measure])
        table.add_row(name, "F1", "", f"[bold]{scores[name]['f1']:.3f}[/]")
    row("figures", "exact", scores["figures"])
    for name in ("date", "place", "perpetrator", "type"):
        row(name, "right", scores[name])
    for name, pair in scores["flags"].items():
        row(f"flag {name}", "precision", pair["precision"])
        row(f"flag {name}", "recall", pair["recall"])
    return table


def muc4_table(result: dict) -> Table:
    """The MUC-4 template-filling scores per slot, as the benchmark's scorer prints them."""
    table = Table(title=f"MUC-4 template filling: {result['reports']} reports, {result['templates']} templates")
    for column in ("slot", "P", "R", "F1", "p_num/p_den", "r_num/r_den"):
        table.add_column(column, justify="left" if column == "slot" else "right")
    for slot, tally in result["slots"].items():
        p = 100 * tally.p_num / tally.p_den if tally.p_den else 0.0
        r = 100 * tally.r_num / tally.r_den if tally.r_den else 0.0
        name = "micro_avg" if slot == "all" else slot
        table.add_row(name, f"{p:.2f}", f"{r:.2f}", f"{100 * tally.f1():.2f}",
                      f"{tally.p_num}/{tally.p_den}", f"{tally.r_num}/{tally.r_den}")
    return table


def gva_table(scores: dict) -> Table:
    """Linking and per-incident fields on incident-grouped news, as that data's scorer prints them."""
    linking, fields = scores["linking"], scores["fields"]
    table = Table(title=f"{scores['documents']} reports, {scores['incidents']} incidents; "
                        f"{fields['matched']} of {fields['gold_incidents']} gold incidents matched")
    for column in ("measure", "P / acc", "R / of all", "F1", "counts"):
        table.add_column(column, justify="left" if column == "measure" else "right")

    def number(value) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    table.add_row("coverage", number(linking["coverage"]), "", "",
                  f"{linking['reports_in_scope']}/{linking['reports_gold']} reports")
    pairwise = linking["pairwise"]
    table.add_row("pairwise", number(pairwise["p"]), number(pairwise["r"]), number(pairwise["f1"]),
                  f"{pairwise['correct_pairs']} of {pairwise['pred_pairs']} predicted, {pairwise['gold_pairs']} gold")
    bcubed = linking["bcubed"]
    table.add_row("B-cubed", number(bcubed["p"]), number(bcubed["r"]), number(bcubed["f1"]), "")
    for field in ("killed", "killed_absent_as_0", "injured", "injured_absent_as_0", "date", "city", "state"):
        if field in fields:
            value = fields[field]
            table.add_row(field, number(value["acc"]), number(value["of_all"]), "",
                          f"{value['correct']}/{value['matched_known']} (of {value['known']})")
    return table


def provenance_renderable(tree: dict):
    """A Rich tree: origins first, then what copies or cites them."""
    from rich.tree import Tree

    root = Tree(f"[bold]{tree['incident']}[/]: {tree['reports']} report(s), {tree['independent']} independent origin(s)")

    def add(branch, node: dict) -> None:
        via = ""
        if node["via"]:
            via = f" [dim]({node['via']['kind']}"
            via += f" of {node['via']['name']}" if node["via"].get("name") else ""
            via += f", {node['via']['similarity']:.0%} shared" if node["via"].get("similarity") else ""
            via += ")[/]"
        label = f"{node['outlet'] or node['document']} [dim]{node['published'] or ''} {node['document']}[/]{via}"
        child = branch.add(label)
        for source in node["cites_outside"]:
            child.add(f"[italic]cites {source['name']}[/] [dim](not in the ledger)[/]")
        for grandchild in node["children"]:
            add(child, grandchild)

    for origin in tree["origins"]:
        add(root, origin)
    return root


def history_table(incident_id: str, decisions: list, record: dict | None) -> Table:
    table = Table(title=f"history of {incident_id}: {len(decisions)} decision(s)")
    for column in ("#", "when", "who", "action", "what", "why"):
        table.add_column(column, overflow="fold")
    for decision in decisions:
        what = ", ".join(f"{k}={v}" for k, v in decision.payload.items() if k not in ("other_mention_keys", "machine_then"))
        table.add_row(str(decision.id), decision.created_at, decision.analyst, decision.action, what, decision.reason or "")
    conflicts = (record or {}).get("review", {}).get("conflicts", [])
    if conflicts:
        table.caption = "[red]new evidence disagrees with: " + ", ".join(c["field"] for c in conflicts) + "[/]"
    return table
