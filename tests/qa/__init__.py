"""Tests of the answer engine (:mod:`app.qa` and :mod:`app.answer`)."""
