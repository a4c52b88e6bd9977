#!/usr/bin/env python3
"""Rebuilds nl-words.txt.gz from the OpenTaal word list (Debian package wdutch).

Usage: apt-get install wdutch && python3 build-wordlist.py /usr/share/dict/dutch
Keeps lower-case entries only (capitalised entries are names and abbreviations), folds
diacritics the way Lucene's ASCIIFoldingFilter does for Dutch letters, keeps words of 4-20
letters a-z, deduplicates and sorts. gzip with mtime 0 so the output is reproducible.
"""
import gzip
import re
import sys
import unicodedata

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/dutch"
words = set()
with open(source, encoding="utf-8") as f:
    for line in f:
        w = line.strip()
        if not w or w != w.lower():
            continue
        folded = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
        if re.fullmatch(r"[a-z]{4,20}", folded):
            words.add(folded)
text = "\n".join(sorted(words)) + "\n"
with open("nl-words.txt.gz", "wb") as out:
    out.write(gzip.compress(text.encode("ascii"), 9, mtime=0))
print(f"{len(words)} words")
