"""`pip install .` into a fresh virtual environment outside the repository gives a working `jianfu`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fresh")
    env_dir = root / "venv"
    # system site packages: the dependencies come from this environment, so no download is needed;
    # jianfu itself is built from the source tree into a wheel and installed for real.
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # a venv made from a venv sees the base interpreter's packages, not ours: point it at them
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(target, "_test_dependencies.pth").write_text("\n".join(ours) + "\n", "utf-8")
    source = root / "source"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", "node_modules", ".git", "*.egg-info", "build", "dist", ".code-server", ".runs"
        ),
    )
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "-q", str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    shutil.rmtree(source)  # the installed package must not depend on the source tree
    return env_dir


def test_console_script_and_module_work_outside_the_repo(installed: Path, tmp_path: Path) -> None:
    draft = tmp_path / "草稿.txt"
    draft.write_text("关于加强某项工作的通知\n各单位：\n    请于月底前将落实情况报送市政府办公室。\n", "utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    script = subprocess.run(
        [str(installed / "bin" / "jianfu"), "check", str(draft)], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert script.returncode == 1 and "JF301" in script.stdout, script.stderr
    module = subprocess.run(
        [str(installed / "bin" / "python"), "-m", "jianfu", "rules"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert module.returncode == 0 and len(module.stdout.splitlines()) > 40
    located = subprocess.run(
        [
            str(installed / "bin" / "python"),
            "-c",
            "import jianfu, jianfu.rules as r; print(jianfu.__file__); print(r.bundled_rules_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert str(REPO) not in located.stdout and "site-packages" in located.stdout
    assert (Path(located.stdout.splitlines()[1]) / "coverage.yml").is_file()


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(("jianfu", *init.parent.relative_to(REPO / "server" / "jianfu").parts))
        for init in (REPO / "server" / "jianfu").rglob("__init__.py")
    }
    assert on_disk <= listed, on_disk - listed
