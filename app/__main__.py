"""``python -m app``: build the index on first run, then serve chat, API and widget.

    python -m app                                      # the demo corpus, http://127.0.0.1:7860
    python -m app --corpus DIR --port 8080 --allowed-origins https://jobs.example.com
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.web.settings import Settings, SettingsError, load_settings, require_corpus

if TYPE_CHECKING:
    from app.answer.engine import QAEngine
    from index import Retriever

log = logging.getLogger("app")


def load_or_build_retriever(settings: Settings) -> Retriever:
    """Load the index; when there is none yet, build it from the corpus first (progress bar).

    With ``--backend milvus`` the corpus is needed only for that first build.
    """
    from index import IndexConfig, IndexNotFoundError, Retriever, build_index

    index_dir = settings.index_location() or Path("indexes") / "default"
    try:
        return Retriever.load(index_dir, model=settings.model)
    except IndexNotFoundError as exc:
        if settings.corpus is None:
            raise SettingsError(
                f"{exc}; or give --corpus DIR to build it on this first run"
            ) from None
        corpus = require_corpus(settings)
        log.info("no index at %s yet; building it from %s (first run)", index_dir, corpus)
    config = IndexConfig(model=settings.model) if settings.model else IndexConfig()
    report = build_index(corpus, index_dir, config, progress=True)
    log.info("%s", report.summary())
    return Retriever.load(index_dir, model=settings.model)


def build_engine(settings: Settings, retriever: Retriever) -> QAEngine:
    """The answer engine, generative when an LLM endpoint is configured."""
    from app.answer.engine import LLMConfig, QAConfig, QAEngine

    llm = None
    if settings.llm_enabled:
        llm = LLMConfig(
            base_url=str(settings.llm_base_url),
            model=str(settings.llm_model),
            api_key=os.environ.get(settings.llm_api_key_env) or None,
        )
    engine = QAEngine(retriever, QAConfig(llm=llm))
    engine.warm_up()
    return engine


# Third-party loggers that are chatty at INFO: faiss's loader reports every CPU
# variant it could not import; pypdf warns about harmless damage in PDFs (ingest
# reports the files it cannot read itself).
QUIET_LOGGERS = {"faiss.loader": logging.WARNING, "pypdf": logging.ERROR}


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be served (checked before the slow index load), or None."""
    if port == 0:
        return None
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            sock.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            why = "is already in use (another server is listening there)"
        elif exc.errno == errno.EACCES:
            why = "needs administrator rights (ports below 1024)"
        else:
            why = f"cannot be used ({exc.strerror or exc})"
        return (f"port {port} on {host} {why}. Pick another port with --port 8080 "
                "or the POLICYQA_PORT=8080 environment variable.")
    return None


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for name, level in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)
    for handler in logging.getLogger().handlers:  # bm25s sets its own logger to DEBUG
        handler.setLevel(logging.INFO)
    # No phoning home from Gradio (this machine has no internet anyway).
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    try:
        settings = load_settings(argv)
        if settings.backend != "milvus":  # Milvus may already hold the index
            require_corpus(settings)
    except SettingsError as exc:
        sys.stderr.write(f"python -m app: {exc}\n")
        return 2
    busy = port_problem(settings.host, settings.port)
    if busy:
        sys.stderr.write(f"python -m app: {busy}\n")
        return 2

    from index import IndexError_
    from ingest import IngestError

    try:
        retriever = load_or_build_retriever(settings)
    except SettingsError as exc:
        sys.stderr.write(f"python -m app: {exc}\n")
        return 2
    except (IndexError_, IngestError, ValueError) as exc:
        log.error("%s", exc)
        return 1
    info = retriever.info()
    log.info(
        "index %s gen-%s: %s documents, %s chunks, model %s",
        settings.index_location(), info.get("generation"), info.get("n_documents"),
        info.get("n_chunks"), info.get("model"),
    )
    if info.get("fallback"):
        log.warning("%s", info["fallback"])

    import uvicorn

    from app.web.server import create_app, uvicorn_options

    app = create_app(settings, build_engine(settings, retriever), retriever)
    log.info("serving on http://%s:%s (API docs at /docs)", settings.host, settings.port)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info",
                **uvicorn_options(settings))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
