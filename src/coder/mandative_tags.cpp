#include "coder/mandative_tags.h"

#include <string>

#include "coder/dictionary.h"
#include "coder/verb_classes.h"

namespace dyad::detail {
namespace {

// Words of the clause's subject noun phrase ("the Sudanese government").
bool subject_word(const Word& w) {
  return w.upos == "DET" || w.upos == "ADJ" || w.upos == "NUM" || w.upos == "PROPN" || w.upos == "NOUN" ||
         w.upos == "PRON" || w.xpos == "POS";
}

bool subject_head(const Word& w) { return w.upos == "NOUN" || w.upos == "PROPN" || w.upos == "PRON"; }

// Whether `form` is the base form of a verb the dictionaries code (a noun
// trigger such as "attack" in "the army attack helicopters" is not enough).
bool event_verb(const Dictionary& d, const std::string& form) {
  auto it = d.patterns_by_lemma.find(lower(form));
  if (it == d.patterns_by_lemma.end()) return false;
  for (int id : it->second) {
    if (!d.patterns[static_cast<std::size_t>(id)].noun) return true;
  }
  return false;
}

// The clause after "that" at `that`: its first word that is a verb misread.
// A past tense is misread only after a request ("urged that Israel halt");
// "insisted that the army cut supplies" may report a fact.
int misread_verb(const Dictionary& d, const Sentence& s, std::size_t that, bool request) {
  const std::size_t end = std::min(s.words.size(), that + 10);
  if (that + 1 >= end || !subject_word(s.words[that + 1])) return -1;
  for (std::size_t k = that + 2; k < end; ++k) {
    const Word& w = s.words[k];
    if (subject_head(s.words[k - 1]) && (w.xpos == "NN" || (request && w.xpos == "VBD")) &&
        event_verb(d, w.form))
      return static_cast<int>(k);
    if (!subject_word(w)) return -1;  // a verb, auxiliary or punctuation: the clause is tagged as one
  }
  return -1;
}

}  // namespace

int mandative_verbs_retagged(const Dictionary& d, Sentence& s) {
  int retagged = 0;
  for (std::size_t i = 0; i + 3 < s.words.size(); ++i) {
    const std::string& next = s.words[i + 1].form;
    if (s.words[i].upos != "VERB" || next.size() != 4 || lower(next) != "that") continue;
    const std::string lemma = lower(s.words[i].lemma);
    if (!is_request_verb(lemma) && !is_mandative_verb(lemma)) continue;
    const int k = misread_verb(d, s, i + 1, is_request_verb(lemma));
    if (k < 0) continue;
    Word& w = s.words[static_cast<std::size_t>(k)];
    w.upos = "VERB";
    w.xpos = "VB";
    w.lemma = lower(w.form);
    w.feats = "VerbForm=Inf";
    ++retagged;
  }
  return retagged;
}

}  // namespace dyad::detail
