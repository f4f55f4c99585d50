"""Fetch the Data Docs' CDN assets from the npm registry into schemas/validate/data_docs_assets/ (`make vendor`)."""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Optional, Sequence

from schemas.validate.offline_assets import PACKAGES, VENDOR_DIR, NpmPackage

MANIFEST = "MANIFEST.json"
KEPT = {"README.md"}  # hand-written files in VENDOR_DIR that a refresh keeps


def npm_pack(package: NpmPackage, into: Path) -> tuple[Path, str]:
    """Download the package's tarball with `npm pack`; returns its path and the registry's integrity hash."""
    try:
        done = subprocess.run(["npm", "pack", package.spec, "--json", "--ignore-scripts", "--pack-destination", str(into)],
                              check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise SystemExit("vendor: npm is not installed; install Node.js (Debian: apt-get install -y npm)") from None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"vendor: npm pack {package.spec} failed: {exc.stderr.strip()}") from None
    packed = json.loads(done.stdout)[0]
    return into / packed["filename"], packed["integrity"]


def _member(tar: tarfile.TarFile, path: str) -> bytes:
    extracted = tar.extractfile(f"package/{path}")
    if extracted is None:
        raise SystemExit(f"vendor: package/{path} is not a regular file in {tar.name}")
    return extracted.read()


def _notice(package: NpmPackage, tar: tarfile.TarFile) -> bytes:
    """What package.json says about the licence, for packages whose tarball ships no licence file."""
    meta = json.loads(_member(tar, "package.json"))
    author = meta.get("author")
    author = author.get("name") if isinstance(author, dict) else author
    repository = meta.get("repository")
    repository = repository.get("url") if isinstance(repository, dict) else repository
    return (f"The npm package {package.spec} ships no licence file. Its package.json declares:\n"
            f"license: {meta.get('license')}\nauthor: {author}\nrepository: {repository}\n").encode()


def unpack(package: NpmPackage, tarball: Path) -> dict[str, bytes]:
    """The package's needed files and licence files, keyed by path under VENDOR_DIR."""
    with tarfile.open(tarball) as tar:
        files = {f"{package.folder}/{path}": _member(tar, path) for path in package.files + package.licence_files}
        if not package.licence_files:
            files[f"{package.folder}/NOTICE.txt"] = _notice(package, tar)
    return files


def fetch_all(packages: Sequence[NpmPackage]) -> tuple[dict[str, bytes], dict]:
    """Every vendored file's bytes, and a manifest with each package's tarball integrity and each file's sha256."""
    files: dict[str, bytes] = {}
    manifest: dict = {"packages": {}, "files": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for package in packages:
            tarball, integrity = npm_pack(package, Path(tmp))
            manifest["packages"][package.spec] = {"folder": package.folder, "integrity": integrity,
                                                  "why": package.why}
            files.update(unpack(package, tarball))
    for path, data in sorted(files.items()):
        manifest["files"][path] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    files[MANIFEST] = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
    return files, manifest


def differences(files: dict[str, bytes], folder: Path) -> list[str]:
    """Paths whose committed copy under folder is missing, extra or differs from the freshly fetched one."""
    committed = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - KEPT
    problems = [f"missing: {p}" for p in sorted(set(files) - committed)]
    problems += [f"not fetched: {p}" for p in sorted(committed - set(files))]
    problems += [f"differs: {p}" for p in sorted(set(files) & committed) if (folder / p).read_bytes() != files[p]]
    return problems


def write(files: dict[str, bytes], folder: Path) -> None:
    """Replace folder's vendored files (not its hand-written README) with files."""
    for child in folder.iterdir() if folder.exists() else ():
        if child.name not in KEPT:
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Fetch and write the assets, or with --check report how the committed copy differs from a fresh fetch."""
    parser = argparse.ArgumentParser(prog="python -m schemas.validate.vendor_data_docs_assets", description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare with the committed files; write nothing")
    args = parser.parse_args(argv)
    files, manifest = fetch_all(PACKAGES)
    total = sum(entry["bytes"] for entry in manifest["files"].values())
    if args.check:
        problems = differences(files, VENDOR_DIR)
        for problem in problems:
            print(problem)
        print(f"vendor: {len(manifest['files'])} files, {total / 1e6:.2f} MB; "
              + ("committed copy differs" if problems else "committed copy is identical"))
        return 1 if problems else 0
    write(files, VENDOR_DIR)
    print(f"vendor: wrote {len(manifest['files'])} files, {total / 1e6:.2f} MB, to {VENDOR_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
