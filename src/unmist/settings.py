"""One settings object read by the CLI, the web app and the docs; each field says what it is for."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=lambda: _env("UNMIST_DB", "unmist.db"),
                    metadata={"help": "SQLite file or database URL (postgresql://...)."})
    host: str = field(default="127.0.0.1", metadata={"help": "Address the web app binds to; 0.0.0.0 exposes it."})
    port: int = field(default=8000, metadata={"help": "Port of the web app."})
    upload_max_bytes: int = field(default=5_000_000, metadata={"help": "Largest report file accepted, by upload or run."})
    page_size: int = field(default=100, metadata={"help": "Incidents per page in the web app and the API."})
    jobs: int = field(default=1, metadata={"help": "Worker processes for extraction."})

    @classmethod
    def describe(cls) -> list[tuple[str, str]]:
        return [(f.name, f.metadata.get("help", "")) for f in fields(cls)]
