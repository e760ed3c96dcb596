// The compiled dictionaries: actor knowledge base, phrase index and event
// patterns, built once by load_dictionary() and then only read.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/coder.h"

namespace dyad::detail {

struct Country {
  std::string code;  // ISO3
  std::string name;  // first name given
};

struct Org {
  std::string code;
  std::string name;
  std::string country;  // may be empty
  std::string sector;
};

struct Role {
  std::string code;
  int from = 0;         // yyyymmdd, 0 = since forever
  int to = 99999999;    // yyyymmdd inclusive, open = 99999999
  std::string description;
};

struct Person {
  std::string name;
  std::vector<Role> roles;
};

/// What a phrase of the phrase index denotes.
enum class PhraseKind { kCountryName, kAdjective, kDemonym, kCapital, kCity, kOrg, kPerson, kAgent };

struct PhraseEntry {
  std::vector<std::string> words;  // lower-cased
  PhraseKind kind;
  int ref;  // index into countries / orgs / people, or agent sector string index
  /// A one-word name the dictionary writes with a capital ("US", "Turkey",
  /// "Commonwealth"): it names the actor only where the text capitalises it
  /// too, since "us", "turkey" and "a commonwealth" are ordinary words.
  bool needs_capital = false;
};

/// Lower-cased first word -> entries starting with it (longest first).
struct PhraseIndex {
  std::vector<PhraseEntry> entries;
  std::unordered_map<std::string, std::vector<int>> by_first;
};

struct Discard {
  std::string label;
  bool scope_all = false;
  std::vector<std::vector<std::string>> terms;
};

struct EventCode {
  std::string cameo, label, plover, mode, context;
  double goldstein = 0.0;
  int quad_class = 0;
};

/// Sets the code fields of `e` (CAMEO code, label, PLOVER type, mode,
/// context, Goldstein score, quad class) from `c`: an EventCode, or another
/// Event whose code `e` takes over.
template <typename Code>
void assign_code(Event& e, const Code& c) {
  e.cameo = c.cameo;
  e.label = c.label;
  e.plover = c.plover;
  e.mode = c.mode;
  e.context = c.context;
  e.goldstein = c.goldstein;
  e.quad_class = c.quad_class;
}

struct Constraint {
  enum class Kind { kObj, kPrep, kXcomp, kHas, kSubj, kContext };
  Kind kind;
  bool negated = false;
  std::string prep;                  // for kPrep
  std::vector<std::string> values;   // lemmas, "@class", "*"; kHas: the lemma sequence words
};

struct Pattern {
  bool noun = false;
  std::string lemma;                 // head lemma (lower-cased)
  std::string particle;              // verbs: "off" in "call off"
  std::vector<std::string> prefix;   // nouns: words before the head ("peace" in "peace talks")
  std::vector<Constraint> constraints;
  std::string target_slot;           // obj | subj | none | PREP | "" (default)
  std::string source_slot;           // extension: subj (default) | PREP | none
  std::string agent_slot;            // extension: PREP naming the agent of an agentless passive
  int code = 0;                      // index into codes
  std::string file;
  std::size_t line = 0;
  std::string text;                  // the pattern as written
  int specificity = 0;
};

struct Dictionary {
  std::vector<Country> countries;
  std::unordered_map<std::string, int> country_by_code;
  std::vector<Org> orgs;
  std::vector<std::string> sectors;  // agent role codes, referenced by PhraseEntry::ref
  std::vector<Person> people;
  PhraseIndex phrases;
  std::vector<Discard> discards;
  std::unordered_map<std::string, std::vector<std::pair<int, int>>> discard_by_first;  // -> (discard, term)
  std::vector<OutletInfo> outlets;
  std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> classes;  // find() takes a string_view
  std::vector<EventCode> codes;
  std::vector<Pattern> patterns;
  std::unordered_map<std::string, std::vector<int>> patterns_by_lemma;  // sorted most specific first
  std::size_t files = 0;
};

/// Loads dir/actors/*.txt, dir/actors/people/*.txt and dir/events/*.txt.
Dictionary load_dictionary(const std::string& dir);

/// Lower-cases ASCII and common Latin-1/Latin Extended letters (UTF-8).
std::string lower(std::string_view s);

/// Splits a phrase on spaces, lower-cased; "Azerbaijan's" keeps its "'s" as its own word.
std::vector<std::string> phrase_words(const std::string& phrase);
/// Splits hyphenated words as the tokenizer does ("asia-pacific" -> "asia" "-" "pacific").
std::vector<std::string> split_hyphens(const std::vector<std::string>& words);

/// Parses YYYY, YYYY-MM or YYYY-MM-DD to yyyymmdd; `end` picks the last day of a
/// coarse date. Returns -1 when malformed.
int parse_role_date(const std::string& s, bool end);

}  // namespace dyad::detail
