#!/usr/bin/env python3
"""Reconstructs the raw text of a CoNLL-U file, as the UD shared task did.

Usage: python3 tools/conllu_to_text.py GOLD.conllu > GOLD.txt

A paragraph starts at each `# newpar` or `# newdoc` comment (and at the first
sentence); paragraphs are separated by one blank line. Within a paragraph the
sentences are joined with a single space, each taken from its `# text` comment,
or, when it has none, from its tokens (multiword tokens as one token, empty nodes
skipped) joined with a space unless the token's MISC has SpaceAfter=No. The
output ends with a newline. This is the input of the raw-text evaluation
(docs/evaluation.md). Python 3 standard library only.
"""

import re
import sys

TEXT_RE = re.compile(r"^#\s*text\s*=\s?(.*)$")
PARAGRAPH_RE = re.compile(r"^#\s*(newpar|newdoc)(\s|=|$)")


def fail(path, line_no, message):
    sys.exit("conllu_to_text.py: {}:{}: {}".format(path, line_no, message))


def token_text(tokens):
    """Joins (form, space_after) pairs the way the text was written."""
    out = []
    for i, (form, space_after) in enumerate(tokens):
        out.append(form)
        if space_after and i + 1 < len(tokens):
            out.append(" ")
    return "".join(out)


def sentences(path, lines):
    """Yields (starts_paragraph, text) for each sentence of a CoNLL-U file."""
    new_par, text, tokens, skip_until = False, None, [], 0
    line_no = 0
    for line_no, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line:
            if text is not None or tokens:
                yield new_par, text if text is not None else token_text(tokens)
            new_par, text, tokens, skip_until = False, None, [], 0
            continue
        if line.startswith("#"):
            if PARAGRAPH_RE.match(line):
                new_par = True
            match = TEXT_RE.match(line)
            if match:
                text = match.group(1)
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            fail(path, line_no, "expected 10 tab-separated columns, found {}".format(len(cols)))
        word_id = cols[0]
        if "." in word_id:
            continue  # empty node: no surface text
        space_after = "SpaceAfter=No" not in cols[9].split("|")
        if "-" in word_id:
            try:
                skip_until = int(word_id.split("-")[1])
            except ValueError:
                fail(path, line_no, "bad multiword token ID '{}'".format(word_id))
            tokens.append((cols[1], space_after))
            continue
        try:
            number = int(word_id)
        except ValueError:
            fail(path, line_no, "bad word ID '{}'".format(word_id))
        if number > skip_until:  # words inside a multiword token add no text
            tokens.append((cols[1], space_after))
    if text is not None or tokens:
        yield new_par, text if text is not None else token_text(tokens)


def convert(path, lines, out):
    paragraphs = []
    for starts_paragraph, text in sentences(path, lines):
        if starts_paragraph or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(text)
    out.write("\n\n".join(" ".join(p) for p in paragraphs))
    out.write("\n")


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        sys.exit("usage: python3 tools/conllu_to_text.py FILE.conllu > FILE.txt")
    with open(argv[1], encoding="utf-8") as f:
        convert(argv[1], f, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
