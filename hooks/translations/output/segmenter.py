"""Chinese word segmentation for the search index: rjieba (jieba-rs, in Rust) in place of jieba.

Material's search plugin segments every run of Han characters with ``jieba.cut`` (it passes
UTF-8 bytes), and hooks/translations/plugin.py adds the glossary terms jieba would split with
``jieba.add_word``. jieba loads its dictionary on every build (1.5 to 2 s of a 3-second build
without the PDF); rjieba loads the same dictionary in milliseconds and segments the same way:
tests/test_segmenter.py compares both on every Han run of docs/, and the built search indexes
of both languages, byte for byte. ``Segmenter`` offers the part of jieba's module interface
those two callers use; a custom dictionary (Material's ``jieba_dict``, ``jieba_dict_user``),
which rjieba cannot load, hands everything back to jieba. Without rjieba installed, or with
``SEARCH_SEGMENTER=jieba`` in the environment, jieba itself is used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from types import ModuleType
from typing import Any

SEGMENTER_ENV = "SEARCH_SEGMENTER"  # "jieba": jieba itself


class Segmenter:
    """jieba's ``cut``, ``add_word``, ``set_dictionary`` and ``load_userdict``, done by rjieba
    until a dictionary of one's own is loaded (then by jieba, from the first word)."""

    def __init__(self, rjieba: ModuleType) -> None:
        self._rjieba = rjieba
        self._jieba: Any = None  # jieba, once a custom dictionary needs it
        self._words: list[tuple[str, int | None, str | None]] = []

    def cut(self, sentence: str | bytes, cut_all: bool = False, HMM: bool = True) -> Iterator[str]:
        if self._jieba is not None or cut_all:
            return self._fallback().cut(sentence, cut_all=cut_all, HMM=HMM)
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        return iter(self._rjieba.cut(text, HMM))

    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        # freq None: the frequency that keeps the word whole (jieba's suggest_freq), in both
        self._words.append((word, freq, tag))
        if self._jieba is not None:
            self._jieba.add_word(word, freq, tag)
        else:
            self._rjieba.add_word(word, freq, tag)

    def set_dictionary(self, path: str) -> None:
        self._fallback().set_dictionary(path)

    def load_userdict(self, path: Any) -> None:
        self._fallback().load_userdict(path)

    def _fallback(self) -> Any:
        if self._jieba is None:
            import jieba

            self._jieba = jieba
            for word, freq, tag in self._words:
                jieba.add_word(word, freq, tag)
        return self._jieba


def make_segmenter() -> Any:
    """rjieba behind jieba's interface, or the jieba module itself."""
    if os.environ.get(SEGMENTER_ENV) != "jieba":
        try:
            import rjieba
        except ImportError:
            pass
        else:
            return Segmenter(rjieba)
    import jieba

    return jieba
