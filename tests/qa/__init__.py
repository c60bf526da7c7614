"""Tests of the answer engine (:mod:`app.answer.engine` and :mod:`app.answer`)."""
