"""The documentation runs: docs/python.md and the docstrings of the package, as doctests, and
the notebook, executed headless."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import cen
import cen.codes
from conftest import ROOT

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def test_docs_python_md_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "docs" / "python.md"), module_relative=False, optionflags=FLAGS)
    assert result.attempted >= 30
    assert result.failed == 0


@pytest.mark.parametrize("module", [cen, cen.codes], ids=lambda m: m.__name__)
def test_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=FLAGS)  # type: ignore[arg-type]
    assert result.attempted >= 3
    assert result.failed == 0


def test_the_notebook_runs_headless() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    folder = ROOT / "examples" / "notebooks"
    notebook = nbformat.read(folder / "seizure-data-quality.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 4, "the bar charts and the histogram are drawn"
    text = "".join(o.get("text", "") for o in outputs)
    assert "2,000 seizures" in text and "valid rows" in text


def test_the_shipped_export_is_what_the_script_writes(tmp_path: Path) -> None:
    shipped = ROOT / "examples" / "seizures-export.csv"
    header = shipped.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "reporting_country" in header and "goods.0.quantity" in header
    assert sum(1 for _ in shipped.open(encoding="utf-8")) == 2001
