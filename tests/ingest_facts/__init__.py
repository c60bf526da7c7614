"""Tests for ingest.facts (rule-based amount, target and department facts)."""
