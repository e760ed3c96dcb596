#include "coder/name_tags.h"

#include <string>

#include "coder/dictionary.h"

namespace dyad::detail {
namespace {

bool starts_upper(const std::string& s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

bool content_tag(const std::string& upos) {
  return upos == "NOUN" || upos == "VERB" || upos == "ADJ" || upos == "ADV" || upos == "PROPN";
}

// Not people: the tagger reads personal names well, and their aliases carry
// titles and nationalities ("Chinese President Xi") that are no names.
bool name_kind(PhraseKind k) {
  return k == PhraseKind::kOrg || k == PhraseKind::kCountryName || k == PhraseKind::kCapital || k == PhraseKind::kCity;
}

// A one-word country adjective or demonym ("Chinese" of "Chinese Communist
// Party") stays an adjective, as treebanks tag it inside names; retagged, it
// led the parser astray.
bool country_adjective(const Dictionary& d, const std::string& low) {
  auto it = d.phrases.by_first.find(low);
  if (it == d.phrases.by_first.end()) return false;
  for (int id : it->second) {
    const PhraseEntry& e = d.phrases.entries[static_cast<std::size_t>(id)];
    if (e.words.size() == 1 && (e.kind == PhraseKind::kAdjective || e.kind == PhraseKind::kDemonym)) return true;
  }
  return false;
}

// Whether words [i, i+len) spell entry e as a name: the same words, each
// content word capitalised (a name written as one), and at least one of them
// mistagged (else there is nothing to do).
bool spells_name(const Sentence& s, int i, const PhraseEntry& e) {
  const int len = static_cast<int>(e.words.size());
  if (len < 2 || !name_kind(e.kind) || i + len > static_cast<int>(s.words.size())) return false;
  bool mistagged = false;
  for (int k = 0; k < len; ++k) {
    const Word& w = s.words[static_cast<std::size_t>(i + k)];
    if (lower(w.form) != e.words[static_cast<std::size_t>(k)]) return false;
    if (!content_tag(w.upos)) continue;
    if (!starts_upper(w.form)) return false;
    mistagged = mistagged || w.upos != "PROPN";
  }
  return mistagged && content_tag(s.words[static_cast<std::size_t>(i + len - 1)].upos);
}

void retag_as_name(Word& w) {
  if (w.upos == "PROPN" || !content_tag(w.upos) || !starts_upper(w.form)) return;
  const bool plural = w.xpos == "NNS" || w.xpos == "NNPS";
  w.upos = "PROPN";
  w.xpos = plural ? "NNPS" : "NNP";
  w.lemma = w.form;
  w.feats = plural ? "Number=Plur" : "Number=Sing";
}

}  // namespace

void NameTagCorrector::correct(Sentence& s) const {
  const int n = static_cast<int>(s.words.size());
  for (int i = 0; i < n;) {
    int best = 0;
    auto it = dict_->phrases.by_first.find(lower(s.words[static_cast<std::size_t>(i)].form));
    if (it != dict_->phrases.by_first.end()) {
      for (int id : it->second) {  // longest first
        const PhraseEntry& e = dict_->phrases.entries[static_cast<std::size_t>(id)];
        if (spells_name(s, i, e)) {
          best = static_cast<int>(e.words.size());
          break;
        }
      }
    }
    for (int k = i; k < i + best; ++k) {
      Word& w = s.words[static_cast<std::size_t>(k)];
      if (!country_adjective(*dict_, lower(w.form))) retag_as_name(w);
    }
    i += best > 0 ? best : 1;
  }
}

}  // namespace dyad::detail
