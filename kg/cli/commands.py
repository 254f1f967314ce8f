"""Imports every command module so that each registers itself on the group."""
from kg.cli import models, parse  # noqa: F401
