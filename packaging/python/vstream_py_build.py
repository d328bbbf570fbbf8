"""A PEP 517 build backend with no requirements, and the one wheel writer the project uses.

`pip install .` in this folder (which is what pre-commit does with a `language: python` hook repository) builds
`vstream-py`, a wheel with no code whose only dependency is `vstream==VERSION`: the platform wheel that carries the
self-contained binary (built by scripts/release.sh, which imports `write_wheel` from here). Nothing has to be
downloaded to build it, not even setuptools, so it also installs offline (`PIP_NO_INDEX=1 PIP_FIND_LINKS=dist`).
"""
import base64
import hashlib
import io
import os
import pathlib
import time
import zipfile

HERE = pathlib.Path(__file__).resolve().parent


def _epoch():
    # Reproducible: the zip entries carry SOURCE_DATE_EPOCH (or 1980-01-01, the earliest date zip can hold).
    seconds = max(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), 315532800)
    return time.gmtime(seconds)[:6]


def _record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def write_wheel(directory, name, version, tag, metadata, files):
    """Writes NAME-VERSION-TAG.whl into `directory`; `files` maps archive paths to (bytes, mode). Returns its name."""
    stem = name.replace("-", "_")
    dist_info = f"{stem}-{version}.dist-info"
    entries = dict(files)
    entries[f"{dist_info}/METADATA"] = (metadata.encode(), 0o644)
    entries[f"{dist_info}/WHEEL"] = (
        (
            "Wheel-Version: 1.0\n"
            "Generator: vstream_py_build\n"
            f"Root-Is-Purelib: {'true' if tag.endswith('-any') else 'false'}\n"
            f"Tag: {tag}\n"
        ).encode(),
        0o644,
    )
    record = io.StringIO()
    for path in sorted(entries):
        data = entries[path][0]
        record.write(f"{path},{_record_hash(data)},{len(data)}\n")
    record.write(f"{dist_info}/RECORD,,\n")
    entries[f"{dist_info}/RECORD"] = (record.getvalue().encode(), 0o644)

    filename = f"{stem}-{version}-{tag}.whl"
    date = _epoch()
    target = pathlib.Path(directory) / filename
    with zipfile.ZipFile(target, "w") as archive:
        # dist-info last, as the wheel specification recommends; every other entry in sorted order.
        for path in sorted(entries, key=lambda p: (p.startswith(dist_info), p)):
            data, mode = entries[path]
            info = zipfile.ZipInfo(path, date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100000 | mode) << 16
            info.create_system = 3  # Unix, so that the mode bits are read
            archive.writestr(info, data, compresslevel=9)
    return filename


def _version():
    return (HERE / "VERSION").read_text().strip()


def _metadata(version):
    return (
        "Metadata-Version: 2.1\n"
        "Name: vstream-py\n"
        f"Version: {version}\n"
        "Summary: pre-commit hooks for vstream, the ITIL 4 value stream compiler, without a Swift toolchain\n"
        "Home-page: https://github.com/vstream/vstream\n"
        "License: Apache-2.0\n"
        "Requires-Python: >=3.8\n"
        f"Requires-Dist: vstream=={version}\n"
        "Description-Content-Type: text/markdown\n"
        "\n"
        "Installs the `vstream` binary wheel of the same version; see `.pre-commit-hooks.yaml`.\n"
    )


# PEP 517 hooks. pip calls build_wheel for `pip install .`; nothing is needed to run it.
def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    return write_wheel(wheel_directory, "vstream-py", version, "py3-none-any", _metadata(version), {})


def build_sdist(sdist_directory, config_settings=None):
    raise NotImplementedError("vstream-py is installed from its repository or as a wheel; it has no sdist")
