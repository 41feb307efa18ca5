"""What differs between two sites built on these hooks: file and folder names, read from
mkdocs.yml (`extra: checks:`), with this repository's names as the defaults.

The hooks pass `config.extra["checks"]`; the command line reads the same block from
<root>/mkdocs.yml, so a build and `python -m hooks.checks` check a site alike."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .model import InputError

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    """Site-specific names. A data file that is absent turns its checks off (see data.py)."""

    pricing_file: str = "pricing.yml"  # under data/: plans and add-ons; absent: no price checks
    skills_file: str = "skills.yml"  # under data/: skill names; absent: no skill checks
    glossary_file: str = "glossary.yml"  # under data/: one translation per term
    untranslated_file: str = "untranslated.yml"  # under data/: pages not translated on purpose
    paths_file: str = "paths.yml"  # under data/: the path finder's roles and goals
    related_skills_page: str = "related-skills.md"  # where skill mentions link
    compare_dir: str = "compare"  # one folder: the side-by-side views of each language
    skills_base_url: str | None = None  # link skill mentions to this site instead

    @classmethod
    def from_mapping(cls, values: object, rel: str = CONFIG_FILE) -> SiteConfig:
        """Settings from `extra: checks:`; an unknown key or a non-text value names the file."""
        if values is None:
            return cls()
        if not isinstance(values, dict):
            raise InputError.at(rel, 1, "`extra.checks` must be a mapping of `key: value` lines")
        known = {f.name for f in fields(cls)}
        problems = []
        for key, value in values.items():
            if key not in known:
                names = ", ".join(sorted(known))
                problems.append(f"{rel}:1: unknown setting `extra.checks.{key}`; known: {names}")
            elif not isinstance(value, str) or (key == "compare_dir" and "/" in value.strip("/")):
                problems.append(f"{rel}:1: `extra.checks.{key}` must be one name (text)")
        if problems:
            raise InputError(problems)
        return cls(
            **{
                key: value.strip("/") if key == "compare_dir" else value
                for key, value in values.items()
            }
        )


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; the checks need none of them."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_config(root: Path) -> SiteConfig:
    """`extra: checks:` of <root>/mkdocs.yml, or the defaults when there is no such file."""
    path = Path(root) / CONFIG_FILE
    if not path.is_file():
        return SiteConfig()
    try:
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_IgnoreTags)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise InputError.at(CONFIG_FILE, line, "malformed YAML") from None
    extra = data.get("extra") if isinstance(data, dict) else None
    return SiteConfig.from_mapping(extra.get("checks") if isinstance(extra, dict) else None)
