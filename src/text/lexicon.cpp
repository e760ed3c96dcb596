// Word lists for the tokenizer and sentence splitter.
//
// Design: the lists were chosen by inspecting UD English EWT train (which
// abbreviations keep their period, which hyphen prefixes are not split, which
// apostrophe-free contractions are multiword tokens) and are kept small and
// closed on purpose; anything not listed falls back to the general rules.
// Lookups go through function-local immutable tables built once.
#include "text/lexicon.h"

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace dyad::detail {
namespace {

using WordSet = std::unordered_set<std::string_view>;

const std::unordered_map<std::string_view, AbbrevKind>& abbreviations() {
  static const std::unordered_map<std::string_view, AbbrevKind> table = [] {
    std::unordered_map<std::string_view, AbbrevKind> t;
    for (const char* w :
         {"mr",     "mrs", "ms",   "dr",   "st",   "gen",  "gov",  "lt",   "col", "rev",
          "sen",    "rep", "reps", "sgt",  "capt", "maj",  "prof", "pres", "ft",  "mt",
          "messrs", "hon", "adm",  "cpl",  "pvt",  "supt", "mme",  "mlle", "fr",  "atty",
          "spec",   "drs", "brig", "cmdr", "amb",  "insp", "det",  "pfc",  "gens"}) {
      t.emplace(w, AbbrevKind::kTitle);
    }
    for (const char* w :
         {"jr",    "sr",   "inc",  "corp",  "co",   "ltd",    "bros", "vs",   "etc",  "al",
          "eg",    "ie",   "jan",  "feb",   "mar",  "apr",    "jun",  "jul",  "aug",  "sep",
          "sept",  "oct",  "nov",  "dec",   "mon",  "tue",    "tues", "wed",  "thu",  "thur",
          "thurs", "fri",  "ave",  "blvd",  "rd",   "approx", "dept", "attn", "esp",  "yrs",
          "mins",  "hrs",  "ext",  "arrv",  "lv",   "para",   "conf", "tel",  "fax",  "mob",
          "cf",    "ca",   "oz",   "lb",    "lbs",  "govt",   "assn", "univ", "intl", "misc",
          "ph",    "que",  "va",   "calif", "penn", "fla",    "ariz", "conn", "mich", "minn",
          "tenn",  "colo", "ky",   "md",    "nev",  "okla",   "wis",  "wyo",  "ala",  "ark",
          "ga",    "kan",  "neb",  "pa",    "vt",   "ps",     "aplo", "sc",   "et",   "sts",
          "ect",   "div",  "dist", "regt",  "bde",  "mln",    "bln",  "natl", "est"}) {
      t.emplace(w, AbbrevKind::kGeneral);
    }
    for (const char* w :
         {"no", "nos", "vol", "vols", "pp", "fig", "sec", "ch", "art", "p", "ref"}) {
      t.emplace(w, AbbrevKind::kNumeric);
    }
    return t;
  }();
  return table;
}

const WordSet& hyphen_prefixes() {
  static const WordSet set{
      "e",      "non",   "post",  "pre",   "pro",     "ex",     "multi", "co",   "re",    "anti",
      "semi",   "mid",   "neo",   "cross", "sub",     "intra",  "micro", "vice", "un",    "arch",
      "psycho", "inter", "trans", "ultra", "counter", "couter", "mega",  "mini", "bi",    "tri",
      "de",     "extra", "infra", "meta",  "quasi",   "pseudo", "super", "over", "under", "x"};
  return set;
}

const WordSet& hyphen_suffixes() {
  static const WordSet set{"esque", "wise", "ish"};
  return set;
}

struct Contraction {
  const char* form;
  std::array<std::uint8_t, 3> lens;
};

const std::unordered_map<std::string_view, std::array<std::uint8_t, 3>>& contractions() {
  static const auto table = [] {
    // EWT splits these like their apostrophe forms: "dont" -> "do" + "nt".
    static const Contraction list[] = {
        {"cannot", {3, 3, 0}},   {"dont", {2, 2, 0}},    {"cant", {2, 2, 0}},
        {"wont", {2, 2, 0}},     {"didnt", {3, 2, 0}},   {"doesnt", {4, 2, 0}},
        {"isnt", {2, 2, 0}},     {"wasnt", {3, 2, 0}},   {"arent", {3, 2, 0}},
        {"werent", {4, 2, 0}},   {"couldnt", {5, 2, 0}}, {"wouldnt", {5, 2, 0}},
        {"shouldnt", {6, 2, 0}}, {"havent", {4, 2, 0}},  {"hasnt", {3, 2, 0}},
        {"hadnt", {3, 2, 0}},    {"aint", {2, 2, 0}},    {"im", {1, 1, 0}},
        {"ive", {1, 2, 0}},      {"hes", {2, 1, 0}},     {"thats", {4, 1, 0}},
        {"theres", {5, 1, 0}},   {"heres", {4, 1, 0}},   {"whats", {4, 1, 0}},
        {"lets", {3, 1, 0}},     {"youre", {3, 2, 0}},   {"theyre", {4, 2, 0}},
        {"youll", {3, 2, 0}},    {"itll", {2, 2, 0}},    {"gonna", {3, 2, 0}},
        {"wanna", {3, 2, 0}},    {"gotta", {3, 2, 0}},   {"outta", {3, 2, 0}},
        {"sorta", {4, 1, 0}},    {"dunno", {2, 1, 2}},   {"elses", {4, 1, 0}},
    };
    std::unordered_map<std::string_view, std::array<std::uint8_t, 3>> t;
    for (const Contraction& c : list) t.emplace(c.form, c.lens);
    return t;
  }();
  return table;
}

const WordSet& sentence_starters() {
  static const WordSet set{
      "the",   "i",     "we",    "he",    "she", "it",    "they",     "this",    "that",   "but",
      "and",   "so",    "if",    "in",    "a",   "there", "you",      "my",      "our",    "his",
      "her",   "their", "what",  "when",  "how", "why",   "also",     "however", "please", "thanks",
      "thank", "as",    "these", "those", "for", "at",    "on",       "after",   "then",   "yes",
      "no",    "its",   "all",   "some",  "one", "while", "although", "let"};
  return set;
}

}  // namespace

AbbrevKind abbreviation_kind(std::string_view lower_stem) {
  const auto& t = abbreviations();
  auto it = t.find(lower_stem);
  return it == t.end() ? AbbrevKind::kNone : it->second;
}

bool is_hyphen_prefix(std::string_view lower) { return hyphen_prefixes().count(lower) > 0; }
bool is_hyphen_suffix(std::string_view lower) { return hyphen_suffixes().count(lower) > 0; }

int apostrophe_free_contraction(std::string_view lower, std::uint8_t lens[3]) {
  const auto& t = contractions();
  auto it = t.find(lower);
  if (it == t.end()) return 0;
  int n = 0;
  for (std::uint8_t len : it->second) {
    if (len) lens[n++] = len;
  }
  return n;
}

std::size_t emoticon_length(std::string_view s) {
  // The first in this order that starts `s` wins.
  static constexpr std::string_view kEmoticons[] = {
      ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":'(", ":-/", ":-O", ":-o", "^_^", "^^", ":)",
      ":(",  ";)",  ":D",  ":P",  ":p",  "=)",  "=(",  ":/",  ":O",  ":o",  "<3",  "XD", ":|",
      ";(",  ":]",  ":[",  "=D",  ";D",  ":S",  ":$",  ":*",  "-_-", "o_O", "O_o", "T_T"};
  // Called for nearly every token by the scanner and the sentence splitter:
  // most tokens fail on their first byte, before any comparison.
  static constexpr std::array<bool, 256> kFirstBytes = [] {
    std::array<bool, 256> first{};
    for (std::string_view e : kEmoticons) first[static_cast<unsigned char>(e[0])] = true;
    return first;
  }();
  if (s.empty() || !kFirstBytes[static_cast<unsigned char>(s[0])]) return 0;
  for (std::string_view e : kEmoticons) {
    if (s.starts_with(e)) return e.size();
  }
  return 0;
}

bool is_unit(std::string_view lower) {
  static const WordSet set{"k",    "m",   "mm",   "cm",  "km",  "kg",  "g",   "mg",   "gb",  "mb",
                           "kb",   "tb",  "ft",   "am",  "pm",  "p",   "lb",  "lbs",  "oz",  "hr",
                           "hrs",  "min", "mins", "mph", "kph", "ml",  "kw",  "mw",   "mwh", "kwh",
                           "watt", "yrs", "yr",   "bn",  "mn",  "km2", "sec", "secs", "ghz", "mhz"};
  return set.count(lower) > 0;
}

bool is_sentence_starter(std::string_view lower) { return sentence_starters().count(lower) > 0; }

}  // namespace dyad::detail
