"""Translation-honesty checks of the bilingual site: a pure core that imports nothing from MkDocs.

Public API (used by hooks/site_checks.py, hooks/reader_hooks.py and the command line):

- ``site.check_site(root, docs_dir=..., data_dir=..., today=...) -> SiteReport``:
  every check over docs/en, docs/zh and data/; raises ``model.InputError`` for unreadable input.
- ``SiteReport.issues`` (``model.Issue``, str() is ``file:line: message (file:line: other side)``),
  ``SiteReport.pages`` (status per page), ``SiteReport.banner(name, file_lang, build_lang)``.
- ``build.start(build) -> BuildState``: the per-build state shared by the hooks (the report,
  run once; data files parsed once), reset when a new build starts; ``build.latest(build)``.
- ``site.current_parity(root, names)``: parity against the current English (what stamping needs).
- ``history.find_translated(folder, {name: hash})``: the English version a stamp names, from git.
- ``staleness``: the lifecycle of a translation (lag, grace period, section changes, stamping).
- ``generate.render_page(markdown, lang=..., page_name=..., rel=..., data=...)``: pricing tables
  at markers, links for skill mentions.
"""
