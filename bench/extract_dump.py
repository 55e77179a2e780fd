"""The extractor's output on every bench document, for byte-for-byte checks of speed work, and one cold pass to measure.

    .venv/bin/python -m bench.extract_dump dump OUT.json   # every output, json with sorted keys, one file
    .venv/bin/python -m bench.extract_dump pass [--cold]   # load, one warm-up pass; --cold: one more, caches emptied
    .venv/bin/python -m bench.extract_dump profile [N]     # cProfile of one cold pass, top N by cumulative time

The documents are bench_extract's: its five sets (seeds with the .txt examples, ../shared/real text and OCR,
tests/data/real text and OCR) and its 100-page minutes. `pass` is for valgrind: the instruction count of a cold pass
is that of `pass --cold` minus that of `pass` (load and warm-up cancel out), independent of the machine's load; or,
in one run, the second dump of `valgrind --tool=callgrind --dump-before='os_getppid*' … pass --cold`.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys

from bench.bench_extract import SETS, _documents, _word_caches, hundred_pages


def documents() -> list[tuple[str, str]]:
    docs = [(f"{name}/{source}", text) for name, folder, _ in SETS for source, text in _documents(folder)]
    return docs + [("hundred_pages", hundred_pages())]


def one_pass(docs: list[tuple[str, str]]) -> list[dict]:
    from planner.extract import extract

    return [extract(text, key.rsplit("/", 1)[-1]) for key, text in docs]


def cold_pass(docs: list[tuple[str, str]]) -> list[dict]:
    """One pass with the per-word caches emptied first, as every timed pass of bench_extract."""
    for cache in _word_caches():
        cache.cache_clear()
    return one_pass(docs)


def main(argv: list[str]) -> None:
    docs = documents()
    if argv[0] == "dump":
        outputs = cold_pass(docs)
        with open(argv[1], "w", encoding="utf-8") as out:
            for (key, _), output in zip(docs, outputs, strict=True):
                out.write(key + "\t" + json.dumps(output, sort_keys=True, ensure_ascii=False) + "\n")
    elif argv[0] == "pass":
        one_pass(docs)
        if "--cold" in argv:
            os.getppid()  # a marker: valgrind --dump-before=os_getppid* dumps the counts before and after the pass
            cold_pass(docs)
            os.getppid()
    elif argv[0] == "profile":
        one_pass(docs)
        profiler = cProfile.Profile()
        profiler.enable()
        cold_pass(docs)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(int(argv[1]) if len(argv) > 1 else 60)
        stats.sort_stats("tottime").print_stats(int(argv[1]) if len(argv) > 1 else 60)


if __name__ == "__main__":
    main(sys.argv[1:])
