"""The search index's Chinese segmentation (translations/output/segmenter.py): rjieba segments
exactly as jieba does, on every run of Han characters of the docs and in the built site, byte for
byte."""

from __future__ import annotations

import re

import jieba
import pytest
import rjieba
import yaml

from tests.sitebuild import REPO
from translations.output.i18n import words_to_keep_whole
from translations.output.segmenter import Segmenter

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # what Material segments


def han_runs() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "docs").rglob("*.md")))
    return sorted(set(HAN.findall(text)))


def glossary_words(cut) -> list[str]:
    entries = yaml.safe_load((REPO / "data" / "glossary.yml").read_text(encoding="utf-8"))
    return words_to_keep_whole([t["zh"] for t in entries["terms"]], cut)


def differences(segmenter: Segmenter, runs: list[str]) -> list[str]:
    out = []
    for run in runs:
        theirs, ours = list(jieba.cut(run.encode("utf-8"))), list(segmenter.cut(run.encode()))
        if theirs != ours:
            out.append(f"{run}: jieba {'/'.join(theirs)}, rjieba {'/'.join(ours)}")
    return out


JIEBA_WORDS: list[str] = []  # the glossary terms jieba splits, before they were added


@pytest.fixture(scope="module")
def runs() -> list[str]:
    if not JIEBA_WORDS:
        JIEBA_WORDS.extend(glossary_words(jieba.cut))
        for word in JIEBA_WORDS:
            jieba.add_word(word)  # as hooks/translations/plugin.py does
    assert JIEBA_WORDS, "no glossary term to keep whole: the comparison would prove less"
    return han_runs()


def test_rjieba_segments_every_han_run_of_the_docs_as_jieba(runs: list[str]) -> None:
    segmenter = Segmenter(rjieba.Jieba())
    words = glossary_words(segmenter.cut)
    assert words == JIEBA_WORDS
    for word in words:
        segmenter.add_word(word)
    assert len(runs) > 1000
    assert differences(segmenter, runs) == []


def test_the_comparison_sees_a_difference(runs: list[str]) -> None:
    # negative control: without the glossary words, rjieba splits the terms jieba keeps whole
    found = differences(Segmenter(rjieba.Jieba()), runs)
    assert found and any("分群" in line for line in found), found


def test_a_custom_dictionary_hands_over_to_jieba(tmp_path) -> None:
    segmenter = Segmenter(rjieba.Jieba())
    segmenter.add_word("营销自动化平台")
    userdict = tmp_path / "user.txt"
    userdict.write_text("线索评分卡 10\n", encoding="utf-8")
    with userdict.open("rb") as file:  # a path: jieba leaves the file open
        segmenter.load_userdict(file)
    assert segmenter._jieba is jieba  # jieba, with the words added before
    assert "营销自动化平台" in list(segmenter.cut("营销自动化平台"))


# The built site with jieba against the one with rjieba, byte for byte: the reproducible gate's
# second build segments with jieba (tests/gates/test_reproducible.py).
