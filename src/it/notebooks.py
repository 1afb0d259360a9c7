"""Executes every notebook of the course top to bottom with the installed racecourse kernel.

    python3 src/it/notebooks.py DIR_OR_NOTEBOOK... [--only NAME]

A notebook passes when it is a valid notebook committed without outputs and every cell runs without an error,
except cells tagged `raises-exception`, which must raise. Executed copies go to build/notebooks/ for reading.
Ends with a line 'N passed, M failed' and exits 1 when any notebook failed.
"""
import argparse
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

CELL_TIMEOUT = 180
OUT = pathlib.Path("build/notebooks")


def committed_clean(nb):
    dirty = [i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count"))]
    return dirty


def must_raise_cells_raised(nb):
    missing = []
    for i, c in enumerate(nb.cells):
        tags = c.get("metadata", {}).get("tags", [])
        if c.cell_type == "code" and "raises-exception" in tags:
            if not any(o.get("output_type") == "error" for o in c.get("outputs", [])):
                missing.append(i)
    return missing


def run(path):
    try:
        nb = nbformat.read(str(path), as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # a malformed notebook is a clear failure, not a crash of the runner
        return f"not a valid notebook: {e}"
    dirty = committed_clean(nb)
    if dirty:
        return f"committed with outputs in code cells {dirty}; clear them"
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if kernel != "racecourse":
        return f"kernelspec is {kernel!r}, expected 'racecourse'"
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="racecourse", allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    problem = None
    try:
        client.execute()
    except CellTimeoutError as e:
        problem = f"a cell ran longer than {CELL_TIMEOUT} s: {str(e)[:500]}"
    except CellExecutionError as e:
        problem = "a cell failed:\n" + str(e)[-3000:]
    except DeadKernelError as e:
        problem = f"the kernel died: {e}"
    target = OUT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(target))
    if problem is None:
        missing = must_raise_cells_raised(nb)
        if missing:
            problem = f"cells {missing} are tagged raises-exception but raised nothing"
    return problem


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="+", help="folders to search for notebooks, or notebook files")
    parser.add_argument("--only", default=None, help="run only notebooks whose name contains this")
    args = parser.parse_args()
    found = []
    for d in map(pathlib.Path, args.dirs):
        found.extend([d] if d.is_file() else d.rglob("*.ipynb"))
    books = sorted(p for p in found
                   if ".ipynb_checkpoints" not in p.parts and (args.only is None or args.only in p.name))
    passed, failed = 0, []
    for path in books:
        started = time.monotonic()
        problem = run(path)
        took = time.monotonic() - started
        if problem is None:
            passed += 1
            print(f"PASS {path} ({took:.1f} s)", flush=True)
        else:
            failed.append(path)
            print(f"FAIL {path} ({took:.1f} s): {problem}", flush=True)
    if not books:
        print("no notebooks found", flush=True)
        return 1
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
