"""The build: the stages run in order, with a parse cache, a lock and progress.

``stages`` runs read → parse → extract → resolve → graph for a folder
(:func:`build`, also ``kg.build``); ``outputs`` builds into a folder
under its lock and writes every output atomically (``kg.build_into``, what
``kg build`` runs); ``cache`` keeps parses and the up-to-date record, ``lock``
keeps two builds out of one output folder, ``progress`` reports to the terminal.
"""
from kg.model import Result
from kg.pipeline.stages import LANGUAGES, build

__all__ = ["LANGUAGES", "Result", "build"]
