"""A synthetic bilingual site of n page pairs for the build benchmarks.

Each pair is an English and a Chinese page with the same {#id} headings, a table, a code block
and links to the next page's sections, about 500 words. The navigation groups the pages the way
a growing site would: chapters of 10 pages, sections of 5 chapters, spread over 5 tabs, so that
`navigation.prune` has something to prune (with tabs and sections, Material renders the current
tab's sections and chapter titles, and only the current chapter's pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHAPTER = 10  # pages per chapter
SECTION = 5  # chapters per section
TABS = 5

EN_SENTENCES = [
    "An automation waits {n} days before it sends the next email in the sequence.",
    "Lead scoring adds {n} points when a contact opens a campaign or visits the pricing page.",
    "The deal moves to stage {n} of the pipeline once the owner logs a call.",
    "A segment of {n} contacts receives the conditional content block about the new plan.",
    "The API allows {n} requests per second for each account before it returns status 429.",
    "Site tracking records {n} page visits, and a goal ends the automation after the third.",
]
ZH_SENTENCES = [
    "自动化会等待{n}天，然后再发送序列中的下一封邮件。",
    "联系人打开营销活动或访问定价页面时，线索评分会增加{n}分。",
    "负责人记录一次通话后，商机会进入销售管道的第{n}个阶段。",
    "由{n}个联系人组成的分群会收到关于新套餐的条件内容块。",
    "每个账户每秒可发出{n}次API请求，超过后返回状态码429。",
    "站点跟踪记录了{n}次页面访问，第三次访问后目标会结束自动化。",
]


def _body(lang: str, index: int, n_pairs: int) -> str:
    sentences = EN_SENTENCES if lang == "en" else ZH_SENTENCES
    nxt = f"page-{(index + 1) % n_pairs:04d}.md"
    title = f"Synthetic page {index}" if lang == "en" else f"合成页面{index}"
    lines = [f"# {title} {{#page-{index}}}", ""]
    for s in range(1, 5):
        heading = f"Section {s}" if lang == "en" else f"第{s}节"
        lines += [f"## {heading} {{#section-{s}}}", ""]
        para = [
            sentences[(index + s + k) % len(sentences)].format(n=index + s + k) for k in range(5)
        ]
        lines += [" ".join(para) if lang == "en" else "".join(para), ""]
        lines += [f"- {sentences[(index + s) % len(sentences)].format(n=s)}" for _ in range(3)]
        lines.append("")
        if s == 2:
            head = "| Step | Days |" if lang == "en" else "| 步骤 | 天数 |"
            lines += [head, "|---|---|", *(f"| {k} | {index % 7 + k} |" for k in range(1, 6)), ""]
        if s == 3:
            lines += [
                "```bash",
                f'curl "https://example.api-us1.com/api/3/deals?page={index}"',
                "```",
                "",
            ]
        link = "See" if lang == "en" else "参见"
        lines += [f"{link} [{nxt}]({nxt}#section-{s}).", ""]
    return "\n".join(lines)


def write_site(root: Path, n_pairs: int) -> list[Any]:
    """Write root/en/ and root/zh/ (n_pairs pages each plus a start page); return the nav."""
    for lang in ("en", "zh"):
        folder = root / lang
        folder.mkdir(parents=True, exist_ok=True)
        start = "Synthetic site {#synthetic-site}" if lang == "en" else "合成站点 {#synthetic-site}"
        (folder / "index.md").write_text(
            f"---\ntitle: Start\n---\n# {start}\n\nSee [page 0](page-0000.md#section-1).\n",
            encoding="utf-8",
        )
        for i in range(n_pairs):
            text = f"---\ntitle: Page {i}\n---\n" + _body(lang, i, n_pairs)
            (folder / f"page-{i:04d}.md").write_text(text, encoding="utf-8")
    return navigation(n_pairs)


def navigation(n_pairs: int) -> list[Any]:
    """Tabs -> sections -> chapters -> pages, as MkDocs nav data."""
    pages = [f"page-{i:04d}.md" for i in range(n_pairs)]
    chapters = [
        {f"Chapter {c + 1}": pages[i : i + CHAPTER]}
        for c, i in enumerate(range(0, n_pairs, CHAPTER))
    ]
    sections = [
        {f"Section {s + 1}": chapters[i : i + SECTION]}
        for s, i in enumerate(range(0, len(chapters), SECTION))
    ]
    per_tab = -(-len(sections) // TABS)
    tabs = [
        {f"Part {t + 1}": sections[i : i + per_tab]}
        for t, i in enumerate(range(0, len(sections), per_tab))
    ]
    return [{"Start": ["index.md"]}, *tabs]
