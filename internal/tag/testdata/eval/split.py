#!/usr/bin/env python3
"""Split items.tsv into tune-items.tsv and holdout-items.tsv.

The rule was fixed before any item was labelled: an item is in the holdout
half when the first byte of sha256(headline encoded as UTF-8) is odd, and in
the tuning half otherwise. It depends on the headline alone, so adding or
removing other items never moves an item from one half to the other.

Usage: python3 split.py   (run in this directory; rewrites both outputs)
"""
import collections
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def is_holdout(headline):
    return hashlib.sha256(headline.encode("utf-8")).digest()[0] % 2 == 1


def main():
    comments, header, rows = [], None, []
    with open(os.path.join(HERE, "items.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                comments.append(line)
                continue
            if header is None:
                header = line
                continue
            cols = line.split("\t")
            if len(cols) != 5:
                sys.exit("items.tsv:%d: want 5 tab-separated columns, got %d" % (n, len(cols)))
            rows.append(cols)
    halves = {"tune": [], "holdout": []}
    for cols in rows:
        halves["holdout" if is_holdout(cols[3]) else "tune"].append(cols)
    counts = collections.Counter()
    for name, items in halves.items():
        with open(os.path.join(HERE, name + "-items.tsv"), "w", encoding="utf-8") as f:
            for c in comments:
                f.write(c + "\n")
            f.write("# This file is the %s half of items.tsv, written by split.py: holdout when the\n" % name)
            f.write("# first byte of sha256(headline as UTF-8) is odd, tuning otherwise.\n")
            f.write(header + "\n")
            for cols in items:
                f.write("\t".join(cols) + "\n")
                counts[(name, cols[1])] += 1
    for lang in sorted({c[1] for c in rows}):
        print("%s: tune %d, holdout %d" % (lang, counts[("tune", lang)], counts[("holdout", lang)]))
    print("total: tune %d, holdout %d" % (len(halves["tune"]), len(halves["holdout"])))


if __name__ == "__main__":
    main()
