"""Generate Python code for every .proto under protos/ into contracts/src (run: make gen).

Generated files are never hand-edited; `--check` regenerates into a temporary folder and
fails when the checked-in code differs, which is how CI catches stale code.
"""

from __future__ import annotations

import filecmp
import shutil
import sys
import tempfile
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTOS = ROOT / "protos"
OUT = ROOT / "contracts" / "src"


def generate(out: Path) -> None:
    """Run protoc (bundled with grpcio-tools) for all protos into `out`."""
    sources = sorted(str(p.relative_to(PROTOS)) for p in PROTOS.rglob("*.proto"))
    include = Path(protoc.__file__).parent / "_proto"
    args = [
        "protoc",
        f"-I{PROTOS}",
        f"-I{include}",
        f"--python_out={out}",
        f"--pyi_out={out}",
        f"--grpc_python_out={out}",
        *sources,
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    # Packages for each generated folder, so imports work without namespace-package magic.
    for folder in [out / "livebid", *(p for p in (out / "livebid").rglob("*") if p.is_dir())]:
        (folder / "__init__.py").touch()


def differences(a: Path, b: Path) -> list[str]:
    """Relative paths of files that differ between two trees."""
    cmp = filecmp.dircmp(a, b)
    diffs = [*cmp.left_only, *cmp.right_only, *cmp.diff_files]
    for sub in cmp.common_dirs:
        diffs += [f"{sub}/{d}" for d in differences(a / sub, b / sub)]
    return [d for d in diffs if "__pycache__" not in d]


def main() -> None:
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp))
            stale = differences(Path(tmp) / "livebid", OUT / "livebid")
        if stale:
            raise SystemExit(f"generated code is stale, run `make gen`: {stale}")
        print("generated code is up to date")
        return
    shutil.rmtree(OUT / "livebid", ignore_errors=True)
    generate(OUT)
    print(f"generated into {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
