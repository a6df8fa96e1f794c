"""Multilingual information extraction: organisations, dates, events and agreements as JSONL datasets."""

__version__ = "0.1.0"
SCHEMA_VERSION = 1
