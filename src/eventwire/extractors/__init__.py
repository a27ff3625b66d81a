"""Extractors: one module per stage, each a pure function over a ``Context``."""
