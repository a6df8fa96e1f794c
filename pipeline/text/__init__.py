"""Text utilities, the lowest layer: script folding and clitic readings, phrase matching over tokens.

Nothing here knows about stages, documents or datasets; every layer above may use it.
"""
