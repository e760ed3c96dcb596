#include "coder/verb_lemmas.h"

#include <string_view>

#include "coder/dictionary.h"

namespace dyad::detail {
namespace {

bool known(const Dictionary& d, const std::string& lemma) { return d.patterns_by_lemma.count(lemma) > 0; }

// The first regular de-inflection of the lower-case form `f` that `accept`
// takes, most likely first; stems are built one at a time (most verbs' come
// to nothing).
template <typename Accept>
std::optional<std::string> first_stem(const std::string& f, Accept accept) {
  std::string stem;
  auto cut = [&](std::string_view suffix, std::string_view add, std::size_t undouble = 0) {
    if (f.size() <= suffix.size() + 2 + undouble || !f.ends_with(suffix)) return false;
    const std::size_t n = f.size() - suffix.size();
    if (undouble && f[n - 1] != f[n - 2]) return false;  // "stopped" -> "stop"
    stem.assign(f, 0, n - undouble);
    stem += add;
    return accept(stem);
  };
  if (cut("ied", "y") || cut("ies", "y") || cut("ed", "") || cut("ed", "e") || cut("ing", "") ||
      cut("ing", "e") || cut("es", "") || cut("s", "") || cut("ed", "", 1) || cut("ing", "", 1))
    return stem;
  return std::nullopt;
}

// Only forms ending in "-s", "-ed" or "-ing" (any case) have a regular stem:
// "said", "make" and most other verbs are settled without lowering the form.
bool has_regular_ending(std::string_view f) {
  auto ends = [&](std::string_view s) {
    if (f.size() < s.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i)
      if ((f[f.size() - s.size() + i] | 0x20) != s[i]) return false;
    return true;
  };
  return ends("s") || ends("ed") || ends("ing");
}

}  // namespace

std::optional<std::string> repaired_verb_lemma(const Dictionary& d, const Word& w) {
  if (w.upos != "VERB" || known(d, w.lemma)) return std::nullopt;
  const std::string form = lower(w.form);
  // "froze" -> "freeze", "overthrew" -> "overthrow": an irregular form first
  if (std::string_view l = irregular_verb_lemma(form); !l.empty() && l != w.lemma) {
    std::string lemma(l);
    if (known(d, lemma)) return lemma;
  }
  if (!has_regular_ending(form)) return std::nullopt;
  // Not skipped when the form is a key: "shelling" is one (a noun pattern).
  return first_stem(form, [&](const std::string& stem) { return stem != w.lemma && known(d, stem); });
}

bool needs_verb_lemma_repair(const Dictionary& d, const Sentence& s) {
  for (const Word& w : s.words)
    if (repaired_verb_lemma(d, w)) return true;
  return false;
}

int verb_lemmas_repaired(const Dictionary& d, Sentence& s) {
  int changed = 0;
  for (Word& w : s.words) {
    if (auto lemma = repaired_verb_lemma(d, w)) {
      w.lemma = std::move(*lemma);
      ++changed;
    }
  }
  return changed;
}

}  // namespace dyad::detail
