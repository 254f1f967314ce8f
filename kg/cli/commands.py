"""Imports every command module so that each registers itself on the group."""
from kg.cli import evaluate, models, parse  # noqa: F401
