"""A built wheel carries every data file kg reads at run time, not only the code.

Users who ``pip install .`` (no checkout beside them) need the ontology, the
SPARQL presets, the bundled models and the language data inside the package.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_ontology_presets_models_and_language_data(tmp_path) -> None:
    # built from a copy: setuptools writes build/ and *.egg-info beside the sources
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".kg-cache", "outputs", "tests", "benchmarks"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("kg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = {f"kg/{p.relative_to(ROOT).as_posix()}" for folder in ("ontologies", "queries")
              for p in (ROOT / folder).iterdir() if p.suffix in (".ttl", ".rq")}
    needed |= {p.relative_to(ROOT).as_posix() for folder in ("kg/models", "kg/lang", "kg/export/html_assets")
               for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert {"kg/ontologies/kg.ttl", "kg/ontologies/kg-shapes.ttl", "kg/models/id/pos.pt"} <= needed
    assert needed - names == set()
