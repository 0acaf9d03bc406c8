"""Peak memory of a full `unmist run` as the input grows: it should stay flat (issue #12).

    python bench/memory.py [N ...]        (default: 1000 10000 50000)

For each N, writes N synthetic reports (short wire items: a random town of the gazetteer, a random
day over 15 years, random tolls, a group of the data files, and a paragraph of random words, so
that no two are copies of each other) into one gzip'd JSONL file, runs `unmist run` on it in a fresh process and reads that process's peak resident
memory (ru_maxrss of the child).  Prints reports, seconds, reports/s and peak RSS per N, and each
peak over the smallest N's: within 1.1 means memory does not grow with the input.
"""

from __future__ import annotations

import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TOWNS = ["Kabul", "Kandahar", "Herat", "Jalalabad", "Kunduz", "Mazar-i-Sharif", "Peshawar", "Quetta", "Karachi",
         "Lahore", "Dushanbe", "Khujand", "Osh", "Bishkek", "Jalal-Abad", "Tashkent", "Termez", "Andijan",
         "Grozny", "Nalchik", "Makhachkala", "Baghdad", "Mosul", "Kirkuk", "Mogadishu", "Kismayo", "Maiduguri"]
GROUPS = ["Taliban", "Islamic Movement of Uzbekistan", "Tehrik-i-Taliban Pakistan", "Islamic State", "al-Shabaab",
          "Boko Haram"]
ATTACKS = ["a roadside bomb struck a police vehicle", "gunmen attacked a checkpoint", "a suicide bomber blew himself up at a market",
           "militants ambushed an army convoy", "a car bomb exploded outside a government building"]
# Neutral words for each report's own paragraph: enough of them that two reports share no more of
# their five-word runs than independent reports do (with a few words, every report of one town,
# attack and group was a partial copy of the others, and the bench measured a ledger of copies).
WORDS = ("district officials residents witnesses spokesman hospital province security police market road school "
         "village council governor elders families traders farmers teachers students doctors drivers shops "
         "bridge river valley highway station mosque clinic office building square street morning evening "
         "week month season harvest water electricity fuel prices wages roads schools roofs walls fields "
         "crops sheep trucks buses radio television newspaper meeting election budget census survey report").split()


def report(number: int, rng: random.Random) -> dict:
    day = date(2005, 1, 1) + timedelta(days=rng.randrange(15 * 365))
    town, group, attack = rng.choice(TOWNS), rng.choice(GROUPS), rng.choice(ATTACKS)
    killed, wounded = rng.randrange(1, 40), rng.randrange(0, 60)
    filler = ". ".join(" ".join(rng.choice(WORDS) for _ in range(15)) for _ in range(6))  # no two texts alike
    text = (f"{town.upper()} - {killed} people were killed and {wounded} wounded on {day:%B} {day.day} when {attack} "
            f"in {town}, officials said. The {group} claimed responsibility for the attack in a statement. "
            f"Report {number}: {filler}.")
    return {"title": f"Attack in {town}", "text": text, "published": str(day + timedelta(days=1)),
            "url": f"https://wire.example/{day:%Y/%m/%d}/{number}"}


def measure(count: int, folder: Path) -> dict:
    rng = random.Random(count)
    path = folder / f"reports-{count}.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for number in range(count):
            handle.write(json.dumps(report(number, rng)) + "\n")
    db = folder / f"ledger-{count}.db"
    started = time.perf_counter()
    # through a fresh wrapper process: ru_maxrss of children is a running maximum over all of them
    done = subprocess.run([sys.executable, __file__, "--peak-of", sys.executable, "-m", "unmist", "run", str(path),
                           "--db", str(db), "--json"], check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak = int(done.stdout.strip().splitlines()[-1])  # kB
    return {"reports": count, "seconds": round(seconds, 1), "reports_per_s": round(count / seconds, 1),
            "peak_rss_mb": round(peak / 1024, 1)}


def peak_of(command: list[str]) -> None:
    """Run ``command`` and print its peak resident memory in kB."""
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main() -> None:
    if sys.argv[1:2] == ["--peak-of"]:
        peak_of(sys.argv[2:])
        return
    counts = sorted(int(arg) for arg in sys.argv[1:]) or [1000, 10000, 50000]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            results.append(measure(count, Path(tmp)))
            results[-1]["peak_over_smallest"] = round(results[-1]["peak_rss_mb"] / results[0]["peak_rss_mb"], 3)
            print(json.dumps(results[-1]), flush=True)


if __name__ == "__main__":
    main()
