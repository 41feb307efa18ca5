"""What a translator may change without changing a fact (checks/notation.py), each case met on
a public bilingual site, and the drift beside it that must still be seen."""

from __future__ import annotations

import pytest

from translations.checks.notation import (
    prose_in_backticks,
    same_code,
    same_span,
    words_in_backticks,
    written_in,
)

C_EN = """/**
 * @brief   Brief description of the function.
 * @param   param1 Description of param1.
 */
int add(int param1) { return param1 + 1; }  // add one
"""
C_ZH = """/**
 * @brief   函数简要描述。
 * @param   param1 参数1的描述。
 */
int add(int param1) { return param1 + 1; }  // 加一
"""


@pytest.mark.parametrize(
    ("en", "zh", "info"),
    [
        (C_EN, C_ZH, "c"),  # comments translated
        ('print("Hello, world")\n', 'print("你好，世界")\n', "python"),  # a string's words
        ("pip install mineru  # the CLI\n", "pip install mineru  # 命令行\n", "bash"),
        ("mineru -p <input_path> -o <output_path>\n", "mineru -p <输入路径> -o <输出路径>\n", ""),
        ('{\n  "type": "text"\n}\n', '{\n  "type": "text"\n}\n', "json"),
        ("x = 1\n", "x = 1\n", "no-such-language"),
        ('[{"type": "header"}]\n', '[\n  {\n    "type": "header"\n  }\n]\n', "json"),  # layout
    ],
)
def test_translated_words_in_code_are_the_same_code(en: str, zh: str, info: str) -> None:
    assert same_code(en, zh, info)


@pytest.mark.parametrize(
    ("en", "zh", "info"),
    [
        (C_EN, C_ZH.replace("+ 1", "+ 2"), "c"),  # a number changed
        (C_EN, C_ZH.replace("param1)", "param2)"), "c"),  # an identifier changed
        ('{\n  "type": "text"\n}\n', '{\n  "type": "image"\n}\n', "json"),  # a value changed
        ("mineru -p <input_path>\n", "mineru -b <输入路径>\n", ""),  # an option changed
        ("pip install mineru\n", "pip install mineru[core]\n", "bash"),  # code added
        ('print("Hello")\n', 'echo("你好")\n', "python"),  # translated string, other call
    ],
)
def test_changed_code_is_still_different(en: str, zh: str, info: str) -> None:
    assert not same_code(en, zh, info)


def test_a_block_too_long_to_match_is_compared_as_written() -> None:
    en = "x = 1\n" * 3000
    assert same_code(en, en, "python")
    assert not same_code(en, en.replace("x = 1", "# 注释\nx = 1", 1) + "y\n", "python")


def test_translated_placeholders_in_code_spans() -> None:
    assert same_span("{original_filename}_middle.json", "{原文件名}_middle.json")
    assert same_span("<package_name>", "<包名>")
    assert not same_span("{original_filename}_model.json", "{原文件名}_middle.json")
    assert not same_span("list_items", "list_items")  # no translated part: not this rule's case
    assert not same_span("a.json", "b.json")


def test_names_in_other_capitals_or_only_in_a_link() -> None:
    assert written_in("MinerU", "Mineru的docker使用了vllm")
    assert written_in("GitHub", "https://github.com/opendatalab/MinerU/issues")
    assert written_in("`XLSX`", "支持 PDF、XLSX 等格式")
    assert not written_in("XLSX", "支持 PDF、XLSXM 等格式")  # only part of another word
    assert not written_in("IluvatarCorex", "新增国产算力平台天数智芯")  # translated: still shown
    assert not written_in("``", "anything")


def test_the_same_words_in_another_notation() -> None:
    assert written_in("page_footnote", "it drops page footnotes and headers")
    assert written_in("`0, 90, 180, 270`", "角度为 0，90，180，270 之一")  # full-width commas
    assert not written_in("page_footnote", "it drops page numbers")
    assert not written_in("0, 90, 180, 270", "角度为 0，90，180 之一")


# A tool's help output with its descriptions translated, and a tree whose labels are: the rest
# of a line from its first word in another script is prose (issue 24).
HELP_EN = """notes --help
Options:
  -q, --quiet          Skip warnings, print errors
  --port INTEGER       Port to serve on (default: 8080)
  --root PATH          Folder that holds the `notes` data
                       (created on first run)
"""
HELP_ZH = """notes --help
Options:
  -q, --quiet          只打印 errors，跳过 warnings
  --port INTEGER       服务端口（默认：8080）
  --root PATH          存放 `notes` 数据的文件夹
                       （首次运行时创建）
"""
TREE_EN = "Garden (beds | paths)\n└── Bed\n    └── Rows\n"
TREE_ZH = "花园 (beds | paths)\n└── 苗床\n    └── 行 (row)\n"


@pytest.mark.parametrize(("en", "zh", "info"), [(HELP_EN, HELP_ZH, "bash"), (TREE_EN, TREE_ZH, "")])
def test_translated_prose_in_text_blocks_is_the_same_text(en: str, zh: str, info: str) -> None:
    assert same_code(en, zh, info)


@pytest.mark.parametrize(
    ("en", "zh", "info"),
    [
        (HELP_EN, HELP_ZH.replace("--port", "--listen"), "bash"),  # an option renamed
        (HELP_EN, HELP_ZH.replace("--quiet", "--silent"), "bash"),  # an option renamed too
        ("├── docs/\n└── site/\n", "├── docs/\n└── public/\n", ""),  # a tree of file names
    ],
)
def test_the_code_beside_translated_prose_is_still_compared(en: str, zh: str, info: str) -> None:
    assert not same_code(en, zh, info)


# A description that wraps: its next line, in the description's column, is prose too, even
# where it starts with a name (`notes-api`); the lines are counted as the block has them.
WRAPPED_EN = (
    "Options:\n  --root PATH    Folder. If omitted, starts\n                 a notes-api service.\n"
)
WRAPPED_ZH = "Options:\n  --root PATH    文件夹；不传时启动\n                 notes-api\n"


@pytest.mark.parametrize("info", ["bash", "text", ""])
@pytest.mark.parametrize("blank", ["", "\n\n"])  # blank lines first: a lexer may strip them
def test_a_wrapped_description_is_prose_to_its_end(info: str, blank: str) -> None:
    assert same_code(blank + WRAPPED_EN, blank + WRAPPED_ZH, info)
    # control: out of the column, the same line is compared
    assert not same_code(blank + WRAPPED_EN, blank + WRAPPED_ZH.replace("   notes", " notes"), info)


def test_a_numbered_placeholder_is_one_translated_word() -> None:
    en, zh = (
        "expr1;\nwhile (expr2) {\n  statement\n}\n",
        "表达式 1;\nwhile (表达式 2) {\n  语句\n}\n",
    )
    assert same_code(en, zh, "c")
    assert not same_code(en, zh.replace("while", "if"), "c")


@pytest.mark.parametrize(
    ("span", "written", "prose"),
    [
        # names around a translated word: the other side writes each name
        ("CSV / 表格 / JSON", "reads `CSV`, spreadsheet and `JSON` files", ""),
        # numbers alone: the other side writes them together, in prose
        ("[0,1]", "", "比例在0-1之间"),
        ("(4 × 2)", "", "a 4×2 grid"),
        ("设置", "", ""),  # prose in another script only
        ("e^x", "返回 e 的 x 次幂", ""),  # a formula in one-letter names, in words
    ],
)
def test_prose_in_backticks_written_out(span: str, written: str, prose: str) -> None:
    assert prose_in_backticks(span, written, prose)


@pytest.mark.parametrize(
    ("span", "written", "prose"),
    [
        ("CSV / 表格 / XML", "reads `CSV`, spreadsheet and `JSON` files", ""),  # XML dropped
        ("[0,1]", "", "比例在0-100之间"),  # another range
        ("(4 × 2)", "", "先取 4 行，再取 2 列"),  # the numbers apart, with words between
        ("[0,1]", "x[0., 1.]", "索引从0开始，而不是1"),  # only in code, or far apart
        ("max_rows", "max rows", "max rows"),  # a Latin name is code, compared as before
        ("e^x", "返回 e 的平方", ""),  # x is not written
        ("A[i, j]", "矩阵 A 的第 i 行第 j 列", ""),  # one-letter names, but code: indexing
        ("a++;", "a 加一", ""),
    ],
)
def test_prose_in_backticks_not_written_out_is_still_a_fact(
    span: str, written: str, prose: str
) -> None:
    assert not prose_in_backticks(span, written, prose)


PROSE = "Run it from the command line. Each mode installs what it needs."


@pytest.mark.parametrize(
    ("span", "code", "words"),
    [
        ("command line mode", "", True),  # English words the page writes
        ("Command line mode", "", False),  # a capital: a name
        ("command line", "mineru --help", True),
        ("command line", "cmd = 'command'", False),  # a name in the page's code
        ("pip installs", "pip", False),  # a command: its program is another code span
        ("mode", "", False),  # one word: a name
        ("line mode ", "", False),  # not words alone
        ("command line_mode", "", False),
        ("command exit mode", "", False),  # exit: not in the prose
    ],
)
def test_words_in_backticks(span: str, code: str, words: bool) -> None:
    assert words_in_backticks(span, PROSE, code) is words
