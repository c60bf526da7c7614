"""What ``/api/health`` and ``/api/ready`` say about the index, without leaking paths.

Index errors name absolute paths and the rebuild command, which belong in the
server log (where they are written in full), not in a public reply:
:func:`public_note` keeps the file names and drops the rest.

>>> public_note("gen-2 is unusable (/srv/idx/gen-2/dense.faiss is corrupt or truncated "
...             "(checksum mismatch); rebuild with: python -m index build CORPUS_DIR "
...             "--index-dir /srv/idx); serving older gen-1")
'gen-2 is unusable (dense.faiss is corrupt or truncated (checksum mismatch)); serving older gen-1'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# "; rebuild with: <command>" and "; run `git lfs pull`, or": advice with commands
_ADVICE = re.compile(r";\s*(?:run `[^`]*`,?\s*or\s*)?rebuild with: python -m index build[^;)]*"
                     r"|;\s*run `[^`]*`[^;)]*")
_ABSOLUTE_PATH = re.compile(r"(?<![\w.~-])/(?:[^\s/;,()'\"]+/)*([^\s/;,()'\"]*)")
#: ``Retriever.info()`` keys that are not public (an absolute path, the Milvus address).
PRIVATE_KEYS = frozenset({"index_dir", "milvus_uri"})
#: ``info()`` keys that hold a problem with the served index (see app.web.reload).
PROBLEM_KEYS = ("fallback", "reload_error", "integrity_error")


def public_note(text: str) -> str:
    """``text`` with absolute paths cut to their last part and commands removed."""
    text = _ADVICE.sub("", text)
    return _ABSOLUTE_PATH.sub(lambda m: m.group(1), text).strip()


def problems(info: Mapping[str, Any]) -> list[str]:
    """Public notes of everything wrong with the served index (empty when healthy)."""
    return [public_note(str(info[key])) for key in PROBLEM_KEYS if info.get(key)]


def health_body(info: Mapping[str, Any]) -> dict[str, Any]:
    """The ``/api/health`` reply: ``status`` is ``ok``, or ``degraded`` with ``problems``."""
    found = problems(info)
    public = {k: (public_note(v) if k in PROBLEM_KEYS and isinstance(v, str) else v)
              for k, v in info.items() if k not in PRIVATE_KEYS}
    return {
        "status": "degraded" if found else "ok",
        "problems": found,
        "generation": info.get("generation"),
        "n_documents": info.get("n_documents"),
        "n_chunks": info.get("n_chunks"),
        "model": info.get("model"),
        "fallback": public.get("fallback"),
        "index": public,
    }
