"""Benchmarks: `python -m bench` runs them all, `python -m bench extraction` one of them."""

from __future__ import annotations

import sys

from bench import diffing, extraction, fuzz, scale

BENCHMARKS = {"extraction": extraction.main, "diffing": diffing.main, "scale": scale.main, "fuzz": fuzz.main}


def main(names: list[str]) -> None:
    for name in names or list(BENCHMARKS):
        BENCHMARKS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
