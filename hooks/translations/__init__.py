"""translations: a MkDocs plugin for a site with one reference language and its translations.

Start with `plugin.py`: the whole build, every event in the order MkDocs runs it. Its options
are `options.py`. Everything else is the pure core, which imports nothing from MkDocs and runs
from the command line too (`python -m translations`, see `cli.py`):

- `read/`: the inputs, read once: page text (`source`), front matter (`frontmatter`), the
  Markdown grammar the checks share (`markdown`), the data files (`data`), markers (`markers`).
- `checks/`: what can be wrong. `report.check_site(root, ...) -> SiteReport` runs them all:
  parity of structure (`parity`), facts (`facts`), the glossary (`glossary`), Chinese copy
  (`copywriting`), skill mentions (`skills`), prices and plan gates (`pricing`, `plan_gates`),
  sources (`sources`), the nav (`nav`), unsafe HTML and files (`safety`). `InputError`
  (`model.py`) is unreadable input, named by file and line; `Issue` a finding.
- `lifecycle/`: a translation over time: stamps and lags (`staleness`), the English version a
  stamp names (`history`), when each page last changed (`updated`).
- `render/`: Markdown made at build time: pricing tables and skill links (`generate`), the
  side-by-side views (`compare`), the path finder (`pathfinder`).
- `export/`: the Markdown twins and llms.txt (`assistant`), the PDF (`book`).
- `output/`: the built site: a search index per language (`i18n`, `search_words`,
  `segmenter`), fixes to the theme's scripts (`theme_patches`), the CSP (`csp`), a quiet log
  (`quiet_logs`).
"""
