#!/usr/bin/env python3
"""Syntax and sanity checker for data/actors/people/*.txt (@person records).

Checks (errors stop with a non-zero exit): record syntax per docs/dictionaries.md, only the
fields `alias` and `role`, every record has >= 1 role, role codes are 6+ uppercase letters
whose first three letters are an ISO 3166-1 alpha-3 code or IGO/NGO/IMG and, for a country,
whose second chunk is a CAMEO role code, dates YYYY[-MM[-DD]] are
real dates, FROM <= TO, no person key repeated (within or across files).
Warnings (printed, exit 0): an alias shared by two people (the coder cannot tell them apart),
an alias equal to another person's key, an alias or key that is also a country/org/agent
phrase in data/actors/*.txt (the coder would see two readings), an international code (IGO...) or a country code
longer than ISO3+ROLE that has no @org record in data/actors/organizations.txt.
Usage: tools/check_people.py [FILES...]   (default: data/actors/people/*.txt)
"""
import datetime
import glob
import json
import os
import re
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
# International first chunks used by data/actors/organizations.txt: intergovernmental,
# non-governmental, international militarized group (al-Qaeda, Islamic State: IMGMOS...).
EXTRA_PREFIXES = {"IGO", "NGO", "IMG"}
ROLES = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "OPP", "REB", "INS", "SEP", "MED", "BUS",
         "CVL", "EDU", "HLH", "REF", "NGO", "ELI", "LAB", "CRM", "REL", "UAF"}
ORGS_FILE = "data/actors/organizations.txt"
# Codes that were ISO 3166-1 alpha-3 or are used by CAMEO for entities without one.
EXTRA_ISO3 = {"XKX", "KSV"}
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
CODE_RE = re.compile(r"^[A-Z]{6,}$")


def load_iso3():
    with open(ISO_JSON, encoding="utf-8") as f:
        data = json.load(f)
    return {c["alpha_3"] for c in data["3166-1"]} | EXTRA_ISO3


def parse_date(text, where, errors, end):
    m = DATE_RE.match(text)
    if not m:
        errors.append(f"{where}: bad date '{text}' (use YYYY, YYYY-MM or YYYY-MM-DD)")
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            return datetime.date(y, int(mo), int(d))
        if mo:
            mo = int(mo)
            if end:
                nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
                return nxt - datetime.timedelta(days=1)
            return datetime.date(y, mo, 1)
        return datetime.date(y, 12, 31) if end else datetime.date(y, 1, 1)
    except ValueError:
        errors.append(f"{where}: impossible date '{text}'")
        return None


def check_role(value, where, iso3, errors, codes_used=None):
    parts = value.split(None, 2)
    if len(parts) < 2:
        errors.append(f"{where}: role needs 'CODE FROM..TO description'")
        return
    code, span = parts[0], parts[1]
    if codes_used is not None:
        codes_used.setdefault(code, where)
    if not CODE_RE.match(code):
        errors.append(f"{where}: role code '{code}' must be 6+ uppercase letters")
    elif code[:3] not in iso3 and code[:3] not in EXTRA_PREFIXES:
        errors.append(f"{where}: role code '{code}' has no ISO3/IGO/NGO/IMG prefix")
    elif code[:3] in iso3 and code[3:6] not in ROLES:
        errors.append(f"{where}: role code '{code}': '{code[3:6]}' is not a role code")
    if ".." not in span:
        errors.append(f"{where}: date span '{span}' must be FROM..TO (TO may be empty)")
        return
    a, b = span.split("..", 1)
    if not a:
        errors.append(f"{where}: FROM date missing in '{span}'")
        return
    start = parse_date(a, where, errors, end=False)
    stop = parse_date(b, where, errors, end=True) if b else None
    if start and stop and parse_date(a, where, [], end=True) > stop:
        errors.append(f"{where}: FROM {a} is after TO {b}")
    if len(parts) < 3:
        errors.append(f"{where}: role has no description")


def load_org_codes(path):
    """@org keys of the organizations file, or None when it does not exist yet."""
    if not os.path.exists(path):
        return None
    codes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = strip_comment(line).strip()
            if line.startswith("@org "):
                codes.add(line[5:].strip())
    return codes


ACTOR_FIELDS = {"name", "alias", "adjective", "demonym", "capital", "city", "term"}


def load_actor_phrases(root):
    """Lower-cased phrases of data/actors/*.txt -> 'file:line @kind KEY' (first seen)."""
    phrases = {}
    for path in sorted(glob.glob(os.path.join(root, "data/actors/*.txt"))):
        kind_key = None
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                line = strip_comment(raw).strip()
                if line.startswith("@"):
                    kind_key = line
                    continue
                field, sep, value = line.partition(":")
                if not sep or field.strip() not in ACTOR_FIELDS or kind_key is None:
                    continue
                for v in value.split(";"):
                    v = v.strip().lower()
                    if v:
                        phrases.setdefault(v, f"{os.path.basename(path)}:{n} {kind_key}")
    return phrases


def strip_comment(line):
    i = line.find(" #")
    return line[:i] if i >= 0 else line


def check_file(path, iso3, keys, aliases, errors, codes_used):
    count = 0
    current = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    def close(rec):
        if rec and rec["roles"] == 0:
            errors.append(f"{rec['where']}: @person '{rec['key']}' has no role")
    for n, raw in enumerate(lines, 1):
        where = f"{path}:{n}"
        line = strip_comment(raw).strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            close(current)
            kind, _, key = line.partition(" ")
            key = key.strip()
            if kind != "@person":
                errors.append(f"{where}: unknown record kind '{kind}' (only @person here)")
            if not key:
                errors.append(f"{where}: record has no key")
            if key in keys:
                errors.append(f"{where}: person '{key}' already defined at {keys[key]}")
            keys[key] = where
            current = {"key": key, "where": where, "roles": 0}
            count += 1
            continue
        field, sep, value = line.partition(":")
        field, value = field.strip(), value.strip()
        if not sep or " " in field:
            errors.append(f"{where}: expected 'field: value'")
            continue
        if current is None:
            errors.append(f"{where}: field before any @person line")
            continue
        if not value:
            errors.append(f"{where}: empty value for '{field}'")
            continue
        if field == "alias":
            for a in value.split(";"):
                a = a.strip()
                if not a:
                    errors.append(f"{where}: empty alias in list")
                    continue
                aliases.setdefault(a.lower(), set()).add(current["key"])
        elif field == "role":
            for r in value.split(";"):
                check_role(r.strip(), where, iso3, errors, codes_used)
                current["roles"] += 1
        else:
            errors.append(f"{where}: unknown field '{field}' (use alias or role)")
    close(current)
    return count


def main(argv):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    files = argv[1:] or sorted(glob.glob(os.path.join(root, "data/actors/people/*.txt")))
    iso3 = load_iso3()
    keys, aliases, errors, codes_used = {}, {}, [], {}
    total = 0
    for path in files:
        c = check_file(path, iso3, keys, aliases, errors, codes_used)
        print(f"{os.path.relpath(path)}: {c} people")
        total += c
    lower_keys = {k.lower(): k for k in keys}
    for a, owners in sorted(aliases.items()):
        if len(owners) > 1:
            print(f"warning: alias '{a}' shared by: {'; '.join(sorted(owners))}")
        if a in lower_keys and lower_keys[a] not in owners:
            print(f"warning: alias '{a}' of {'; '.join(sorted(owners))} is the key of another person")
    actor_phrases = load_actor_phrases(root)
    for a in sorted(set(aliases) | set(lower_keys)):
        if a in actor_phrases:
            owners = aliases.get(a) or {lower_keys[a]}
            print(f"warning: person phrase '{a}' ({'; '.join(sorted(owners))}) is also "
                  f"{actor_phrases[a]}")
    org_codes = load_org_codes(os.path.join(root, ORGS_FILE))
    if org_codes is not None:
        for code, where in sorted(codes_used.items()):
            needs_org = code[:3] in EXTRA_PREFIXES or len(code) > 6
            if needs_org and code not in org_codes:
                print(f"warning: {where}: code '{code}' has no @org record in {ORGS_FILE}")
    for e in errors:
        print("error:", e)
    print(f"total: {total} people, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
