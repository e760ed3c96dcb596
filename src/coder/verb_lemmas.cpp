#include "coder/verb_lemmas.h"

#include <string_view>

#include "coder/dictionary.h"

namespace dyad::detail {

// The tagger's lemma is sometimes wrong ("shelled" -> "shel"): the regular
// de-inflections of the form, tried when neither lemma nor form has patterns.
std::vector<std::string> verb_stems(const std::string& f) {
  std::vector<std::string> out;
  auto cut = [&](std::string_view suffix, std::string_view add) {
    if (f.size() > suffix.size() + 2 && f.ends_with(suffix)) out.push_back(f.substr(0, f.size() - suffix.size()) + std::string(add));
  };
  cut("ied", "y");
  cut("ies", "y");
  cut("ed", "");
  cut("ed", "e");
  cut("ing", "");
  cut("ing", "e");
  cut("es", "");
  cut("s", "");
  for (std::string_view suffix : {"ed", "ing"}) {  // "stopped" -> "stop"
    std::size_t n = f.size() - suffix.size();
    if (f.size() > suffix.size() + 3 && f.ends_with(suffix) && f[n - 1] == f[n - 2]) out.push_back(f.substr(0, n - 1));
  }
  return out;
}

int verb_lemmas_repaired(const Dictionary& d, Sentence& s) {
  int changed = 0;
  for (Word& w : s.words) {
    if (w.upos != "VERB" || d.patterns_by_lemma.count(w.lemma) > 0) continue;
    for (const std::string& stem : verb_stems(lower(w.form))) {
      if (d.patterns_by_lemma.count(stem) == 0) continue;
      w.lemma = stem;
      ++changed;
      break;
    }
  }
  return changed;
}

}  // namespace dyad::detail
