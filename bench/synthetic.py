# ruff: noqa: E501 -- a table of sentence pairs; splitting them would hide which go together
"""The benchmark's one generator: synthetic bilingual trees of n clean page pairs.

Each page pair mixes what real pages hold (headings with ids, lists, a table, code, admonitions,
links, prices, dates, merge tags, glossary terms, skill mentions) so that the benchmark exercises
every check. `write_synthetic_tree(root, 1000)` writes root/docs/{en,zh}/ and root/data/; the
checks pass on it, and `navigation(n_pairs)` groups its pages for a full build the way a growing
site would (chapters of 10 pages, sections of 5 chapters, 5 tabs), so that `navigation.prune`
has something to prune. Used by bench/ and its tests only, never by the build."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from translations.read.source import body_hash

PLANS = [
    ("Starter", "入门版", 15, 10),
    ("Plus", "进阶版", 49, 10),
    ("Pro", "专业版", 79, 12),
    ("Enterprise", "企业版", 145, 15),
]
CHAPTER = 10  # pages per chapter
SECTION = 5  # chapters per section
TABS = 5
SKILLS = [
    "sales-email-marketing",
    "sales-deliverability",
    "sales-lead-score",
    "sales-integration",
    "sales-do",
]
TERMS = [
    ("ActiveCampaign", "ActiveCampaign", True), ("Postmark", "Postmark", True), ("automation", "自动化", False),
    ("email marketing", "邮件营销", False), ("campaign", "营销活动", False), ("deal", "商机", False),
    ("pipeline", "销售管道", False), ("lead scoring", "线索评分", False), ("lead score", "线索评分", False),
    ("landing page", "落地页", False), ("site tracking", "站点跟踪", False), ("segmentation", "分群", False),
    ("predictive sending", "预测性发送", False), ("conditional content", "条件内容", False),
    ("add-on", "附加功能", False), ("send limit", "发送上限", False), ("split action", "拆分动作", False),
    ("wait step", "等待步骤", False), ("trigger", "触发器", False), ("webhook", "Webhook", False),
    ("rate limit", "速率限制", False), ("custom field", "自定义字段", False), ("contact", "联系人", False),
    ("tag", "标签", False), ("goal", "目标", False),
]  # fmt: skip

# Sentence pairs; {placeholders} are filled with the same facts in both languages.
SENTENCES = [
    ("The {plan} plan costs ${price}/mo and its send limit is {mult}x your contact count.",
     "{plan}（{gloss}）套餐价格为{price}美元/月，其发送上限为联系人数量的{mult}倍。"),
    ("A wait step can hold each contact for {n} days before the automation moves on to the next step.",
     "等待步骤可以让每个联系人停留{n}天，之后自动化才进入下一步。"),
    ("Lead scoring adds {n} points whenever a contact opens an email from one of your campaigns.",
     "每当联系人打开你某个营销活动中的邮件时，线索评分就会增加{n}分。"),
    ("About {k}K contacts received a tag in {month} {year}, according to the segmentation report.",
     "根据分群报表，{year}年{m}月约有{wan}万个联系人获得了标签。"),
    ("Call `{code}` with your key; the endpoint `POST /api/3/contacts` creates one record per request.",
     "使用你的密钥调用`{code}`；接口`POST /api/3/contacts`每次请求创建一条记录。"),
    ("Open rates rose by {p}% once the conditional content matched what each reader had clicked before.",
     "条件内容与每位读者此前点击的内容相匹配后，打开率提升了{p}%。"),
    ("Insert %FIRSTNAME% in the subject line so that the campaign greets every reader by name.",
     "在主题行中插入%FIRSTNAME%，让营销活动用名字问候每位读者。"),
    ("The webhook retries {n} times, and the rate limit allows {r} requests per second per account.",
     "Webhook会重试{n}次，速率限制为每个账户每秒{r}次请求。"),
    ("ActiveCampaign moves each deal to the next stage of its pipeline within {n} minutes of the trigger.",
     "ActiveCampaign会在触发器触发后的{n}分钟内把每个商机移到其销售管道的下一个阶段。"),
    ("Every landing page can hold a form with up to {n} custom fields that map onto your records.",
     "每个落地页都可以包含一个表单，最多带有{n}个自定义字段，并映射到你的记录。"),
    ("Predictive sending picks the hour at which each contact is most likely to open, across {n} time zones.",
     "预测性发送会在{n}个时区中为每个联系人挑选最可能打开邮件的时刻。"),
    ("A split action sends {p}% of the contacts down the first path and the rest down the second path.",
     "拆分动作把{p}%的联系人送入第一条路径，其余的送入第二条路径。"),
    ("Site tracking records page visits, and a goal can end the automation once a visitor has seen {n} pages.",
     "站点跟踪会记录页面访问；访客浏览{n}个页面后，目标可以结束这个自动化。"),
    ("The Pipelines add-on costs $68/mo and is billed together with the plan from {month} {year} on.",
     "Pipelines（销售管道）附加功能价格为68美元/月，自{year}年{m}月起与套餐一起计费。"),
    ("Email marketing teams often send {n} messages a week, well below the monthly send limit.",
     "邮件营销团队通常每周发送{n}封邮件，远低于每月的发送上限。"),
    ("Postmark delivers receipts and password resets in under {n} seconds for most recipients.",
     "对大多数收件人，Postmark会在{n}秒内送达收据和密码重置邮件。"),
]  # fmt: skip
# Sentence pairs without numbers: most real prose states no figure at all.
PLAIN = [
    ("An automation starts when its trigger fires, and every contact then follows the steps you laid out.",
     "触发器触发后自动化开始运行，每个联系人随后按你安排的步骤前进。"),
    ("Keep the segmentation rules simple, so that the team can still explain why a contact is in a segment.",
     "保持分群规则简单，这样团队仍能解释某个联系人为什么属于某个分群。"),
    ("Conditional content shows a different block to each reader without building a second campaign.",
     "条件内容无需另建营销活动，就能向每位读者展示不同的内容块。"),
    ("ActiveCampaign keeps the history of every deal, so sales can see what happened before a call.",
     "ActiveCampaign会保留每个商机的历史记录，销售人员在通话前就能了解此前发生的事情。"),
    ("A goal lets contacts skip ahead once they have done what the automation was waiting for.",
     "目标让联系人在完成自动化所等待的动作后直接跳到后面的步骤。"),
    ("Check the landing page on a phone before you share it, since most visitors arrive on mobile.",
     "分享落地页之前先在手机上检查，因为大多数访客都来自移动端。"),
    ("Map every custom field before the import, or the values end up in the wrong place.",
     "导入前先映射每个自定义字段，否则数值会落到错误的位置。"),
    ("Use a tag for a fact about a contact that does not change often, such as a trade show visit.",
     "对于不常变化的联系人信息（例如参加过某次展会），使用标签来记录。"),
    ("Site tracking only works once the visitor is known, which usually happens after a form submission.",
     "只有在访客身份已知后站点跟踪才会生效，这通常发生在提交表单之后。"),
    ("Postmark sends the receipts, while ActiveCampaign sends the newsletters and the nurture emails.",
     "Postmark负责发送收据，而ActiveCampaign负责发送新闻通讯和培育邮件。"),
]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip


def _sentence(rng: random.Random) -> tuple[str, str]:
    """A sentence pair: two in three state no figure, as in real pages."""
    return _fill(rng, rng.choice(SENTENCES)) if rng.random() < 0.34 else rng.choice(PLAIN)


def _fill(rng: random.Random, pair: tuple[str, str]) -> tuple[str, str]:
    plan, gloss, price, mult = rng.choice(PLANS)
    month = rng.randrange(1, 13)
    wan = rng.randrange(1, 40)
    values = {
        "plan": plan, "gloss": gloss, "price": price, "mult": mult, "n": rng.randrange(2, 400),
        "r": rng.randrange(2, 9), "p": rng.randrange(5, 95), "k": wan * 10, "wan": wan,
        "year": rng.randrange(2019, 2027), "month": MONTHS[month - 1], "m": month,
        "code": rng.choice(["GET /api/3/deals", "PUT /api/3/contacts/{id}", "POST /api/3/contactTags"]),
    }  # fmt: skip
    return pair[0].format(**values), pair[1].format(**values)


def _page_pair(index: int, n_pairs: int, words: int, rng: random.Random) -> tuple[str, str]:
    """The bodies of one clean page pair of about `words` English words: every
    whitespace-separated word of the body counts (headings, table cells and code too), and the
    page ends as soon as it has them, after its closing link."""
    next_page = f"page-{(index + 1) % n_pairs:04d}.md"
    skill = SKILLS[index % len(SKILLS)]
    en: list[str] = []
    zh: list[str] = []
    count = 0

    def emit(e_lines: list[str], z_lines: list[str]) -> None:
        nonlocal count
        en.extend(e_lines)
        zh.extend(z_lines)
        count += sum(len(line.split()) for line in e_lines)

    def add(prefix: str = "") -> None:
        e, z = _sentence(rng)
        emit([prefix + e], [prefix + z])

    emit([f"# Synthetic page {index} {{#synthetic-page-{index}}}", ""],
         [f"# 合成页面{index} {{#synthetic-page-{index}}}", ""])  # fmt: skip
    section = 0
    see_also = (
        f"See [the next page]({next_page}#section-1) and `/{skill}` for more.",
        f"参见[下一页]({next_page}#section-1)和`/{skill}`了解更多。",
    )
    room = len(see_also[0].split())  # kept for the closing link
    while count + room < words:
        section += 1
        emit(["", f"## Section {section} {{#section-{section}}}", ""],
             ["", f"## 第{section}节 {{#section-{section}}}", ""])  # fmt: skip
        for _ in range(3):
            if count + room < words:
                add()
        emit([""], [""])
        for _ in range(3):
            if count + room < words:
                add("- ")
        if section % 3 == 1 and count + room < words:
            e, z = _fill(rng, SENTENCES[1])
            emit(["", "| Step | What happens |", "|---|---|", f"| Wait | {e} |", ""],
                 ["", "| 步骤 | 说明 |", "|---|---|", f"| 等待 | {z} |", ""])  # fmt: skip
        if section % 3 == 2 and count + room < words:
            url = f"https://example.api-us1.com/api/3/contacts?page={section}"
            code = ["", "```bash", f'curl -H "Api-Token: KEY" "{url}"', "```", ""]
            emit(code, code)
            emit(['!!! warning "Check this first"'], ['!!! warning "先检查这一点"'])
            add("    ")
        if section % 3 == 0 or count + room >= words:
            emit(["", see_also[0], ""], ["", see_also[1], ""])
    return "\n".join(en) + "\n", "\n".join(zh) + "\n"


def _start_page() -> tuple[str, str]:
    """The home page a build needs: a title and a link into the first page."""
    return (
        "# Synthetic site {#synthetic-site}\n\nSee [page 0](page-0000.md#section-1).\n",
        "# 合成站点 {#synthetic-site}\n\n参见[第0页](page-0000.md#section-1)。\n",
    )


def _related_skills() -> tuple[str, str]:
    en = ["# Related skills {#related-skills}", ""]
    zh = ["# 相关技能 {#related-skills}", ""]
    for name in SKILLS:
        en += [f"## /{name} {{#{name}}}", "", f"Go to `/{name}` for this topic.", ""]
        zh += [f"## /{name} {{#{name}}}", "", f"此类问题请使用`/{name}`。", ""]
    return "\n".join(en), "\n".join(zh)


def _data_files() -> dict[str, str]:
    plans = "".join(
        f"  - {{name: {name}, gloss: {{zh: {gloss}}}, price: {price}, send_multiplier: {mult},"
        f" features: {{en: [Email marketing], zh: [邮件营销]}}}}\n"
        for name, gloss, price, mult in PLANS
    )
    return {
        "pricing.yml": (
            "as_of: 2026-03-01\nas_of_label: {en: March 2026, zh: 2026年3月}\nmax_age_days: 100000\n"
            "verify_url: https://www.activecampaign.com/pricing\ncurrency: USD\n"
            "basis: {en: 'billed annually, 1,000 contacts', zh: '年付，1,000个联系人'}\n"
            f"plans:\n{plans}"
            "addons:\n  - {name: Pipelines, gloss: {zh: 销售管道}, price: 68, en: CRM deals, zh: CRM商机}\n"
        ),
        "skills.yml": "skills:\n"
        + "".join(f"  - {{name: {n}, en: {n}, zh: {n}}}\n" for n in SKILLS),
        "glossary.yml": "terms:\n"
        + "".join(
            f"  - {{en: {en}, zh: {zh}{', brand: true' if brand else ''}}}\n"
            for en, zh, brand in TERMS
        ),
        "untranslated.yml": "pages: []\n",
    }


def write_synthetic_tree(root: Path, n_pairs: int, words: int = 600, seed: int = 0) -> Path:
    """Write n_pairs clean page pairs (two of them the home and related-skills pages) and the
    data files."""
    root = Path(root)
    rng = random.Random(seed)
    for lang in ("en", "zh"):
        (root / "docs" / lang).mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(parents=True, exist_ok=True)
    for name, text in _data_files().items():
        (root / "data" / name).write_text(text, encoding="utf-8")
    home, skills, *pages = page_names(n_pairs)
    pairs = {home: _start_page(), skills: _related_skills()}
    for index, name in enumerate(pages):
        pairs[name] = _page_pair(index, len(pages), words, rng)
    for name, (en_body, zh_body) in pairs.items():
        title = name.removesuffix(".md")
        en_text = f"---\ntitle: {title}\ndescription: Synthetic page.\n---\n{en_body}"
        zh_text = f"---\ntitle: {title}\ndescription: 合成页面。\ntranslation_of: {body_hash(en_body)}\n---\n{zh_body}"
        (root / "docs" / "en" / name).write_text(en_text, encoding="utf-8")
        (root / "docs" / "zh" / name).write_text(zh_text, encoding="utf-8")
    return root


def page_names(n_pairs: int) -> list[str]:
    """The pages `write_synthetic_tree(root, n_pairs)` writes, in navigation order."""
    pages = (f"page-{i:04d}.md" for i in range(max(n_pairs - 2, 1)))
    return ["index.md", "related-skills.md", *pages]


def navigation(n_pairs: int) -> list[Any]:
    """Tabs -> sections -> chapters -> pages of a synthetic tree, as MkDocs nav data."""
    home, skills, *pages = page_names(n_pairs)
    chapters = [
        {f"Chapter {c + 1}": pages[i : i + CHAPTER]}
        for c, i in enumerate(range(0, len(pages), CHAPTER))
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
    return [{"Start": [home, skills]}, *tabs]
