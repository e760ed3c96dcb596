#include "coder/name_tags.h"

#include <string>
#include <utility>
#include <vector>

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

// "Beijing warned ...": a capitalised one-word name of the dictionaries the
// tagger read as a verb ("Beijing" VBG, lemma "beij") is the name.
bool verb_read_name(const Sentence& s, const std::vector<std::string>& low, int i, const PhraseEntry& e) {
  const Word& w = s.words[static_cast<std::size_t>(i)];
  return e.words.size() == 1 && name_kind(e.kind) && w.upos == "VERB" && starts_upper(w.form) &&
         low[static_cast<std::size_t>(i)] == e.words[0];
}

// Whether words [i, i+len) spell entry e as a name: the same words, each
// content word capitalised (a name written as one), and at least one of them
// mistagged (else there is nothing to do).
bool spells_name(const Sentence& s, const std::vector<std::string>& low, int i, const PhraseEntry& e) {
  const int len = static_cast<int>(e.words.size());
  if (len < 2 || !name_kind(e.kind) || i + len > static_cast<int>(s.words.size())) return false;
  bool mistagged = false;
  for (int k = 0; k < len; ++k) {
    const Word& w = s.words[static_cast<std::size_t>(i + k)];
    if (low[static_cast<std::size_t>(i + k)] != e.words[static_cast<std::size_t>(k)]) return false;
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

// A one-word agent term ("gunman", "protester") spelled by `low` or by its
// regular or -men plural, as (term, plural); empty term if none.
std::pair<std::string, bool> agent_term(const Dictionary& d, const std::string& low) {
  std::vector<std::pair<std::string, bool>> tries = {{low, false}};
  if (low.ends_with("men")) tries.push_back({low.substr(0, low.size() - 3) + "man", true});
  if (low.ends_with("ies")) tries.push_back({low.substr(0, low.size() - 3) + "y", true});
  if (low.ends_with("s")) tries.push_back({low.substr(0, low.size() - 1), true});
  for (const auto& [w, plural] : tries) {
    auto it = d.phrases.by_first.find(w);
    if (it == d.phrases.by_first.end()) continue;
    for (int id : it->second) {
      const PhraseEntry& e = d.phrases.entries[static_cast<std::size_t>(id)];
      if (e.words.size() == 1 && e.kind == PhraseKind::kAgent) return {w, plural};
      if (e.words.size() == 1) return {"", false};  // also a name: leave it
    }
  }
  return {"", false};
}

// The tagger reads a capitalised first word as a name ("Gunmen abducted 30
// students": PROPN, lemma "Gunmen"); a plural agent term is the noun. Not a
// singular one: "King Hassan of Morocco", "President Biden" are titles.
void first_word_as_agent_noun(const Dictionary& d, const std::string& low, Sentence& s) {
  if (s.words.size() < 2) return;
  Word& w = s.words.front();
  if (w.upos != "PROPN" || !starts_upper(w.form) || w.form.size() < 3 || s.words[1].upos == "PROPN") return;
  auto [term, plural] = agent_term(d, low);
  if (term.empty() || !plural) return;
  w.upos = "NOUN";
  w.xpos = "NNS";
  w.lemma = term;
  w.feats = "Number=Plur";
}

}  // namespace

// The dictionaries' phrases are lower-case: each form is lowered once here,
// not once per candidate entry.
void NameTagCorrector::correct(Sentence& s) const {
  if (s.words.empty()) return;
  std::vector<std::string> low;
  low.reserve(s.words.size());
  for (const Word& w : s.words) low.push_back(lower(w.form));
  first_word_as_agent_noun(*dict_, low.front(), s);
  const int n = static_cast<int>(s.words.size());
  for (int i = 0; i < n;) {
    int best = 0;
    auto it = dict_->phrases.by_first.find(low[static_cast<std::size_t>(i)]);
    if (it != dict_->phrases.by_first.end()) {
      for (int id : it->second) {  // longest first
        const PhraseEntry& e = dict_->phrases.entries[static_cast<std::size_t>(id)];
        if (spells_name(s, low, i, e)) {
          best = static_cast<int>(e.words.size());
          break;
        }
        if (verb_read_name(s, low, i, e)) {
          retag_as_name(s.words[static_cast<std::size_t>(i)]);
          break;
        }
      }
    }
    for (int k = i; k < i + best; ++k) {
      Word& w = s.words[static_cast<std::size_t>(k)];
      if (!country_adjective(*dict_, low[static_cast<std::size_t>(k)])) retag_as_name(w);
    }
    i += best > 0 ? best : 1;
  }
}

}  // namespace dyad::detail
