"""The Milvus backend: generations as collections behind an alias (see ``index.backend``).

Imported only when ``--backend milvus`` is used, so the default install runs without it.
"""
