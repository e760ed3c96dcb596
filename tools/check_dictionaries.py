#!/usr/bin/env python3
"""Syntax and sanity checker for the actor dictionaries data/actors/*.txt (docs/dictionaries.md).

Errors (exit 1): a field before any record, an unknown @kind or field, an empty value or list
element, a repeated value inside one field, a name repeated across name/capital/alias of one
country, a bad or repeated ISO3 key, a bad iso2, a malformed org code (3-character chunks of
A-Z/0-9, first chunk an ISO3 code or an international prefix, at least two chunks), an org
`country` that is not the code's first chunk, a `sector` that is not a role code contained in
the code, an @agent key that is not a role code, a repeated @org/@agent/@discard key, the
same country name given to two countries, a `scope` other than `all`.
Warnings (exit 0): an all-capitals name that is also an English word (the coder must match it
case-sensitively), a term listed under two agent roles, a name shared by a country and an org,
a city listed for two countries, an IGO/NGO body chunk that reads as an ISO3 or role code.
@person records (data/actors/people/) are checked by tools/check_people.py.
Usage: tools/check_dictionaries.py [FILES...]   (default: data/actors/*.txt)
"""
import glob
import json
import os
import re
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
EXTRA_ISO3 = {"XKX": "XK"}  # Kosovo: user-assigned code used by the EU, IMF and World Bank
# International first chunks (CAMEO): intergovernmental, non-governmental, multinational
# corporation, international militarized group, and CAMEO regions used as actors.
INTL_PREFIXES = {"IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "AFR", "ASA", "BLK", "CRB", "CAU",
                 "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF",
                 "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST"}
ROLE_CODES = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "OPP", "REB", "INS", "SEP", "MED",
              "BUS", "CVL", "EDU", "HLH", "REF", "NGO", "ELI", "LAB", "CRM", "REL", "UAF",
              "AGR", "DEV", "ENV", "HRI", "IGO", "MOD", "RAD", "PTY", "SET", "MNC"}
KINDS = {
    "country": {"iso2", "name", "adjective", "demonym", "capital", "city", "alias"},
    "org": {"name", "country", "sector", "alias"},
    "agent": {"term"},
    "person": {"alias", "role"},
    "discard": {"term", "scope"},
    "outlet": {"country", "partisan", "domain", "alias"},  # data/actors/outlets.txt
}
CHUNK_RE = re.compile(r"^[A-Z0-9]{3}$")
# All-capitals abbreviations that are also ordinary words when lower-cased.
COMMON_WORDS = {"US", "WHO", "AU", "IS", "IT", "AM", "AS", "AT", "BE", "BY", "DO", "GO", "HE",
                "IF", "IN", "ME", "NO", "OF", "ON", "OR", "SO", "TO", "UP", "WE", "AN", "CAN",
                "RAW", "MIT", "CARE", "AID", "ARMY", "ONE", "ALL", "NOW", "SUN", "WAR",
                "CAR", "SADR", "PACE", "LET", "PDF", "KIA", "ICE", "SPA", "MAP", "PAP", "APA"}


def load_iso():
    with open(ISO_JSON, encoding="utf-8") as f:
        iso = {c["alpha_3"]: c["alpha_2"] for c in json.load(f)["3166-1"]}
    iso.update(EXTRA_ISO3)
    return iso


class Record:
    def __init__(self, kind, key, where):
        self.kind, self.key, self.where, self.fields = kind, key, where, {}


def parse(path, errors):
    records, cur = [], None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            where = f"{path}:{lineno}"
            line = raw.rstrip("\n")
            if line.lstrip().startswith("#"):
                continue
            line = line.split(" #", 1)[0].strip()
            if not line:
                continue
            if line.startswith("@"):
                kind, _, key = line[1:].partition(" ")
                if kind not in KINDS:
                    errors.append(f"{where}: unknown record kind '@{kind}' (use {sorted(KINDS)})")
                    cur = None
                    continue
                if not key.strip():
                    errors.append(f"{where}: '@{kind}' needs a key")
                cur = Record(kind, key.strip(), where)
                records.append(cur)
                continue
            name, sep, value = line.partition(":")
            name = name.strip()
            if not sep or not re.fullmatch(r"[a-z0-9_]+", name):
                errors.append(f"{where}: expected '@kind KEY' or 'field: value'")
                continue
            if cur is None:
                errors.append(f"{where}: field '{name}' before any @record")
                continue
            if name not in KINDS[cur.kind]:
                errors.append(f"{where}: unknown field '{name}' for @{cur.kind} "
                              f"(use {sorted(KINDS[cur.kind])})")
                continue
            values = [v.strip() for v in value.split(";")]
            if not value.strip() or any(not v for v in values):
                errors.append(f"{where}: empty value in '{name}'")
                values = [v for v in values if v]
            for v in values:
                cur.fields.setdefault(name, []).append((v, where))
    return records


def check_no_repeats(rec, errors):
    for field, vals in rec.fields.items():
        seen = {}
        for v, where in vals:
            k = v.casefold()
            if k in seen:
                errors.append(f"{where}: '{v}' repeated in {field} of @{rec.kind} {rec.key}")
            seen[k] = where


def values(rec, field):
    return [v for v, _ in rec.fields.get(field, [])]


def check_country(rec, iso, errors):
    if rec.key not in iso:
        errors.append(f"{rec.where}: '{rec.key}' is not an ISO 3166-1 alpha-3 code")
    iso2 = values(rec, "iso2")
    if len(iso2) != 1 or (rec.key in iso and iso2[0] != iso[rec.key]):
        errors.append(f"{rec.where}: @country {rec.key} needs iso2: {iso.get(rec.key, '??')}")
    if not values(rec, "name"):
        errors.append(f"{rec.where}: @country {rec.key} has no name")
    seen = {}
    for field in ("name", "capital", "alias"):
        for v, where in rec.fields.get(field, []):
            if v.casefold() in seen and seen[v.casefold()] != field:
                errors.append(f"{where}: '{v}' is both {seen[v.casefold()]} and {field}")
            seen.setdefault(v.casefold(), field)


def check_org(rec, iso, errors, warnings):
    chunks = [rec.key[i:i + 3] for i in range(0, len(rec.key), 3)]
    if len(rec.key) % 3 or len(chunks) < 2 or not all(CHUNK_RE.match(c) for c in chunks):
        errors.append(f"{rec.where}: org code '{rec.key}' must be 3-character chunks of A-Z0-9")
        return
    first = chunks[0]
    if first not in iso and first not in INTL_PREFIXES:
        errors.append(f"{rec.where}: org code '{rec.key}' must start with an ISO3 code or one "
                      f"of {sorted(INTL_PREFIXES)}")
    country = values(rec, "country")
    if first in iso and country != [first]:
        errors.append(f"{rec.where}: domestic org {rec.key} needs 'country: {first}'")
    if first not in iso and country:
        errors.append(f"{rec.where}: international org {rec.key} must not have a country")
    for s in values(rec, "sector"):
        if s not in ROLE_CODES or s not in chunks[1:]:
            errors.append(f"{rec.where}: sector '{s}' must be a role code contained in {rec.key}")
    if not values(rec, "name") and not values(rec, "alias"):
        errors.append(f"{rec.where}: @org {rec.key} has no name")
    if first in ("IGO", "NGO"):
        for c in chunks[1:]:
            if c in iso or (c in ROLE_CODES and c not in ("IGO", "NGO")):
                warnings.append(f"{rec.where}: chunk '{c}' of {rec.key} reads as a country/role")


def check_words(recs, errors, warnings):
    country_names, city_of, org_names, agent_terms = {}, {}, {}, {}
    for rec in recs:
        if rec.kind == "country":
            for field in ("name", "capital", "alias", "adjective"):
                for v, where in rec.fields.get(field, []):
                    other = country_names.setdefault((field, v.casefold()), rec.key)
                    if other != rec.key:
                        (errors if field != "adjective" else warnings).append(
                            f"{where}: {field} '{v}' given to both {other} and {rec.key}")
            for v, where in rec.fields.get("city", []):
                other = city_of.setdefault(v.casefold(), rec.key)
                if other != rec.key:
                    warnings.append(f"{where}: city '{v}' listed for {other} and {rec.key}")
        elif rec.kind == "org":
            for v, where in rec.fields.get("name", []) + rec.fields.get("alias", []):
                other = org_names.setdefault(v.casefold(), rec.key)
                if other != rec.key:
                    errors.append(f"{where}: org name '{v}' given to both {other} and {rec.key}")
        elif rec.kind == "agent":
            for v, where in rec.fields.get("term", []):
                other = agent_terms.setdefault(v.casefold(), rec.key)
                if other != rec.key:
                    warnings.append(f"{where}: term '{v}' under both {other} and {rec.key}")
    names = {k[1]: c for k, c in country_names.items() if k[0] in ("name", "capital")}
    for v, code in org_names.items():
        if v in names:
            warnings.append(f"org name '{v}' ({code}) is also a country name/capital of {names[v]}")
    for rec in recs:
        for field in ("name", "alias", "term", "capital"):
            for v, where in rec.fields.get(field, []):
                if v in COMMON_WORDS:
                    warnings.append(f"{where}: '{v}' is also a common word: match it case-sensitively")


def main(argv):
    paths = argv or sorted(glob.glob(os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "actors", "*.txt")))
    iso, errors, warnings, recs = load_iso(), [], [], []
    for path in paths:
        recs += parse(path, errors)
    keys = {}
    for rec in recs:
        check_no_repeats(rec, errors)
        if rec.kind in ("country", "org", "agent", "discard", "outlet"):
            other = keys.setdefault((rec.kind, rec.key), rec.where)
            if other != rec.where:
                errors.append(f"{rec.where}: @{rec.kind} {rec.key} already defined at {other}")
        if rec.kind == "country":
            check_country(rec, iso, errors)
        elif rec.kind == "org":
            check_org(rec, iso, errors, warnings)
        elif rec.kind == "agent":
            # a role code, or a chain of them ("NGOHRI": a human rights NGO)
            chunks = [rec.key[i:i + 3] for i in range(0, len(rec.key), 3)]
            if len(rec.key) % 3 or not all(c in ROLE_CODES for c in chunks):
                errors.append(f"{rec.where}: @agent key '{rec.key}' is not a role code")
            if not values(rec, "term"):
                errors.append(f"{rec.where}: @agent {rec.key} has no term")
        elif rec.kind == "outlet":
            for c in values(rec, "country"):
                if c not in iso:
                    errors.append(f"{rec.where}: @outlet {rec.key}: country '{c}' is not ISO3")
        elif rec.kind == "discard":
            if any(s != "all" for s in values(rec, "scope")) or len(values(rec, "scope")) > 1:
                errors.append(f"{rec.where}: scope must be 'all' (or absent)")
            if not values(rec, "term"):
                errors.append(f"{rec.where}: @discard {rec.key} has no term")
    check_words(recs, errors, warnings)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    counts = {}
    for rec in recs:
        counts[rec.kind] = counts.get(rec.kind, 0) + 1
    terms = sum(len(r.fields.get(f, [])) for r in recs for f in ("name", "term", "adjective",
                "demonym", "capital", "city", "alias"))
    print(f"{len(paths)} files, records {counts}, {terms} names/terms, "
          f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
