"""Tests for the eval suite."""
