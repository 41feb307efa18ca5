"""What differs between two sites: the languages (the i18n plugin's `languages:`) and the
plugin's options (file and folder names, budgets, policies), as the pure core reads them. The
options are typed and validated in `options.py`; this module holds their values, imports nothing
from MkDocs, and names the interface text (`extra.ui`) every language must set."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from translations.model import InputError

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "translations"  # its name in mkdocs.yml's `plugins:` (pyproject.toml's entry point)


FOLDER, SUFFIX = "folder", "suffix"  # static-i18n's `docs_structure`
# How messages name a language; any other language is named by its code.
LANGUAGE_NAMES = {
    "en": "English",
    "zh": "Chinese",
    "ja": "Japanese",
    "fr": "French",
    "de": "German",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; the checks need none of them."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config_file(root: Path) -> tuple[Any, str] | None:
    """<root>/mkdocs.yml as data and as text, None without one (the one reader of it for the
    command line: the options, the languages and the nav)."""
    path = Path(root) / CONFIG_FILE
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_IgnoreTags), text
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError.at(CONFIG_FILE, mark.line + 1 if mark else 1, "malformed YAML") from None


@dataclass(frozen=True)
class Languages:
    """One reference language (the i18n plugin's default, whose pages the others translate) and
    its translations. Each code is a key of the per-language data files (`{en: ..., zh: ...}`)
    and names its pages: `docs/<code>/<page>` in the folder layout, `docs/<page stem>.<code>.md`
    in the suffix layout (the reference's pages there are plain `<page>`)."""

    reference: str = "en"
    translations: tuple[str, ...] = ("zh",)
    structure: str = FOLDER
    # suffix layout: the pages whose reference file carries its code too (`page.en.md`; static-i18n
    # takes both that and `page.md`)
    suffixed: frozenset[str] = frozenset()

    @property
    def all(self) -> tuple[str, ...]:
        """The reference, then every translation, as the i18n plugin lists them."""
        return (self.reference, *self.translations)

    def path(self, lang: str, name: str) -> str:
        """Where a language's version of a page is, relative to docs/: `zh/guides/x.md` or
        `guides/x.zh.md` (`name` is the page's name, `guides/x.md`)."""
        if self.structure == FOLDER:
            return f"{lang}/{name}"
        if lang == self.reference and name not in self.suffixed:
            return name
        return f"{name[: -len('.md')]}.{lang}.md"

    def split(self, src_uri: str) -> tuple[str | None, str]:
        """A path under docs/ as (its language, the page's name): `zh/guides/x.md` and
        `guides/x.zh.md` are ("zh", "guides/x.md"); a path that is no language's page is
        (None, the path)."""
        if self.structure == FOLDER:
            lang, _, rest = src_uri.partition("/")
            return (lang, rest) if lang in self.all and rest else (None, src_uri)
        stem, dot, suffix = src_uri[: -len(".md")].rpartition(".")
        if src_uri.endswith(".md") and dot and suffix in self.all and "/" not in suffix:
            return suffix, f"{stem}.md"
        return (self.reference, src_uri) if src_uri.endswith(".md") else (None, src_uri)

    def settled(self, docs_dir: Path) -> Languages:
        """These languages, knowing how the site names each reference page (in the suffix
        layout static-i18n takes both `page.md` and `page.en.md`)."""
        if self.structure == FOLDER or not docs_dir.is_dir():
            return self
        ending = f".{self.reference}.md"
        found = (p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob(f"*{ending}"))
        return replace(self, suffixed=frozenset(rel[: -len(ending)] + ".md" for rel in found))

    def pages(self, docs_dir: Path) -> dict[str, set[str]]:
        """The page names (`guides/x.md`) each language has under docs_dir; dot-files and
        dot-folders are no pages (MkDocs leaves them out: `exclude_docs`)."""
        found: dict[str, set[str]] = {lang: set() for lang in self.all}
        for path in docs_dir.rglob("*.md"):
            rel = path.relative_to(docs_dir).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            lang, name = self.split(rel)
            if lang is not None:
                found[lang].add(name)
        return found


@dataclass(frozen=True)
class SiteConfig:
    """Site-specific names and policies. A data file that is absent turns its checks off (see
    data.py)."""

    pricing_file: str = "pricing.yml"  # under data/: plans and add-ons; absent: no price checks
    skills_file: str = "skills.yml"  # under data/: skill names; absent: no skill checks
    glossary_file: str = "glossary.yml"  # under data/: one translation per term
    untranslated_file: str = "untranslated.yml"  # under data/: pages not translated on purpose
    paths_file: str = "paths.yml"  # under data/: the path finder's roles and goals
    sources_file: str = "sources.yml"  # under data/: official articles per page; absent: off
    related_skills_page: str = "related-skills.md"  # where skill mentions link
    compare_dir: str = "compare"  # one folder: the side-by-side views of each language
    skills_base_url: str | None = None  # link skill mentions to this site instead
    max_file_kib: int = 512  # the largest page or data file read (CONTRIBUTING.md, "Budgets")
    book_file: str = "manual-{lang}.pdf"  # each language's PDF, in that language's root folder
    # The site's policies (house rules), lenient by default; what runs code or loads from the
    # network is refused whatever they say (checks/safety.py).
    # "trusted": MkDocs' own reading, pages unchecked; "safe": any tag that runs and loads
    # nothing; "strict": only safety.TAG_ATTRIBUTES
    raw_html: str = "trusted"
    remote_images: bool = True  # images from http(s) addresses
    require_front_matter: bool = False  # every page sets the schema's required keys
    only_pages_in_docs: bool = False  # docs/ holds Markdown pages and images, nothing else
    heading_ids: bool = False  # every heading needs an {#id}; else sections pair by position
    name_facts: bool = False  # names with inner capitals (HubSpot) must be kept, like brands
    exact_code: bool = False  # code never translated, not even a comment or a placeholder
    languages: Languages = Languages()  # from the i18n plugin


# Every policy at its strictest, as this repository's mkdocs.yml sets them: what the core checks
# with when a caller gives no site's settings (the command line and the plugin always do).
STRICT = SiteConfig(
    raw_html="strict",
    remote_images=False,
    require_front_matter=True,
    only_pages_in_docs=True,
    heading_ids=True,
    name_facts=True,
    exact_code=True,
)
RAW_HTML = ("trusted", "safe", "strict")  # the values of `raw_html`


def languages_from(
    entries: object, rel: str = CONFIG_FILE, structure: object = FOLDER
) -> Languages:
    """The languages from the i18n plugin's `languages:` list (mappings with `locale`, and
    `default: true` on the reference) and its `docs_structure`: two or more languages, exactly
    one of them the default."""
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("locale"), str) for entry in entries
    ):
        raise InputError.at(rel, 1, "the i18n plugin's `languages` must list `locale:` entries")
    codes = [entry["locale"] for entry in entries]
    if len(codes) < 2 or len(set(codes)) != len(codes):
        found = ", ".join(codes) or "none"
        raise InputError.at(
            rel, 1, f"the i18n plugin must list two or more languages, each once; found {found}"
        )
    defaults = [entry["locale"] for entry in entries if entry.get("default")]
    if len(defaults) != 1:
        raise InputError.at(rel, 1, "exactly one i18n language must have `default: true`")
    if structure not in (FOLDER, SUFFIX):
        raise InputError.at(rel, 1, "the i18n plugin's `docs_structure` must be folder or suffix")
    (reference,) = defaults
    translations = tuple(code for code in codes if code != reference)
    return Languages(reference, translations, str(structure))


# The interface text each language sets in its own `extra.ui` (mkdocs.yml; static-i18n gives
# every language its own `extra`): the templates in overrides/ and the hooks read these keys, so
# neither branches on a language code. A language without one of them stops the build.
UI_KEYS = (
    "side_by_side",  # the button from a page to its side-by-side view
    "side_by_side_menu",  # the same, in the language menu
    "original_pages",  # the label of a side-by-side view's links to its two pages
    "reference_page",  # those links: the reference language's page ...
    "translation_page",  # ... and the translation's (the same words in every language)
    "compare_description",  # a side-by-side view's description; {reference}, {translation}
    "drift_changed",  # a side-by-side row whose reference section changed since the translation
    "drift_added",  # ... was added since
    "drift_removed",  # ... was removed since
    "not_found_title",  # the 404 page: its heading
    "not_found_text",  # ... and its text; {start} is the link to the start page
    "not_found_start",  # ... that link's text
    "book_link",  # the footer's link to the PDF edition; {pdf} is the link
    # the banners (overrides/partials/banners.html); {date}, {url} and the links are filled in
    "untranslated_title",
    "untranslated_text",
    "outdated_title",
    "outdated_follows",
    "outdated_undated",
    "outdated_read",
    "outdated_english",
    "outdated_compare",
    "outdated_side_by_side",
    "prices_stale_title",
    "prices_as_of",
    "prices_verified",
    "prices_changed",
    "prices_verify",
    "prices_line",  # the one-line note of a page without price tables; {date}
    "prices_line_verify",  # ... its link's text
    # below every page: when it last changed ({date}), and what the site is
    "last_updated",
    "independent",
    # the path finder of the start page (overrides/partials/pathfinder.html)
    "pathfinder_area",
    "pathfinder_role",
    "pathfinder_any",
    "pathfinder_areas",
    "pathfinder_roles",
    "pathfinder_hint",
    "pathfinder_reset",
    # the PDF edition (overrides/export/book.html)
    "book_contents",
    "book_edition",
    "book_prices",
    "book_online",
    # llms.txt (hooks/translations/export/assistant.py): the lines of llms-full.txt and of the PDF
    "llms_full",
    "llms_pdf",
    # the line under a page or section naming its official articles (checks/sources.py);
    # {links} is where the links go
    "sources",
)


def ui_problems(ui: object, lang: str, rel: str = CONFIG_FILE) -> list[str]:
    """Every key of UI_KEYS that the language's `extra.ui` lacks (or holds as non-text)."""
    values = ui if isinstance(ui, dict) else {}
    return [
        f"{rel}:1: extra.ui.{key} is missing for language {lang}"
        for key in UI_KEYS
        if not isinstance(values.get(key), str)
    ]
