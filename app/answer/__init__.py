"""Pieces of the answer engine behind :mod:`app.answer.engine`.

``sentences`` (splitting with offsets), ``question`` (constraints), ``scoring``
(bigram coverage), ``evidence`` (candidates), ``select`` (the coverage rule),
``compose`` and ``framing`` (answer text and citations), ``followup``
(multi-turn rewriting), ``script`` (Traditional/English), ``llm`` and
``generative`` (optional OpenAI-compatible mode).
"""
