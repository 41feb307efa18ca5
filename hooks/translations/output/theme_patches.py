"""Fixes to Material's search scripts and language switch, applied to the built site (pure).

Material ships its search worker and its main bundle minified; there is no setting for any
fix below, and a vendored copy would silently go stale on an upgrade. So each fix is an exact
piece of the shipped code and its replacement. :func:`patch_site` applies every fix to the copy
in ``site/`` after the build. If Material's code changed and a piece is no longer found exactly
once, the build stops with :class:`PatchError`, naming the file, the fix and what to do: read the
new source (the ``.min.js.map`` next to it holds the TypeScript) and update the piece here, or
drop the fix if Material fixed it.

A patched file then gets a name with the hash of its new content (:func:`fresh_names`), and every
reference to it in the site follows: a host caches Material's hashed assets for a year
(deploy/nginx.conf, ``immutable``), and a returning reader would otherwise keep the old worker
after a fix ships.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from translations.output.i18n import COMPOUNDS_FIELD
from translations.output.search_words import MIN_JOINED


@dataclass(frozen=True)
class Patch:
    """One exact piece of a shipped script and what replaces it."""

    name: str
    asset: str  # glob under the site folder; it must match exactly one file
    find: str
    replace: str
    why: str


# The search worker's query segmentation (integrations/search/query/segment/index.ts) tries
# every substring of an unspaced Chinese query against the index's terms, but its loop stops one
# character short (j < query.length): the query's last word is never found, so 线索评分 searches
# 线索 alone. Same off-by-one where it continues at the end of the query (q < length - 1).
SEGMENT_LAST_WORD = Patch(
    name="segment-last-word",
    asset="assets/javascripts/workers/search.*.min.js",
    find="for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);",
    replace="for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);",
    why="an unspaced Chinese query would search its first word only",
)
# Where no index term starts (a stop word, which the index leaves out: 的, 不, 和), the loop
# gives up: 销售的管道 searches 销售 alone, and 不包含 (which starts with one) becomes one term
# that matches nothing. The same line drops a one-character word at the very end (a < length - 1).
# The fix steps over such characters to the next place a term starts, and falls back to the
# whole query only when no term was found at all.
SEGMENT_SKIP_UNINDEXED = Patch(
    name="segment-skip-unindexed",
    asset="assets/javascripts/workers/search.*.min.js",
    find=(
        "let a=o+n[o];n[a]&&a<t.length-1&&(i[s++]=a),r.add(t.slice(o,a))}"
        'return r.has("")?new Set([t]):r'
    ),
    replace=(
        "let a=o+n[o];for(;a<t.length&&!n[a];)a++;"
        "a<t.length&&(i[s++]=a),n[o]&&r.add(t.slice(o,o+n[o]))}"
        "return r.size?r:new Set([t])"
    ),
    why="a Chinese query with a stop word in it would lose every word after it, or match nothing",
)
# The worker replaces each run of Han characters by its segments joined with "* ", and
# (1) does not separate the run from Latin letters next to it, so Webhook事件 stays one term that
# matches nothing; (2) the query transform appends another "*", so every segment but the last
# becomes the clause 销售* (after one star is stripped), which no result term starts with: the
# results' ?h= (search.highlight) names the last word only. The fix joins the segments with
# spaces (the transform still makes each a prefix query) and puts a space between a Han run and
# an adjacent ASCII letter or digit.
SEGMENT_SEPARATE_WORDS = Patch(
    name="segment-separate-words",
    asset="assets/javascripts/workers/search.*.min.js",
    find='new RegExp("\\\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)].join("* ")',
    replace=(
        'new RegExp("\\\\p{sc=Han}+","gu"),(s,o,q)=>(/\\w/.test(q[o-1]||"")?" ":"")'
        '+[...fe(s,this.index.invertedIndex)].join(" ")+(/\\w/.test(q[o+s.length]||"")?" ":"")'
    ),
    why="a Chinese query would highlight its last word only, and Webhook事件 would match nothing",
)
# A code identifier is one word to the reader: the separator splits contact/sync and dealGroups
# into pieces (integrations/search/query/_/index.ts), and each piece alone is optional, so any
# page that says "contact" outranks the endpoint. The fix makes every piece of one typed word
# required (+piece*; a one-character piece, as in A/B or /api/3/, exactly), except stop words
# (if/else), which the index does not hold; and looks the word up whole as well, its letters and
# digits joined (contactAutomations, /api/3/contact/sync -> api3contactsync), in the compounds
# field only (compounds:api3contactsync, which QUERY_FIELDS lets Material parse), the field that
# holds each entry's identifiers whole (search_words.identifier_words), so that the entry with
# the identifier itself ranks first. Words that are not split are left as Material makes them.
SPLIT_WORD_REQUIRED = Patch(
    name="split-word-required",
    asset="assets/javascripts/workers/search.*.min.js",
    find='r.push([e.slice(0,o),s.slice(...u),e.slice(a)].join(""))})}return r})}',
    replace=(
        'r.push([e.slice(0,o),s.slice(...u),e.slice(a)].join(""))})}'
        'let w=e.replace(/[^A-Za-z0-9]/g,"");'
        "return r.length>1?[...r.map(u=>/^[+-]/.test(u)||!lunr.stopWordFilter(u.toLowerCase())"
        "?u:u.length>1?`+${u}*`:`+${u}`),"
        f"...(w===e||w.length>={MIN_JOINED}?[`{COMPOUNDS_FIELD}:${{w}}`]:[])]:r}})}}"
    ),
    why="a code identifier (contact/sync, dealGroups) would rank every page with one of its parts",
)
# Material parses each query a second time to learn which of its words a result matched
# (integrations/search/query/_/index.ts), with the fields title, text and tags only: a word that
# names another field (compounds:dealstages, from SPLIT_WORD_REQUIRED) would fail that parse, and
# the whole query would find nothing. The fix lets it name the compounds field too.
QUERY_FIELDS = Patch(
    name="query-fields",
    asset="assets/javascripts/workers/search.*.min.js",
    find='let e=new lunr.Query(["title","text","tags"]);',
    replace=f'let e=new lunr.Query(["title","text","tags","{COMPOUNDS_FIELD}"]);',
    why="a typed identifier (dealStages) would make the whole query find nothing",
)
# Every word a reader types becomes a prefix query (deal*), and lunr tries a prefix in every
# field: in the compounds field, deal* matched the identifiers dealstages and dealgroups, weighed
# as a title, so "deal stages" ranked the API reference's endpoint table above the CRM page that
# is about them. The identifiers are there for a reader who types one (dealStages,
# /api/3/dealStages), whose joined form SPLIT_WORD_REQUIRED looks up in that field alone, as a
# prefix. The fix, in lunr's Index.query: a word searched in every field matches the compounds
# field only whole (whatsapp finds WhatsApp, 2500 finds 2,500; deal no longer finds dealStages).
COMPOUNDS_WHOLE_WORDS = Patch(
    name="compounds-whole-words",
    asset="assets/javascripts/workers/search.*.min.js",
    # in lunr's loop over a clause's expansions E and fields y: w is E's posting, D the key of
    # lunr's cache of match data (E/field), which a skipped expansion must not fill
    find='{var y=c.fields[d],j=w[y],C=Object.keys(j),D=E+"/"+y,',
    replace=(
        f'{{var y=c.fields[d],whole=y!=="{COMPOUNDS_FIELD}"||c.fields.length<2'
        '||E===c.term.replace(/[*]/g,""),'
        'j=whole?w[y]:{},C=Object.keys(j),D=whole?E+"/"+y:"",'
    ),
    why="a plain word (deal) would rank every identifier that starts with it (dealStages)",
)
# English word forms (idempotency, idempotent; tracking, track). Material keeps lunr's stemmer
# out of the pipeline by default, for good reason: every query word becomes a prefix query
# (word*), which skips the pipeline, so a stemmed index would no longer match what the reader
# types. When the search config lists "stemmer" (mkdocs.yml), the fix indexes each word twice,
# whole and as its stem (WORD_FORMS_INDEX), and the query adds each Latin word's stem, also as a
# prefix (WORD_FORMS_QUERY): idempotency searches idempotency* and idempot*, which finds
# "idempotent". A language whose lunr plugin brings its own pipeline (Chinese) is left alone.
# The same step drops English stop words from a query that has other words: the index holds
# none, but as prefixes (in*, the*) they matched include, theme and every page. It notes which
# word each added stem stands for (lunr.acForms, reset per query), so that PHRASE_FIRST takes
# "messag" for the "message" the reader typed.
WORD_FORMS_INDEX = Patch(
    name="word-forms-index",
    asset="assets/javascripts/workers/search.*.min.js",
    find='this.searchPipeline.remove(o[a]);this.ref("location");',
    replace=(
        "this.searchPipeline.remove(o[a]);"
        'e.pipeline.includes("stemmer")&&this.pipeline._stack.includes(lunr.stemmer)&&('
        "lunr.acWordForms||lunr.Pipeline.registerFunction(lunr.acWordForms=w=>{"
        "let v=lunr.stemmer(w.clone());return v.toString()===w.toString()?w:[w,v]},"
        '"acWordForms"),'
        "this.pipeline.after(lunr.stemmer,lunr.acWordForms),this.pipeline.remove(lunr.stemmer));"
        'this.ref("location");'
    ),
    why="a query would find only the word forms it starts with (idempotency, not idempotent)",
)
WORD_FORMS_QUERY = Patch(
    name="word-forms-query",
    asset="assets/javascripts/workers/search.*.min.js",
    find='.map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`).join(" ")}',
    replace=(
        ".map((r,i,a)=>{i||(lunr.acForms={});if(/(^[+-]|[~^]\\d+$)/.test(r))return r;"
        "if(/^[A-Za-z]+$/.test(r)&&!lunr.stopWordFilter(r.toLowerCase())&&a.some(x=>"
        '!/^[A-Za-z]+$/.test(x)||lunr.stopWordFilter(x.toLowerCase())))return"";'
        "let s=lunr.acWordForms&&/^[A-Za-z]{3,}$/.test(r)"
        '?lunr.stemmer(new lunr.Token(r.toLowerCase())).toString():"";'
        "return s&&s!==r.toLowerCase()?(lunr.acForms[s]=r.toLowerCase(),`${r}* ${s}*`):`${r}*`})"
        '.filter(Boolean).join(" ")}'
    ),
    why="a query would find only the word forms it starts with (idempotency, not idempotent)",
)
# Material ranks by lunr's score times a small bonus for the share of query words a result
# matches (integrations/search/_/index.ts), and a title match weighs 1000 times a text match: a
# section whose heading has one word of "live chat on website" outranks the page that says all
# of them. The fix ranks the results that match more of the query's words first, by score among
# equals (the words a result matched are Material's own `terms`); a result that says the query
# as a phrase (PHRASE_FIRST) has its score weighed PHRASE_WEIGHT times.
PHRASE_WEIGHT = 300
MORE_WORDS_FIRST = Patch(
    name="more-words-first",
    asset="assets/javascripts/workers/search.*.min.js",
    find=".sort((s,o)=>o.score-s.score).reduce(",
    replace=(
        ".sort((s,o)=>Object.values(o.terms).filter(Boolean).length"
        "-Object.values(s.terms).filter(Boolean).length"
        f"||o.score*(o.phrase?{PHRASE_WEIGHT}:1)-s.score*(s.phrase?{PHRASE_WEIGHT}:1)).reduce("
    ),
    why="a heading that shares one word of the query would outrank the answer that has them all",
)
# lunr scores each word of a query on its own, and Material turns its length normalisation off
# (b(0)): a long section that uses "open", "email" and "contact" far apart outranks the one that
# says "contacts who opened an email", and 打开过邮件的联系人 ranks four long sections above
# 打开或点击过邮件的联系人. The fix marks each result that holds the query's words as a phrase:
# each word (a stem counts as the word it came from, lunr.acForms) within three slots after the
# one before, in the query's order, in one paragraph of one field (a block of Material's position
# table: position = block << 20 | slot; a slot is a word, a stop word or a tag). Among results
# that match as many words, MORE_WORDS_FIRST weighs their score PHRASE_WEIGHT times: a little
# under a heading's match (the title field's boost, 1000), so a heading that names the query
# still leads, and a phrase in the text outranks a heading that shares one word of it.
# Ranked first outright, a phrase in a list of related pages outranked the page itself (data
# model objects). A one-word query leaves every result at 0.
READER_WORD = "(k=>lunr.acForms&&lunr.acForms[k]||k)"
PHRASE_FIRST = Patch(
    name="phrase-first",
    asset="assets/javascripts/workers/search.*.min.js",
    find="terms:f}))}return s},[])",
    replace=(
        "terms:f,phrase:((m,c)=>{"
        f"let R={READER_WORD},W=[...new Set(c.map(x=>R(x.term)))],P={{}};"
        "if(W.length<2)return 0;"
        # the slots of each paragraph of each field, with the reader's word found there
        "for(let k in m){let q=c.find(x=>k.startsWith(x.term)),w=R(q?q.term:k);"
        "for(let d in m[k])for(let z of m[k][d].position||[])"
        "(P[d+(z>>20)]||(P[d+(z>>20)]=[])).push([z&1048575,w])}"
        # from each place of the first word, the next word within three slots, and so on
        "for(let b in P)for(let[x,w]of P[b]){if(w!==W[0])continue;let at=x,i=1;"
        "for(;i<W.length;i++){let n=P[b].filter(([y,v])=>v===W[i]&&y>at&&y-at<=3);"
        "if(!n.length)break;at=Math.min(...n.map(a=>a[0]))}if(i===W.length)return 1}"
        "return 0})(u.metadata,r)}))}return s},[])"
    ),
    why="a long section with the query's words far apart would outrank one that says them together",
)
# A typo (pricng, webhok, pipline) matches nothing and the reader sees "no matching documents".
# When a query finds nothing, the fix searches again with each Latin word of five letters or
# more allowed one edit, or two from seven letters (lunr's word~1): pricng finds pricing, pipline
# pipelines. Queries that find something are left alone, so a correct word never pulls in
# look-alikes.
TYPO_FALLBACK = Patch(
    name="typo-fallback",
    asset="assets/javascripts/workers/search.*.min.js",
    find="try{return{type:3,data:de.search(e)}}",
    replace=(
        "try{let r=de.search(e),"
        'f=e.replace(/[A-Za-z]{5,}(?![~^\\w])/g,w=>w+(w.length<7?"~1":"~2"));'
        "return!r.items.length&&f!==e&&(r=de.search(f)),{type:3,data:r}}"
    ),
    why="a query with a typo would find nothing",
)
# The worker marks each match in a result's text by its position, right to left
# (integrations/search/highlighter): a word the query names twice (deals, and deal from
# WORD_FORMS_QUERY) has the same position twice, and the second <mark> lands inside the first,
# which the reader sees as ">deals". The fix marks each position once.
HIGHLIGHT_ONCE = Patch(
    name="highlight-once",
    asset="assets/javascripts/workers/search.*.min.js",
    find="for(let y of g.sort((b,E)=>E-b))",
    replace="for(let y of[...new Set(g)].sort((b,E)=>E-b))",
    why='a word matched by two forms would show as ">deals" in the results',
)
# The main bundle (integrations/search/worker/_/index.ts) hands the index to the worker at once
# over HTTP, but from file:// only when the reader opens the search box, so the first query
# waits for lunr to index the whole language. The fix adds a third trigger, the document event
# WARMUP_EVENT; overrides/assets/javascripts/search-warmup.js fires it at the reader's first
# move after load (pointer, touch, key, wheel), when the browser is idle.
# In this bundle L is rxjs merge, $ of, h fromEvent, m map, Je watchToggle.
WARMUP_EVENT = "ac:search-warmup"
SEARCH_WARMUP = Patch(
    name="search-warmup",
    asset="assets/javascripts/bundle.*.min.js",
    find='L($(location.protocol!=="file:"),Je("search"))',
    replace=f'L($(location.protocol!=="file:"),Je("search"),h(document,"{WARMUP_EVENT}").pipe(m(()=>!0)))',
    why="from file:// the first query would wait for the index to load",
)
# The bundle's language-switch helper (integrations/alternate/index.ts) fetches sitemap.xml
# beside every <link rel=alternate>. Those links are fully qualified (site_url) for search
# engines, so a page opened from file:// or on a preview host would request the public host.
# The fix fetches only the sitemaps of same-origin alternates (none from file://); the language
# menu's own relative links, and site.js, still take the reader to the same page.
ALTERNATE_SAME_ORIGIN = Patch(
    name="alternate-same-origin",
    asset="assets/javascripts/bundle.*.min.js",
    find="m(r=>new URL(r.href)),g(r=>!t.has(r.toString()))",
    replace="m(r=>new URL(r.href)),g(r=>r.origin===location.origin&&!t.has(r.toString()))",
    why="every page would request sitemap.xml from site_url's host, even from file://",
)
# The search box's query (components/search/query/index.ts) is read on keyup only. Text that
# arrives without a key release never searches: pasted from the context menu, dictated, dropped,
# or committed by an input method that sends none (Playwright's insert_text does the same). The
# fix reads it on input too; the stream drops a value that did not change, so typing is unchanged.
QUERY_ON_INPUT = Patch(
    name="query-on-input",
    asset="assets/javascripts/bundle.*.min.js",
    find='L(t.pipe(Re(zt)),h(e,"keyup"),o)',
    replace='L(t.pipe(Re(zt)),h(e,"keyup"),h(e,"input"),o)',
    why="a pasted or dictated query would not search until the reader pressed a key",
)
PATCHES: tuple[Patch, ...] = (
    SEGMENT_LAST_WORD,
    SEGMENT_SKIP_UNINDEXED,
    SEGMENT_SEPARATE_WORDS,
    SPLIT_WORD_REQUIRED,
    QUERY_FIELDS,
    COMPOUNDS_WHOLE_WORDS,
    WORD_FORMS_INDEX,
    WORD_FORMS_QUERY,
    MORE_WORDS_FIRST,
    PHRASE_FIRST,
    TYPO_FALLBACK,
    HIGHLIGHT_ONCE,
    SEARCH_WARMUP,
    ALTERNATE_SAME_ORIGIN,
    QUERY_ON_INPUT,
)


class PatchError(Exception):
    """A fix no longer applies to Material's shipped code."""


def apply_patch(text: str, patch: Patch, where: str) -> str:
    """Return ``text`` with ``patch`` applied; already patched text comes back unchanged."""
    found = text.count(patch.find)
    if found == 0 and text.count(patch.replace) == 1:
        return text
    if found != 1:
        raise PatchError(
            f"{where}: theme patch {patch.name!r} expected Material's code "
            f"{patch.find!r} once, found it {found} times. Without it {patch.why}. Material's "
            "search code changed: update or drop this patch in "
            "hooks/translations/output/theme_patches.py."
        )
    return text.replace(patch.find, patch.replace)


def patch_site(site_dir: Path, patches: Sequence[Patch] = PATCHES) -> list[str]:
    """Apply ``patches`` to the built site in ``site_dir``; return the files changed, once each."""
    changed: list[str] = []
    for patch in patches:
        matches = sorted(site_dir.glob(patch.asset))
        if len(matches) != 1:
            raise PatchError(
                f"{site_dir / patch.asset}: theme patch {patch.name!r} expected one file, found "
                f"{len(matches)}. Material's assets changed: update or drop this patch in "
                "hooks/translations/output/theme_patches.py."
            )
        path = matches[0]
        text = path.read_text(encoding="utf-8")
        patched = apply_patch(text, patch, str(path.relative_to(site_dir)))
        rel = path.relative_to(site_dir).as_posix()
        if patched != text:
            path.write_text(patched, encoding="utf-8")
            if rel not in changed:
                changed.append(rel)
    return changed


# Material's content-hashed names: bundle.a5f9d56c.min.js (name, 8 hex digits, the suffix)
_HASHED_NAME = re.compile(r"^(?P<name>.+)\.(?P<hash>[0-9a-f]{8})(?P<suffix>\.min\.js)$")
# the files that may refer to a script by name: pages, scripts (the bundle), the search config
_REFERRING = ("*.html", "*.js", "*.json")


def content_hash(data: bytes) -> str:
    """Eight hex digits of the content's SHA-256, the length of Material's own hashes."""
    return hashlib.sha256(data).hexdigest()[:8]


def fresh_names(site_dir: Path, changed: Sequence[str]) -> dict[str, str]:
    """Give each ``changed`` file (paths relative to ``site_dir``) with a hashed name the hash of
    its content, and rewrite every reference to it; return the old paths and the new.

    A file that names another changed file is renamed after it, once the reference in it is
    rewritten (the bundle would name the worker), so that its hash covers the new name. A
    reference to the file's source map (``.min.js.map``) stays: the map is Material's, unchanged.
    """
    pending = [rel for rel in changed if _HASHED_NAME.match(Path(rel).name)]
    renamed: dict[str, str] = {}
    if not pending:
        return renamed
    # every file that may name a script, read once (a site has hundreds; a rename touches few)
    referring = {
        path: path.read_text(encoding="utf-8")
        for pattern in _REFERRING
        for path in sorted(site_dir.rglob(pattern))
    }
    edited: set[Path] = set()
    while pending:
        texts = {rel: referring.get(site_dir / rel, "") for rel in pending}
        rel = next(
            (r for r in pending if not any(Path(o).name in texts[r] for o in pending if o != r)),
            pending[0],
        )
        pending.remove(rel)
        path = site_dir / rel
        match = _HASHED_NAME.match(path.name)
        assert match is not None  # pending holds hashed names only
        # its bytes as they will be written: references already rewritten in memory
        data = referring[path].encode("utf-8") if path in edited else path.read_bytes()
        new_name = f"{match['name']}.{content_hash(data)}{match['suffix']}"
        if new_name == path.name:
            continue
        new_path = path.with_name(new_name)
        path.replace(new_path)
        if path in referring:
            referring[new_path] = referring.pop(path)
            edited.discard(path)
            edited.add(new_path)
        renamed[rel] = new_path.relative_to(site_dir).as_posix()
        reference = re.compile(re.escape(path.name) + r"(?!\.map)")
        for other, text in referring.items():
            if path.name in text:
                referring[other] = reference.sub(new_name, text)
                edited.add(other)
    for other in sorted(edited):
        other.write_text(referring[other], encoding="utf-8")
    return renamed
