"""Settings for ``python -m app``: environment, an optional TOML file, CLI flags over both.

Precedence (later wins): defaults < settings file < ``POLICYQA_*`` environment < flags.
The settings file path itself comes from ``--settings`` or ``POLICYQA_SETTINGS``.

>>> s = load_settings(["--corpus", "docs", "--rate-limit", "10/min"], env={})
>>> (s.port, s.rate_limit_per_min, s.index_dir.name.startswith("docs-"))
(7860, 10, True)
"""

from __future__ import annotations

import argparse
import hashlib
import ipaddress
import os
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index import IndexLocation

ENV_PREFIX = "POLICYQA_"
BACKENDS = ("faiss", "milvus")
# The five sample documents shipped with the repository: served when no corpus is given.
DEMO_CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"


class SettingsError(ValueError):
    """A setting is missing or malformed; the message says how to fix it."""


@dataclass(frozen=True)
class Settings:
    """Everything the server needs, built once in :mod:`app.__main__` and passed down."""

    corpus: Path | None = None
    index_dir: Path | None = None
    backend: str = "faiss"  # "milvus": the index lives in Milvus at milvus_uri
    milvus_uri: str | None = None
    milvus_collection: str = "policyqa"
    host: str = "127.0.0.1"
    port: int = 7860
    allowed_origins: tuple[str, ...] = ()
    rate_limit_per_min: int = 30
    max_body_bytes: int = 64 * 1024
    queue_size: int = 32
    feedback_file: Path = Path("feedback") / "feedback.jsonl"
    feedback_max_bytes: int = 5 * 1024 * 1024  # then rotated, 3 old files kept
    # proxies whose X-Forwarded-For/-Proto are believed (IPs or networks; "*" = any)
    forwarded_allow_ips: tuple[str, ...] = ()
    # names this server may be reached by besides loopback (Host header allowlist)
    public_host: tuple[str, ...] = ()
    verify_interval: int = 60  # seconds between checks of the live index files
    model: str | None = None  # embedding model; None = what the index was built with
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key_env: str = "POLICYQA_LLM_API_KEY"  # name of the variable, never the key
    examples: tuple[str, ...] = ()  # welcome-screen questions; () = derived from the index

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    def index_location(self) -> IndexLocation | None:
        """The Milvus alias when ``backend`` is milvus, else the index folder."""
        if self.backend == "milvus":
            from index import MilvusLocation

            return MilvusLocation(str(self.milvus_uri), self.milvus_collection)
        return self.index_dir


def default_index_dir(corpus: Path, root: Path = Path("indexes")) -> Path:
    """``indexes/<corpus-name>-<sha1(abspath)[:8]>``: one folder per corpus location.

    >>> default_index_dir(Path("/data/policies")).name.startswith("policies-")
    True
    """
    absolute = corpus.expanduser().resolve()
    digest = hashlib.sha1(str(absolute).encode("utf-8")).hexdigest()[:8]
    return root / f"{absolute.name or 'corpus'}-{digest}"


def parse_rate_limit(text: str | int) -> int:
    """Requests per minute from ``"30/min"``, ``"30"`` or ``"2/s"``.

    >>> parse_rate_limit("30/min"), parse_rate_limit("2/s"), parse_rate_limit(5)
    (30, 120, 5)
    """
    raw = str(text).strip().lower()
    count, _, unit = raw.partition("/")
    per = {"": 1, "min": 1, "m": 1, "minute": 1, "s": 60, "sec": 60, "second": 60}
    try:
        value = int(count) * per[unit.strip()]
    except (ValueError, KeyError):
        raise SettingsError(
            f"rate limit {text!r} is not understood; write it as N/min (e.g. 30/min) or N/s"
        ) from None
    if value < 1:
        raise SettingsError(f"rate limit {text!r} must allow at least one request per minute")
    return value


def _origins(value: str | Sequence[str]) -> tuple[str, ...]:
    items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    out = []
    for item in items:
        origin = str(item).strip().rstrip("/")
        if origin and not origin.startswith(("http://", "https://")):
            raise SettingsError(
                f"allowed origin {origin!r} must look like https://example.com (scheme and host)"
            )
        if origin:
            out.append(origin)
    return tuple(out)


def _words(value: str | Sequence[str]) -> list[str]:
    items = value.replace(",", " ").split() if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if str(item).strip()]


def _proxies(value: str | Sequence[str]) -> tuple[str, ...]:
    """Trusted proxy addresses: IPs or networks (``10.0.0.0/8``), or ``*`` for any."""
    out = []
    for item in _words(value):
        if item != "*":
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise SettingsError(
                    f"forwarded-allow-ips entry {item!r} is not an IP address or network "
                    "(e.g. 127.0.0.1 or 10.0.0.0/8)"
                ) from None
        out.append(item)
    return tuple(out)


def _hosts(value: str | Sequence[str]) -> tuple[str, ...]:
    """Host names (or ``*``) the server may be reached by, lower-cased, ports dropped."""
    out = []
    for item in _words(value):
        host = item.lower().removeprefix("http://").removeprefix("https://").rstrip("/")
        if host != "*" and not re.fullmatch(r"\[[0-9a-f:.]+\](:\d+)?|[a-z0-9_.:-]+", host):
            raise SettingsError(
                f"public host {item!r} must be a host name such as policy.example.com"
            )
        out.append(host)
    return tuple(out)


def _convert(name: str, value: object) -> object:
    """Turn a raw string/TOML value into the type of field ``name``."""
    if value is None or value == "":
        return None
    if name in {"corpus", "index_dir", "feedback_file"}:
        return Path(str(value)).expanduser()
    if name in {"port", "max_body_bytes", "queue_size", "feedback_max_bytes", "verify_interval"}:
        try:
            number = int(str(value))
        except ValueError:
            raise SettingsError(f"{name} must be a whole number, got {value!r}") from None
        if number < (0 if name == "port" else 1) or (name == "port" and number > 65535):
            raise SettingsError(f"{name} {number} is out of range")
        return number
    if name == "rate_limit_per_min":
        return parse_rate_limit(value)  # type: ignore[arg-type]
    if name == "allowed_origins":
        return _origins(value)  # type: ignore[arg-type]
    if name == "backend":
        if str(value) not in BACKENDS:
            raise SettingsError(f"backend must be one of {', '.join(BACKENDS)}, got {value!r}")
        return str(value)
    if name == "forwarded_allow_ips":
        return _proxies(value)  # type: ignore[arg-type]
    if name == "public_host":
        return _hosts(value)  # type: ignore[arg-type]
    if name == "examples":
        items = value.split("|") if isinstance(value, str) else value
        return tuple(str(x).strip() for x in items if str(x).strip())  # type: ignore[union-attr]
    return str(value)


# file/env key -> field name (``rate_limit`` reads more naturally than the field name)
_ALIASES = {"rate_limit": "rate_limit_per_min"}
_FIELDS = {f.name for f in fields(Settings)}


def _normalise(
    raw: Mapping[str, object], where: str, *, strict: bool = True
) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in raw.items():
        name = _ALIASES.get(key.lower(), key.lower())
        if name not in _FIELDS:
            if not strict:
                continue
            raise SettingsError(
                f"unknown setting {key!r} in {where}; known: {', '.join(sorted(_FIELDS))}"
            )
        out[name] = _convert(name, value)
    return out


def read_settings_file(path: Path) -> dict[str, object]:
    """Read a TOML file of top-level ``key = value`` pairs (or a ``[policyqa]`` table)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"settings file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"settings file {path} is not valid TOML: {exc}") from None
    table = data.get("policyqa", data)
    if not isinstance(table, dict):
        raise SettingsError(f"settings file {path}: [policyqa] must be a table")
    return _normalise(table, str(path))


def read_env(env: Mapping[str, str]) -> dict[str, object]:
    """``POLICYQA_*`` variables that name a setting (others, such as the API key, are skipped)."""
    raw = {
        key[len(ENV_PREFIX) :]: value
        for key, value in env.items()
        if key.startswith(ENV_PREFIX) and key != ENV_PREFIX + "SETTINGS"
    }
    return _normalise(raw, "environment (POLICYQA_*)", strict=False)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m app",
        description="Serve the policy Q&A chat, JSON API and widget on one port.",
    )
    p.add_argument(
        "--corpus",
        help="folder of policy documents (POLICYQA_CORPUS; default: the demo corpus, "
        "demo/corpus)",
    )
    p.add_argument("--index-dir", help="index folder (default: derived from the corpus path)")
    p.add_argument("--backend", help="where the index lives: faiss (a folder, default) or milvus")
    p.add_argument("--milvus-uri", help="Milvus server (http://host:19530) or Milvus Lite .db")
    p.add_argument("--milvus-collection", help="alias of the live index in Milvus (policyqa)")
    p.add_argument("--host", help="bind address (default 127.0.0.1)")
    p.add_argument("--port", help="port (default 7860)")
    p.add_argument("--settings", help="TOML settings file (POLICYQA_SETTINGS)")
    p.add_argument(
        "--allowed-origins",
        nargs="+",
        metavar="ORIGIN",
        help="origins allowed to embed the widget, e.g. https://jobs.example.com",
    )
    p.add_argument("--rate-limit", help="requests per client, e.g. 30/min")
    p.add_argument("--feedback-file", help="JSON-lines file for thumbs up/down")
    p.add_argument("--feedback-max-bytes", help="rotate the feedback file at this size")
    p.add_argument(
        "--forwarded-allow-ips",
        nargs="+",
        metavar="IP",
        help="reverse proxies whose X-Forwarded-For is trusted (default: none)",
    )
    p.add_argument(
        "--public-host",
        nargs="+",
        metavar="NAME",
        help="host names the server is reached by besides localhost, e.g. policy.example.com",
    )
    p.add_argument("--verify-interval", help="seconds between index file checks (default 60)")
    p.add_argument("--model", help="embedding model (default: the one the index was built with)")
    p.add_argument("--llm-base-url", help="OpenAI-compatible endpoint, e.g. http://host/v1")
    p.add_argument("--llm-model", help="model name at that endpoint")
    p.add_argument("--llm-api-key-env", help="name of the environment variable holding the key")
    return p


def load_settings(
    argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Build :class:`Settings` from flags, ``POLICYQA_*`` env and an optional TOML file."""
    env = os.environ if env is None else env
    args = build_parser().parse_args(argv)
    merged: dict[str, object] = {}
    settings_file = args.settings or env.get(ENV_PREFIX + "SETTINGS")
    if settings_file:
        merged.update(read_settings_file(Path(settings_file).expanduser()))
    merged.update(read_env(env))
    flags = {k: v for k, v in vars(args).items() if k != "settings" and v is not None}
    merged.update(_normalise(flags, "command-line flags"))
    merged = {k: v for k, v in merged.items() if v is not None}
    if "llm_api_key_env" in merged and not merged["llm_api_key_env"]:
        del merged["llm_api_key_env"]
    settings = Settings(**merged)  # type: ignore[arg-type]
    if settings.corpus is None and DEMO_CORPUS.is_dir() and settings.backend != "milvus":
        settings = replace(settings, corpus=DEMO_CORPUS)  # a shared Milvus is never seeded
    if settings.corpus is not None and settings.index_dir is None:
        settings = replace(settings, index_dir=default_index_dir(settings.corpus))
    if settings.backend == "milvus" and not settings.milvus_uri:
        raise SettingsError(
            "--backend milvus needs --milvus-uri (POLICYQA_MILVUS_URI): http://host:19530 "
            "for a Milvus server, or a path ending in .db for Milvus Lite"
        )
    return settings


def require_corpus(settings: Settings) -> Path:
    """The corpus folder, or a :class:`SettingsError` that says how to give one."""
    if settings.corpus is None:
        raise SettingsError(
            "no corpus configured. Give the folder of policy documents with "
            "`python -m app --corpus DIR`, the POLICYQA_CORPUS environment variable, "
            "or `corpus = \"DIR\"` in a settings file (--settings FILE)."
        )
    if not settings.corpus.is_dir():
        raise SettingsError(f"corpus folder {settings.corpus} does not exist or is not a folder")
    return settings.corpus

