#!/usr/bin/env python3
"""Check dyad's event dictionary (data/events/*.txt) against docs/dictionaries.md.

Validates the record syntax, the fields of @class and @code records, the pattern
lines (trigger, particle, constraints), that every @class referenced exists, that
codes are CAMEO 1.1b3 codes filed under their own root, that Goldstein scores lie in
[-10, 10] and PLOVER types are among the 16 current PLOVER types, and that no
pattern line is given to two different codes. Then prints pattern and code counts
per root.

Usage: tools/check_events.py [DIR]        (DIR defaults to data/events)
Exit status 1 when any error is found.
"""
import os
import re
import sys
from collections import defaultdict

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
}

# CAMEO 1.1b3 codes: root -> sub-codes written compactly ("021:0211-0214").
_CAMEO_SPEC = """
01: 010 011 012 013 014 015 016 017 018 019
02: 020 021:0211-0214 022 023:0231-0234 024:0241-0244 025:0251-0256 026 027 028
03: 030 031:0311-0314 032 033:0331-0334 034:0341-0344 035:0351-0356 036 037 038 039
04: 040 041 042 043 044 045 046
05: 050 051 052 053 054 055 056 057
06: 060 061 062 063 064
07: 070 071 072 073 074 075
08: 080 081:0811-0814 082 083:0831-0834 084:0841-0842 085 086:0861-0863 087:0871-0874
09: 090 091 092 093 094
10: 100 101:1011-1014 102 103:1031-1034 104:1041-1044 105:1051-1056 106 107 108
11: 110 111 112:1121-1125 113 114 115 116
12: 120 121:1211-1214 122:1221-1224 123:1231-1234 124:1241-1246 125 126 127 128 129
13: 130 131:1311-1313 132:1321-1324 133 134 135 136 137 138:1381-1385 139
14: 140 141:1411-1414 142:1421-1424 143:1431-1434 144:1441-1444 145:1451-1454
15: 150 151 152 153 154
16: 160 161 162:1621-1623 163 164 165 166:1661-1663
17: 170 171:1711-1712 172:1721-1724 173 174 175
18: 180 181 182:1821-1823 183:1831-1833 184 185 186
19: 190 191 192 193 194 195 196
20: 200 201 202 203 204:2041-2042
"""


def cameo_codes():
    codes = {}
    for line in _CAMEO_SPEC.strip().splitlines():
        root, rest = line.split(":", 1)
        for item in rest.split():
            parts = item.split(":")
            codes[parts[0]] = root
            if len(parts) == 2:
                lo, hi = parts[1].split("-")
                for n in range(int(lo), int(hi) + 1):
                    codes[str(n).zfill(4)] = root
    return codes


CAMEO = cameo_codes()
DEFAULT_DISCARDS = {"sports", "business", "weather", "culture"}
PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "amid", "among",
    "around", "as", "at", "before", "behind", "below", "beside", "between",
    "beyond", "by", "despite", "during", "for", "from", "in", "inside", "into",
    "like", "near", "of", "off", "on", "onto", "out", "outside", "over", "past",
    "regarding", "since", "through", "throughout", "to", "toward", "towards",
    "under", "until", "upon", "via", "with", "within", "without", "per",
    "concerning", "following", "including", "behalf", "amongst", "alongside",
    "aboard", "atop", "beneath", "underneath", "besides", "versus", "unlike", "except",
}
SLOT_KEYS = {"obj", "subj", "xcomp", "has"}
CODE_FIELDS = {"label", "plover", "mode", "context", "goldstein", "verb", "noun"}
CLASS_FIELDS = {"term"}
WORD_RE = re.compile(r"^[\w][\w'.\-éèçà]*$", re.UNICODE)
FILE_RE = re.compile(r"^(\d\d)_[a-z_]+\.txt$")


class Checker:
    def __init__(self, directory):
        self.dir = directory
        self.errors = []
        self.classes = {}          # name -> file:line
        self.class_terms = defaultdict(set)
        self.structured = defaultdict(list)  # (kind, trigger, particle) -> [(code, where, {key: values})]
        self.warnings = []
        self.class_refs = []       # (name, where)
        self.codes = {}            # code -> dict
        self.patterns = defaultdict(list)   # normalized pattern -> [(code, where)]
        # the labels of data/actors/discards.txt when it exists (catches typos), else the four
        # labels docs/dictionaries.md names
        self.discards = self.read_discards() or set(DEFAULT_DISCARDS)

    def read_discards(self):
        path = os.path.join(self.dir, "..", "actors", "discards.txt")
        labels = set()
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    m = re.match(r"^@discard\s+(\S+)", line)
                    if m:
                        labels.add(m.group(1))
        return labels

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    # ------------------------------------------------------------ records
    def read_file(self, path, root):
        kind = None
        key = None
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                where = f"{path}:{n}"
                line = raw.rstrip("\n")
                if "\t" in line:
                    self.err(where, "tab character; use spaces")
                stripped = line.strip()
                if not stripped or stripped.startswith("#"):
                    continue
                cut = line.find(" #")
                if cut >= 0:
                    line = line[:cut]
                line = line.strip()
                if line.startswith("@"):
                    kind, key = self.start_record(line, where, root)
                    continue
                m = re.match(r"^([a-z_]+):\s*(.*)$", line)
                if not m:
                    self.err(where, "expected 'field: value' or '@kind KEY'")
                    continue
                field, value = m.group(1), m.group(2).strip()
                if kind is None:
                    self.err(where, "field line before any @ record")
                    continue
                if not value:
                    self.err(where, f"empty value for '{field}'")
                    continue
                if kind == "class":
                    if field not in CLASS_FIELDS:
                        self.err(where, f"unknown field '{field}' in @class (only 'term')")
                    else:
                        for term in value.split(";"):
                            if not term.strip():
                                self.err(where, "empty term in list")
                            self.class_terms[key].add(term.strip().lower())
                elif kind == "code":
                    self.code_field(key, field, value, where)

    def start_record(self, line, where, root):
        m = re.match(r"^@(\w+)\s+(\S.*)$", line)
        if not m:
            self.err(where, "record line must be '@kind KEY'")
            return None, None
        kind, key = m.group(1), m.group(2).strip()
        if kind == "class":
            if root is not None:
                self.err(where, "@class records belong in classes.txt")
            if not re.match(r"^[a-z][a-z0-9_]*$", key):
                self.err(where, f"bad class name '{key}' (lowercase, digits, _)")
            if key in self.classes:
                self.err(where, f"class '{key}' already defined at {self.classes[key]}")
            self.classes[key] = where
            return kind, key
        if kind == "code":
            if root is None:
                self.err(where, "@code records belong in the NN_*.txt root files")
            if key not in CAMEO:
                self.err(where, f"'{key}' is not a CAMEO 1.1b3 code")
            elif root is not None and CAMEO[key] != root:
                self.err(where, f"code {key} belongs to root {CAMEO[key]}, not this file's {root}")
            if key in self.codes:
                self.err(where, f"code {key} already defined at {self.codes[key]['where']}")
            self.codes[key] = {"where": where, "fields": defaultdict(list), "patterns": 0}
            return kind, key
        self.err(where, f"unknown record kind '@{kind}' (use @class or @code here)")
        return None, None

    def code_field(self, code, field, value, where):
        if field not in CODE_FIELDS:
            self.err(where, f"unknown field '{field}' in @code")
            return
        rec = self.codes[code]
        if field in ("verb", "noun"):
            for pat in value.split(";"):
                self.pattern(code, field, pat.strip(), where)
            return
        if field in ("label", "plover", "mode", "goldstein") and rec["fields"][field]:
            self.err(where, f"'{field}' given twice for code {code}")
        rec["fields"][field].append(value)
        if field == "plover" and value not in PLOVER_TYPES:
            self.err(where, f"'{value}' is not one of the 16 PLOVER types")
        if field == "goldstein":
            try:
                g = float(value)
                if not -10.0 <= g <= 10.0:
                    self.err(where, f"goldstein {g} outside [-10, 10]")
            except ValueError:
                self.err(where, f"goldstein '{value}' is not a number")

    # ------------------------------------------------------------ patterns
    def pattern(self, code, kind, text, where):
        if not text:
            self.err(where, "empty pattern")
            return
        try:
            tokens = tokenize(text)
        except ValueError as e:
            self.err(where, str(e))
            return
        trigger = tokens.pop(0)
        if trigger.startswith('"'):
            if kind == "verb":
                self.err(where, "quoted multiword triggers are for nouns; use 'verb: LEMMA PARTICLE'")
            words = trigger.strip('"').split()
            if len(words) < 2:
                self.err(where, "a quoted trigger needs two or more words")
            elif words[-1].lower() in PREPOSITIONS:
                self.err(where, f"the last word of a quoted trigger is its head; '{words[-1]}' is a "
                                "preposition: write it as a constraint (noun: call for=*)")
        else:
            words = [trigger]
        for w in words:
            if not WORD_RE.match(w):
                self.err(where, f"bad trigger word '{w}'")
        if "=" in trigger:
            self.err(where, "pattern must start with the trigger lemma")
            return
        particle = ""
        if kind == "verb" and tokens and "=" not in tokens[0]:
            particle = tokens.pop(0)
            if not WORD_RE.match(particle):
                self.err(where, f"bad particle '{particle}'")
        elif kind == "noun" and tokens and "=" not in tokens[0]:
            self.err(where, f"'{tokens[0]}': nouns take no particle; quote a multiword noun")
        seen = set()
        cons = {}
        for tok in tokens:
            self.constraint(tok, kind, where, seen)
            m = re.match(r'^(!?[a-z]+)=(.+)$', tok)
            if m and not m.group(1).startswith("!") and m.group(1) != "target":
                cons[m.group(1)] = split_values(m.group(2))
        self.structured[(kind, trigger.lower(), particle.lower())].append((code, where, cons))
        norm = kind + ":" + " ".join(t.lower() for t in ([trigger, particle] + sorted(tokens)))
        self.patterns[norm].append((code, where))
        self.codes[code]["patterns"] += 1

    def constraint(self, tok, kind, where, seen):
        m = re.match(r'^(!?)([a-z]+)=(.+)$', tok)
        if not m:
            self.err(where, f"bad constraint '{tok}' (KEY=VALUES or !KEY=VALUES)")
            return
        neg, key, values = m.group(1), m.group(2), m.group(3)
        # has= takes one lemma sequence, so several has= (or !has=) constraints
        # are how a line lists more than one
        if (neg + key) in seen and key != "has":
            self.err(where, f"constraint '{neg}{key}' given twice; list values with commas")
        seen.add(neg + key)
        if key == "context":
            if not neg:
                self.err(where, "context constraints are negative only: !context=LABEL")
            for label in values.split(","):
                if label not in self.discards:
                    self.err(where, f"unknown discard label '{label}' (known: {sorted(self.discards)})")
            return
        if key == "target":
            if neg:
                self.err(where, "target cannot be negated")
            if values not in ("obj", "subj", "none") and values not in PREPOSITIONS:
                self.err(where, f"target '{values}' must be obj, subj, none or a preposition")
            return
        if key in ("source", "agent"):  # extensions (docs/dictionaries.md): where the source is
            if neg:
                self.err(where, f"{key} cannot be negated")
            allowed = ("obj", "subj", "none") if key == "source" else ()
            if values not in allowed and values not in PREPOSITIONS:
                self.err(where, f"{key} '{values}' must be " + ("obj, subj, none or " if allowed else "") + "a preposition")
            return
        if key not in SLOT_KEYS and key not in PREPOSITIONS:
            self.err(where, f"unknown constraint key '{key}' (obj, subj, xcomp, has, a preposition)")
            return
        if key == "xcomp" and kind == "noun":
            self.err(where, "xcomp applies to verb triggers only")
        for v in split_values(values):
            if v == "*":
                if key == "has":
                    self.err(where, "has=* is meaningless")
                continue
            if v.startswith("@"):
                self.class_refs.append((v[1:], where))
                continue
            if v.startswith('"'):
                if key != "has":
                    self.err(where, f"quoted value {v} only allowed in has=")
                words = v.strip('"').split()
            else:
                words = [v]
            for w in words:
                if not WORD_RE.match(w):
                    self.err(where, f"bad lemma '{w}' in '{tok}'")

    # ------------------------------------------------------------ whole-dictionary checks
    def finish(self):
        for name, where in self.class_refs:
            if name not in self.classes:
                self.err(where, f"class @{name} is not defined in classes.txt")
        for code, rec in self.codes.items():
            f = rec["fields"]
            for req in ("label", "goldstein"):
                if not f[req]:
                    self.err(rec["where"], f"code {code} lacks '{req}'")
            if not f["plover"] and CAMEO.get(code) != "01":
                self.err(rec["where"], f"code {code} lacks 'plover'")
        self.find_ties()
        for norm, uses in self.patterns.items():
            codes = {c for c, _ in uses}
            if len(codes) > 1:
                places = ", ".join(f"{c} at {w}" for c, w in uses)
                self.err(uses[0][1], f"same pattern given to several codes: {places}")
            elif len(uses) > 1:
                self.err(uses[1][1], f"duplicate pattern (first at {uses[0][1]})")


    def expand(self, values):
        out = set()
        for v in values:
            if v.startswith("@"):
                out |= self.class_terms.get(v[1:], set())
            else:
                out.add(v.strip('"').lower())
        return out

    def find_ties(self):
        """Warn when two codes share a trigger and the same constraint keys with overlapping
        literal values: the engine would have no specificity to choose between them."""
        for key, pats in self.structured.items():
            for i in range(len(pats)):
                for j in range(i + 1, len(pats)):
                    (c1, w1, k1), (c2, w2, k2) = pats[i], pats[j]
                    if c1 == c2 or set(k1) != set(k2):
                        continue
                    common = []
                    tie = True
                    for ck in k1:
                        if k1[ck] is None:
                            continue
                        a, b = k1[ck], k2[ck]
                        if ("*" in a) != ("*" in b):
                            tie = False
                            break
                        if "*" in a:
                            continue
                        inter = self.expand(a) & self.expand(b)
                        if not inter:
                            tie = False
                            break
                        common.append(f"{ck}={','.join(sorted(inter)[:4])}")
                    if tie:
                        self.warnings.append(f"{w2}: possible tie between {c1} ({w1}) and {c2} on "
                                             f"'{' '.join(k for k in key[1:] if k)}' {' '.join(common)}")


def tokenize(text):
    """Split on spaces, keeping "quoted strings" (also inside key="...") whole."""
    tokens, cur, quoted = [], "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
            cur += ch
        elif ch.isspace() and not quoted:
            if cur:
                tokens.append(cur)
            cur = ""
        else:
            cur += ch
    if quoted:
        raise ValueError(f"unbalanced quote in '{text}'")
    if cur:
        tokens.append(cur)
    return tokens


def split_values(values):
    out, cur, quoted = [], "", False
    for ch in values:
        if ch == '"':
            quoted = not quoted
            cur += ch
        elif ch == "," and not quoted:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [v for v in out if v != ""] or [""]


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "events")
    directory = os.path.normpath(directory)
    chk = Checker(directory)
    classes_path = os.path.join(directory, "classes.txt")
    if os.path.exists(classes_path):
        chk.read_file(classes_path, None)
    else:
        chk.err(classes_path, "missing")
    roots_seen = set()
    for name in sorted(os.listdir(directory)):
        if name == "classes.txt" or not name.endswith(".txt"):
            continue
        m = FILE_RE.match(name)
        if not m or m.group(1) not in {f"{i:02d}" for i in range(1, 21)}:
            chk.err(os.path.join(directory, name), "file name must be NN_label.txt with NN in 01..20")
            continue
        roots_seen.add(m.group(1))
        chk.read_file(os.path.join(directory, name), m.group(1))
    chk.finish()

    per_root = defaultdict(lambda: [0, 0, 0])   # patterns, codes with patterns, codes defined
    for code, rec in chk.codes.items():
        r = per_root[CAMEO.get(code, "??")]
        r[0] += rec["patterns"]
        r[1] += rec["patterns"] > 0
        r[2] += 1
    print(f"{'root':>4} {'patterns':>8} {'codes w/ patterns':>18} {'codes defined':>14} {'CAMEO codes':>12}")
    tot = [0, 0, 0]
    for i in range(1, 21):
        root = f"{i:02d}"
        r = per_root[root]
        n_cameo = sum(1 for c, rt in CAMEO.items() if rt == root)
        print(f"{root:>4} {r[0]:>8} {r[1]:>18} {r[2]:>14} {n_cameo:>12}")
        for k in range(3):
            tot[k] += r[k]
    print(f"{'all':>4} {tot[0]:>8} {tot[1]:>18} {tot[2]:>14} {len(CAMEO):>12}")
    print(f"classes: {len(chk.classes)}; discard labels referenced must be in {sorted(chk.discards)}")
    missing = sorted(set(CAMEO) - set(chk.codes))
    if missing:
        print(f"CAMEO codes without a @code record ({len(missing)}): {' '.join(missing)}")
    for w in chk.warnings:
        print("WARNING", w, file=sys.stderr)
    if chk.warnings:
        print(f"{len(chk.warnings)} warning(s)", file=sys.stderr)
    if chk.errors:
        for e in chk.errors:
            print("ERROR", e, file=sys.stderr)
        print(f"{len(chk.errors)} error(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
