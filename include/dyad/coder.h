// dyad — the event coder: parsed Document + article metadata -> Events.
//
// Coder::load reads every dictionary file once and compiles it into indexes
// (a lemma -> candidate-patterns hash map, a phrase index for actor names);
// code() is const and keeps no state between calls, so one Coder serves many
// threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/geo.h"
#include "dyad/pipeline.h"

namespace dyad {

struct CoderOptions {
  /// Holds actors/*.txt, actors/people/*.txt, events/*.txt; empty = default_dict_dir().
  std::string dict_dir;
  /// PETRARCH2/TABARI dictionaries (`--dict petrarch:SPEC`, docs/petrarch.md): a
  /// directory, one file, or a file-name prefix such as DIR/PETR.Validate.
  std::vector<std::string> petrarch_dicts;
  bool petrarch_only = false;  ///< The PETRARCH dictionaries replace ours instead of joining them.
  bool explain = false;  ///< Fill Event::explanation.
  /// Gazetteer for event places (docs/geo.md): empty = the build's default when
  /// it exists (else places come from the actor KB, without coordinates);
  /// "none" = never; any other value is a path that must load.
  std::string gazetteer;
};

/// $DYAD_DICT_DIR if set, else the source tree's data/.
std::string default_dict_dir();

struct ArticleInfo {
  std::string id;
  std::optional<std::string> date;  ///< Publication date YYYY-MM-DD.
  std::string url;
  std::string title;
  std::string outlet;                         ///< Outlet name ("Azertac") — looked up in outlets.txt.
  std::optional<std::string> outlet_country;  ///< ISO3; overrides the outlet table.
};

/// An outlet record of data/actors/outlets.txt.
struct OutletInfo {
  std::string name;
  std::string country;
  bool partisan = false;
  std::vector<std::string> domains;
};

namespace detail { struct Dictionary; }

class Coder {
 public:
  /// Loads and compiles the dictionaries; throws dyad::Error "file:line: reason".
  static Coder load(const CoderOptions& options);

  /// Codes one document. Thread-safe.
  std::vector<Event> code(const Document& doc, const ArticleInfo& info) const;

  /// The coder's corrections of the tagger's output, for
  /// Pipeline::with_tag_corrector: the dictionaries' multi-word names as
  /// names, and the verb of a mandative clause ("demanded that the
  /// government end ...") as a verb. Shares the dictionaries.
  std::shared_ptr<const TagCorrector> tag_corrector() const;

  /// Outlet by name (case-insensitive) or by the domain of `url`; null if unknown.
  const OutletInfo* find_outlet(const std::string& name, const std::string& url = {}) const;

  /// Counts of loaded records, for diagnostics: countries, orgs, agents, people, patterns...
  std::string summary() const;

 private:
  Coder() = default;
  CoderOptions options_;
  std::shared_ptr<const detail::Dictionary> dict_;
  std::optional<Gazetteer> gazetteer_;  // shares its data; cheap to copy
};

}  // namespace dyad
