"""Imports every command module so that each registers itself on the group."""
from kg.cli import build, evaluate, models, parse, query, store, validate, view  # noqa: F401
