"""Corpus reconciliation: canonical organisations, agreements and events across documents and languages.

Runs after every document went through the stages, on light copies (ids and mentions, no text).
"""
