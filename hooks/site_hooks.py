"""MkDocs hooks that fix what mkdocs-static-i18n leaves wrong in the built site.

Thin adapter: the logic lives in ``i18n_output`` (pure, no MkDocs). static-i18n builds the
site once per language *inside* the default language's ``on_post_build``; every event below
therefore fires once per language, and the build state (``checks.build``) counts the nesting so
that the site-wide step runs once, after the last language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from search_words import SynonymError, synonym_groups
from theme_patches import PatchError, fresh_names, patch_site

from checks import build
from checks.model import InputError
from i18n_output import head_alternates, language_menu, words_to_keep_whole, write_search_indexes
from quiet_logs import quiet_loggers
from segmenter import SEGMENTER, use_in_material_search

log = get_plugin_logger("site_hooks")

HOOK = "site_hooks"  # this hook's values in the build state


def _state(config: MkDocsConfig) -> dict[str, Any]:
    """This build's values: the default language's 404 page, the page alternates set aside."""
    return build.start(config).of(HOOK)


def on_startup(command: str, dirty: bool) -> None:
    """Before the first on_config, where static-i18n starts logging its configuration and
    Material's search plugin may load a jieba dictionary."""
    quiet_loggers()
    use_in_material_search()


def _glossary(config: MkDocsConfig) -> tuple[dict[str, Any], str] | None:
    """The site's glossary (data/ beside docs/) and its path as the messages name it."""
    try:
        names = build.site_config(config)
        path = Path(config.docs_dir).parent / "data" / names.glossary_file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, InputError) as error:
        # the content checks report a malformed glossary by file and line; search just goes on
        log.debug("no glossary for search: %s", error)
        return None
    return (data, f"data/{names.glossary_file}") if isinstance(data, dict) else None


def on_config(config: MkDocsConfig) -> None:
    """Teach jieba the glossary terms and search aliases it would split into lone characters
    (see i18n_output): the translation's words, from the site's own glossary."""
    glossary = _glossary(config)
    if glossary is None:
        return
    lang = build.site_config(config).languages.translation
    try:
        terms = [t[lang] for t in glossary[0]["terms"]]
        terms += [w for group in synonym_groups(glossary[0], lang, glossary[1]) for w in group]
    except (KeyError, TypeError, SynonymError) as error:
        log.debug("no glossary terms for jieba: %s", error)
        return
    for word in words_to_keep_whole(terms, SEGMENTER.cut):
        SEGMENTER.add_word(word)


def on_pre_build(config: MkDocsConfig) -> None:
    build.start(config).enter(HOOK)


@event_priority(-100)  # after static-i18n set this page's alternates in config.extra
def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> Any:
    """Absolute hreflang alternates for the head; the language menu keeps relative links and
    says which language only serves another language's page (English only)."""
    # static-i18n sets the attribute (config.extra.alternate), which Jinja reads before the key
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if not alternates:
        return context
    files = getattr(page.file, "alternates", {})
    fallbacks = {
        lang: file.locale for lang, file in files.items() if getattr(file, "locale", lang) != lang
    }
    context["ac_language_menu"] = language_menu(alternates, fallbacks)
    _state(config)["page_alternates"] = alternates
    config.extra.alternate = head_alternates(alternates, config.site_url, fallbacks)
    return context


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """Put static-i18n's alternates back: the 404 page, rendered after the pages, reads them."""
    state = _state(config)
    if "page_alternates" in state:
        config.extra.alternate = state.pop("page_alternates")
    return output


@event_priority(100)  # before static-i18n's on_post_build starts the next language's build
def _separate_404(config: MkDocsConfig) -> None:
    """Give each language its own 404: every language writes ``site/404.html``, the last wins."""
    _, default = build.languages(config)
    lang = config.theme["language"]
    page = Path(config.site_dir) / "404.html"
    if not page.is_file():
        return
    if lang == default:
        _state(config)["default_404"] = page.read_bytes()
    elif (default_404 := _state(config).get("default_404")) is not None:
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        page.replace(target)
        page.write_bytes(default_404)


@event_priority(-200)  # after static-i18n merged the index and the offline plugin inlined it
def _finalise(config: MkDocsConfig) -> None:
    """After the last language: one search index per language, and Material's search fixed."""
    if not build.start(config).leave(HOOK):
        return  # another language's build, nested in the default one's
    langs, default = build.languages(config)
    site_dir = Path(config.site_dir)
    if (site_dir / "search" / "search_index.json").is_file():
        synonyms = {}
        if (glossary := _glossary(config)) is not None:
            try:
                synonyms = {lang: synonym_groups(glossary[0], lang, glossary[1]) for lang in langs}
            except SynonymError as error:
                raise PluginError(str(error)) from None
        counts = write_search_indexes(site_dir, langs, default, synonyms)
        log.debug("search index per language: %s", counts)
        try:
            changed = patch_site(site_dir)
        except PatchError as error:
            raise PluginError(str(error)) from None
        # a patched script gets a name of its own: hosts cache hashed names for good
        log.debug("theme patches applied, new names: %s", fresh_names(site_dir, changed))


on_post_build = CombinedEvent(_separate_404, _finalise)
