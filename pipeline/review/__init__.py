"""Reviewing results: scoring against gold (evaluate) and comparing two runs (diff, HTML review page)."""
