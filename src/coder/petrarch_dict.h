// PETRARCH2 / TABARI dictionary interoperability: reads their verb, actor,
// agent and discard files and converts them into the coder's own in-memory
// Dictionary, so the one matching engine (match.cpp) runs them. What the
// conversion cannot represent is counted in PetrarchReport::lossy and
// described in docs/petrarch.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "coder/dictionary.h"

namespace dyad::detail {

/// What loading PETRARCH files did: per-file counts, every skipped line as
/// "file:line: reason", and counts of conversion losses by kind.
struct PetrarchReport {
  struct File {
    std::string path;
    std::string kind;  // verbs | actors | agents | discards
    std::map<std::string, int> counts;
    double ms = 0.0;
  };
  std::vector<File> files;
  std::vector<std::string> warnings;
  std::map<std::string, int> lossy;

  void warn(const std::string& file, std::size_t line, const std::string& why);
  /// One line per file plus the warning and loss summaries.
  std::string summary() const;
};

/// The PETRARCH files a `--dict petrarch:SPEC` names. SPEC is a directory
/// (every *.txt classified by name, PETR.Validate.* test files excluded, and
/// CAMEO.2.0.txt preferred over older verb files) or a file-name prefix
/// ("DIR/PETR.Validate" = every DIR/PETR.Validate*.txt). Throws when nothing
/// matches.
struct PetrarchFiles {
  std::vector<std::string> verbs, actors, agents, discards;
};
PetrarchFiles find_petrarch_files(const std::string& spec);

/// Loaders: each appends to `d` (indexes are rebuilt by finish_dictionary).
void load_petrarch_verbs(const std::string& path, Dictionary& d, PetrarchReport& report);
void load_petrarch_actors(const std::string& path, Dictionary& d, PetrarchReport& report);
void load_petrarch_agents(const std::string& path, Dictionary& d, PetrarchReport& report);
void load_petrarch_discards(const std::string& path, Dictionary& d, PetrarchReport& report);

/// Loads every file of `spec` into `d` and rebuilds its indexes.
void add_petrarch_dictionary(Dictionary& d, const std::string& spec, PetrarchReport& report);

/// Rebuilds patterns_by_lemma, discard_by_first and the phrase order of `d`
/// (after loaders appended to it).
void finish_dictionary(Dictionary& d);

/// The coder's dictionary: ours (`our_dir`) plus, or instead of
/// (`petrarch_only`), every PETRARCH spec. Instead-of mode still borrows the
/// labels, PLOVER types and Goldstein scores of our @code records when
/// `our_dir` exists. Warnings of the PETRARCH loaders go to `report` when given.
Dictionary load_coder_dictionary(const std::string& our_dir, const std::vector<std::string>& petrarch_specs,
                                 bool petrarch_only, PetrarchReport* report = nullptr);

// ---- helpers shared by the petrarch_*.cpp files ----

/// A content line of a PETRARCH file: comments ('#', <!-- ... -->) removed, trimmed.
struct PetrarchLine {
  std::string text;
  std::size_t line = 0;
};
std::vector<PetrarchLine> read_petrarch_lines(const std::string& path, PetrarchReport& report);

/// "WORD_WORD WORD" -> lower-cased words (underscores and blanks both separate).
std::vector<std::string> petrarch_words(const std::string& phrase);

/// Regular English plural of the last word (S, IES after a consonant+Y, ES after SS/SH/CH/X).
std::string petrarch_plural(const std::string& word);

}  // namespace dyad::detail
