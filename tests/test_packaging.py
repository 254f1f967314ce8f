"""A built wheel carries every data file kg reads at run time, not only the code, under a free name.

Users who ``pip install .`` (no checkout beside them) need the ontology, the
SPARQL presets, the bundled models and the language data inside the package.
The distribution is ``kg-news`` (``kg`` on PyPI is another project); the
command and the import package stay ``kg``. The README's install and test
commands are the ones ``.ci/run`` uses.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import kg

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_ontology_presets_models_and_language_data(tmp_path) -> None:
    # built from a copy: setuptools writes build/ and *.egg-info beside the sources
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "__pycache__", ".kg-cache", "outputs", "tests", "benchmarks"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("kg_news-*.whl")
    zf = zipfile.ZipFile(wheel)
    names = set(zf.namelist())
    info = f"kg_news-{kg.__version__}.dist-info"
    assert f"Name: {kg.DISTRIBUTION}\n" in zf.read(f"{info}/METADATA").decode()
    assert "kg = kg.cli:main" in zf.read(f"{info}/entry_points.txt").decode()
    needed = {f"kg/{p.relative_to(ROOT).as_posix()}" for folder in ("ontologies", "queries")
              for p in (ROOT / folder).iterdir() if p.suffix in (".ttl", ".rq")}
    needed |= {p.relative_to(ROOT).as_posix() for folder in ("kg/models", "kg/lang", "kg/export/html_assets")
               for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert {"kg/ontologies/kg.ttl", "kg/ontologies/kg-shapes.ttl", "kg/models/id/pos.pt"} <= needed
    assert needed - names == set()


def _bash_blocks(text: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)```", text, flags=re.S)


def test_readme_installs_cpu_torch_with_the_pin_ci_uses() -> None:
    install = _bash_blocks((ROOT / "README.md").read_text(encoding="utf-8"))[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    pin = re.search(r"torch==[\d.]+", install).group()
    assert install.startswith("python -m pip install -U pip && ")   # old pip warns about lxml's extra
    assert f"pip install {pin} --index-url https://download.pytorch.org/whl/cpu" in install
    assert f"pip install -q {pin}\n" in ci   # here a local CPU wheel is what pip finds; no PyTorch index needed


def test_readme_test_step_names_chromium_and_ci_runs_its_command() -> None:
    from browser import CHROMIUM_ENV

    block = _bash_blocks((ROOT / "README.md").read_text(encoding="utf-8"))[1]
    prerequisite, command = block.strip().splitlines()
    assert "apt-get install -y chromium" in prerequisite and CHROMIUM_ENV in prerequisite
    assert command == "pip install -e '.[test]' && python -m pytest"
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()[-1] == command


def test_version_comes_from_the_package_not_the_distribution_name() -> None:
    from cli_run import kg as run_kg

    proc = run_kg("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"kg, version {kg.__version__}", proc
