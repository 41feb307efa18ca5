"""Build helpers shared by the tests: the real site or a small tree, always into a temporary folder.

A build runs ``mkdocs`` in a subprocess: static-i18n and the hooks keep module state, and a fresh
process per build is what a reader's ``make build`` does.
"""

from __future__ import annotations

import fcntl
import functools
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).with_name("mkdocs")
PROPERDOCS = Path(sys.executable).with_name("properdocs")  # the maintained fork of MkDocs 1.6
CHROMIUM = "/usr/bin/chromium"


@dataclass(frozen=True)
class Build:
    """The outcome of one ``mkdocs build``: its exit code, its log and where the site went."""

    returncode: int
    log: str
    site: Path


def load_config() -> dict[str, Any]:
    """The repository's mkdocs.yml as plain data."""
    return yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))


def absolutise(config: dict[str, Any]) -> dict[str, Any]:
    """Make the repository-relative paths of a config usable from another folder."""
    config = dict(config)
    config["docs_dir"] = str((REPO / config.get("docs_dir", "docs")).resolve())
    theme = dict(config["theme"])
    theme["custom_dir"] = str(REPO / theme["custom_dir"])
    config["theme"] = theme
    return config


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options of the `translations` plugin in a config's `plugins:` (made if absent), to
    turn its parts on or off: check, compare, export, csp (hooks/translations/options.py)."""
    plugins = config.setdefault("plugins", [])
    for index, plugin in enumerate(plugins):
        if plugin == "translations":
            plugins[index] = plugin = {"translations": {}}
        if isinstance(plugin, dict) and "translations" in plugin:
            if plugin["translations"] is None:
                plugin["translations"] = {}
            return plugin["translations"]
    plugins.append({"translations": {}})
    return plugins[-1]["translations"]


def run_mkdocs(
    config: dict[str, Any],
    workdir: Path,
    *args: str,
    strict: bool = True,
    env: dict[str, str] | None = None,
    engine: Path = MKDOCS,
) -> Build:
    """Write ``config`` to ``workdir/mkdocs.yml`` and build it (strictly) into ``workdir/site``."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = {**config, "strict": strict}
    cfg = workdir / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return build_config_file(cfg, *args, strict=strict, env=env, engine=engine)


def copy_fixture_site(name: str, workdir: Path) -> Path:
    """A copy of the fixture site ``tests/fixtures/<name>/`` (its own mkdocs.yml, docs/ and data/)
    in ``workdir``, its ``../../../`` paths pointed back at this repository; returns its config."""
    shutil.copytree(REPO / "tests" / "fixtures" / name, workdir, dirs_exist_ok=True)
    config = workdir / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("../../../", f"{REPO.as_posix()}/"),
        encoding="utf-8",
    )
    return config


def trilingual_site(workdir: Path) -> Path:
    """The Larkspur fixture with Japanese as a third language (tests/fixtures/trilingual/: the
    i18n entry, the Japanese pages, a glossary with Japanese terms); returns its mkdocs.yml."""
    config = copy_fixture_site("larkspur", workdir)
    extra = REPO / "tests" / "fixtures" / "trilingual"
    shutil.copytree(extra / "docs", workdir / "docs", dirs_exist_ok=True)
    shutil.copytree(extra / "data", workdir / "data", dirs_exist_ok=True)
    data = yaml.safe_load(config.read_text("utf-8"))
    i18n = next(p["i18n"] for p in data["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"].append(yaml.safe_load((extra / "ja.yml").read_text("utf-8")))
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return config


def build_config_file(
    config: Path,
    *args: str,
    strict: bool = True,
    env: dict[str, str] | None = None,
    engine: Path = MKDOCS,
) -> Build:
    """Build a site from its own mkdocs.yml into ``site/`` next to it, with ``engine``'s
    command line (mkdocs, or properdocs)."""
    site = config.parent / "site"
    mode = ["--strict"] if strict else []
    argv = ["build", *mode, "--clean", "-f", str(config), "-d", str(site), *args]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if engine == MKDOCS and "PYTHONHASHSEED" not in (env or {}):
        returncode, log = _forked_mkdocs(argv, full_env)
        return Build(returncode, log, site)
    # another engine, or a hash seed of its own (fixed when a Python process starts)
    proc = subprocess.run(
        [str(engine), *argv], capture_output=True, text=True, cwd=REPO, env=full_env, timeout=600
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


# A build runs `mkdocs build` in a process of its own, as `make build` does: nothing of one build
# (static-i18n's and the plugin's state, jieba's dictionary, logging) reaches the next. Starting
# Python and importing MkDocs, Material, static-i18n, WeasyPrint and the plugin cost about 1.4 s of
# CPU a build, about 60 builds a test session. So each build is forked from a server process that
# has imported them and done nothing else (multiprocessing's forkserver, started on first use):
# the build starts where a new `mkdocs` process would be after its imports, with the caller's
# environment, working folder and arguments, its stdout and stderr in files the caller reads.
PRELOADED = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "material.plugins.search.plugin",
    "mkdocs_static_i18n.plugin",
    "pymdownx.superfences",
    "weasyprint",
    "translations.plugin",
)


@functools.cache
def _forkserver() -> Any:
    """The forkserver context, its server importing PRELOADED when it starts (on first use)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOADED))
    return context


def _forked_mkdocs(argv: list[str], env: dict[str, str]) -> tuple[int, str]:
    """``mkdocs <argv>`` in a process forked from the server; its exit code and its output."""
    with tempfile.TemporaryDirectory(prefix="mkdocs-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        child = _forkserver().Process(target=_mkdocs_main, args=(argv, env, out, err))
        child.start()
        child.join(600)
        if child.is_alive():
            child.kill()
            child.join()
            raise subprocess.TimeoutExpired(["mkdocs", *argv], 600)
        code = child.exitcode if child.exitcode is not None else 1
        if not err.exists():  # it died before it became mkdocs (its error went to our stderr)
            return code or 1, f"the build process ended (exit code {code}) before mkdocs started"
        return code, out.read_text("utf-8", "replace") + err.read_text("utf-8", "replace")


def _mkdocs_main(argv: list[str], env: dict[str, str], out: Path, err: Path) -> None:
    """In the forked process: become `mkdocs` with ``env`` in the repository, and run it."""
    os.environ.clear()
    os.environ.update(env)
    time.tzset()  # TZ may have changed
    os.chdir(REPO)
    sys.argv = [str(MKDOCS), *argv]  # plugins read it (static-i18n looks for --dirty)
    for fd, path in ((1, out), (2, err)):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(target, fd)
        os.close(target)
    from mkdocs.__main__ import cli

    try:
        cli.main(args=argv, prog_name="mkdocs")
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        raise SystemExit(1) from None
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


def build_real_site(
    workdir: Path,
    book_cache: Path | None = None,
    env: dict[str, str] | None = None,
    engine: Path = MKDOCS,
) -> Build:
    """The repository's own site, exactly as ``make build`` makes it, but into ``workdir``;
    with ``book_cache``, its PDFs go through that cache folder (hooks/translations/plugin.py);
    ``env`` is added to the build's environment; ``engine`` builds it (mkdocs, or properdocs)."""
    env = {**(env or {}), **({"BOOK_CACHE_DIR": str(book_cache)} if book_cache else {})}
    return run_mkdocs(absolutise(load_config()), workdir, env=env, engine=engine)


def build_mini_site(
    workdir: Path,
    tweak: Callable[[dict[str, Any]], None] | None = None,
    *args: str,
    env: dict[str, str] | None = None,
) -> Build:
    """A two-page bilingual tree (tests/fixtures/mini) with the real theme, plugins and hooks.

    ``tweak`` edits the config first: the trap tests use it to put a trap back and show that
    the browser tests then fail. ``args`` go to ``mkdocs build``, ``env`` to its environment.
    """
    config = absolutise(load_config())
    config["docs_dir"] = str(REPO / "tests" / "fixtures" / "mini")
    config["nav"] = ["index.md", "automations.md"]
    # the content checks, compare views and exports are for the real pages; the output fixes stay
    plugin_options(config).update(
        check=False, page_safety=False, compare=False, export=False, csp=False
    )
    if tweak is not None:
        tweak(config)
    return run_mkdocs(config, workdir, *args, env=env)


def shared_build(name: str, make: Callable[[Path], Build], *, folder: Path) -> Build:
    """``make(folder / name)`` once for every process of the test session, under a file lock.

    pytest-xdist runs the session in several worker processes, each with its own session
    fixtures; ``folder`` is one they share (the parent of their temporary folders). The first
    worker to take the lock builds and records the outcome; the others wait for it, then read it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    record = folder / f"{name}.json"
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not record.is_file():
            build = make(folder / name)
            outcome = {"returncode": build.returncode, "log": build.log, "site": str(build.site)}
            record.write_text(json.dumps(outcome), encoding="utf-8")
        outcome = json.loads(record.read_text(encoding="utf-8"))
    return Build(outcome["returncode"], outcome["log"], Path(outcome["site"]))


def plugin(config: dict[str, Any], name: str) -> dict[str, Any]:
    """The settings dict of plugin ``name`` in a loaded config (created if it had none)."""
    for i, entry in enumerate(config["plugins"]):
        if entry == name:
            config["plugins"][i] = {name: {}}
            return config["plugins"][i][name]
        if isinstance(entry, dict) and name in entry:
            return entry[name]
    raise KeyError(name)


def restore_material_scripts(site: Path) -> list[str]:
    """Put Material's search worker and bundle back into a built ``site``, as Material ships them.

    The negative controls and the benchmark's *before* use it: the same site without the fixes
    of ``hooks/translations/output/theme_patches.py``. Returns the files replaced.
    """
    import material

    from translations.output.theme_patches import PATCHES

    shipped = Path(material.__file__).parent / "templates"
    restored = []
    for asset in sorted({patch.asset for patch in PATCHES}):
        (original,) = shipped.glob(asset)  # the built copy has a name of its own (fresh_names)
        for built in site.glob(asset):
            built.write_bytes(original.read_bytes())
            restored.append(built.relative_to(site).as_posix())
    return restored
