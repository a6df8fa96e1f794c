"""Datasets: JSONL records and their schemas, atomic writes, and interchange formats (PLOVER, ...)."""
