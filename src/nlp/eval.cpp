// The metrics and the table of conll18_ud_eval.py (CoNLL 2018 shared task).
//
// Design note: Tokens and Sentences compare character spans (a unit is correct
// when both its start and its end match). Every other metric runs over the word
// alignment (eval_align.cpp): Words counts aligned words; UPOS … BLEX count
// aligned words whose columns agree, with heads compared through the alignment
// (a system head is correct when it is aligned to the gold head, or both are the
// root). CLAS, MLAS and BLEX only count words with a content relation. The
// divisions and the formatting reproduce the script's floating-point steps, so
// the printed table is identical to `conll18_ud_eval.py --verbose`.
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>

#include "dyad/error.h"
#include "dyad/eval.h"
#include "nlp/eval_internal.h"

namespace dyad {
namespace {

using detail::kUdNotAligned;
using detail::kUdRoot;
using detail::UdAlignment;
using detail::UdRepresentation;
using detail::UdSpan;
using detail::UdWord;

UdScore make_score(std::size_t gold, std::size_t system, std::size_t correct) {
  UdScore s;
  s.correct = correct;
  s.gold_total = gold;
  s.system_total = system;
  const auto c = static_cast<double>(correct);
  s.precision = system ? c / static_cast<double>(system) : 0.0;
  s.recall = gold ? c / static_cast<double>(gold) : 0.0;
  s.f1 = system + gold ? 2 * c / static_cast<double>(system + gold) : 0.0;
  return s;
}

UdScore spans_score(const std::vector<UdSpan>& gold, const std::vector<UdSpan>& system) {
  std::size_t correct = 0, gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].start < gold[gi].start) {
      ++si;
    } else if (gold[gi].start < system[si].start) {
      ++gi;
    } else {
      correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return make_score(gold.size(), system.size(), correct);
}

// Everything a key comparison needs: both word lists and the alignment.
struct Aligned {
  const std::vector<UdWord>& gold;
  const std::vector<UdWord>& system;
  const UdAlignment& alignment;

  // The script's gold_aligned_system(): a system word's gold partner, for heads.
  long to_gold(long system_index) const {
    if (system_index == kUdRoot) return kUdRoot;
    return alignment.system_to_gold[static_cast<std::size_t>(system_index)];
  }
  bool same_head(const UdWord& g, const UdWord& s) const { return g.parent == to_gold(s.parent); }
  bool same_lemma(const UdWord& g, const UdWord& s) const { return g.lemma == "_" || g.lemma == s.lemma; }
  bool same_feats(const UdWord& g, const UdWord& s) const { return g.upos == s.upos && g.feats == s.feats; }
  bool same_children(const UdWord& g, const UdWord& s) const {
    if (g.functional_children.size() != s.functional_children.size()) return false;
    for (std::size_t k = 0; k < g.functional_children.size(); ++k) {
      const UdWord& gc = gold[g.functional_children[k]];
      const UdWord& sc = system[s.functional_children[k]];
      if (static_cast<long>(g.functional_children[k]) != to_gold(static_cast<long>(s.functional_children[k])) ||
          gc.deprel != sc.deprel || !same_feats(gc, sc)) {
        return false;
      }
    }
    return true;
  }
};

enum class Filter { kAll, kContent };

bool passes(const UdWord& w, Filter f) { return f == Filter::kAll || w.is_content; }

template <typename Same>
UdScore alignment_score(const Aligned& a, Filter filter, Same same) {
  auto count = [filter](const std::vector<UdWord>& words) {
    return static_cast<std::size_t>(
        std::count_if(words.begin(), words.end(), [filter](const UdWord& w) { return passes(w, filter); }));
  };
  std::size_t aligned = 0, correct = 0;
  for (auto [g, s] : a.alignment.matched) {
    if (!passes(a.gold[g], filter)) continue;
    ++aligned;
    correct += same(a.gold[g], a.system[s]);
  }
  UdScore score = make_score(count(a.gold), count(a.system), correct);
  score.has_aligned_accuracy = true;
  score.aligned_total = aligned;
  score.aligned_accuracy = aligned ? static_cast<double>(correct) / static_cast<double>(aligned) : 0.0;
  return score;
}

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

// "sentence N (sent_id X)" holding the given character, for error messages.
std::string sentence_at(const UdRepresentation& ud, const std::vector<Sentence>& sentences, std::size_t character) {
  auto it = std::upper_bound(ud.sentences.begin(), ud.sentences.end(), character,
                             [](std::size_t c, const UdSpan& s) { return c < s.end; });
  const auto index = static_cast<std::size_t>(it - ud.sentences.begin());
  if (index >= sentences.size()) return "end of file";
  std::string where = "sentence " + std::to_string(index + 1);
  if (!sentences[index].id.empty()) where += " (sent_id " + sentences[index].id + ")";
  return where;
}

[[noreturn]] void throw_text_mismatch(const UdRepresentation& gold, const std::vector<Sentence>& gold_sentences,
                                      const UdRepresentation& system,
                                      const std::vector<Sentence>& system_sentences) {
  const auto& g = gold.characters;
  const auto& s = system.characters;
  std::size_t i = 0;
  while (i < g.size() && i < s.size() && g[i] == s[i]) ++i;
  throw Error(
      "The concatenation of tokens in gold file and in system file differ!\n"
      "First 20 differing characters in gold file: '" + utf8(g.substr(i, 20)) + "' and system file: '" +
      utf8(s.substr(i, 20)) + "'\n(first difference at character " + std::to_string(i) +
      ", counted from 0 with whitespace ignored: gold " + sentence_at(gold, gold_sentences, i) + ", system " +
      sentence_at(system, system_sentences, i) +
      "; run the system on the gold text, e.g. the output of tools/conllu_to_text.py GOLD)");
}

void append_row(std::string& out, const char* metric, const UdScore& s) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%-11s|%10.2f |%10.2f |%10.2f |", metric, 100 * s.precision, 100 * s.recall,
                100 * s.f1);
  out += buf;
  if (s.has_aligned_accuracy) {
    std::snprintf(buf, sizeof buf, "%10.2f", 100 * s.aligned_accuracy);
    out += buf;
  }
  out += '\n';
}

}  // namespace

UdEvaluation evaluate_ud(const std::vector<Sentence>& gold_sentences, const std::vector<Sentence>& system_sentences) {
  const UdRepresentation gold = detail::load_ud_representation(gold_sentences, "gold");
  const UdRepresentation system = detail::load_ud_representation(system_sentences, "system");
  if (gold.characters != system.characters) {
    throw_text_mismatch(gold, gold_sentences, system, system_sentences);
  }

  const UdAlignment alignment = detail::align_ud_words(gold.words, system.words);
  const Aligned a{gold.words, system.words, alignment};
  using W = const UdWord&;
  UdEvaluation e;
  e.tokens = spans_score(gold.tokens, system.tokens);
  e.sentences = spans_score(gold.sentences, system.sentences);
  e.words = make_score(gold.words.size(), system.words.size(), alignment.matched.size());
  e.upos = alignment_score(a, Filter::kAll, [](W g, W s) { return g.upos == s.upos; });
  e.xpos = alignment_score(a, Filter::kAll, [](W g, W s) { return g.xpos == s.xpos; });
  e.ufeats = alignment_score(a, Filter::kAll, [](W g, W s) { return g.feats == s.feats; });
  e.alltags = alignment_score(a, Filter::kAll, [&a](W g, W s) { return a.same_feats(g, s) && g.xpos == s.xpos; });
  e.lemmas = alignment_score(a, Filter::kAll, [&a](W g, W s) { return a.same_lemma(g, s); });
  e.uas = alignment_score(a, Filter::kAll, [&a](W g, W s) { return a.same_head(g, s); });
  auto labelled = [&a](W g, W s) { return a.same_head(g, s) && g.deprel == s.deprel; };
  e.las = alignment_score(a, Filter::kAll, labelled);
  e.clas = alignment_score(a, Filter::kContent, labelled);
  e.mlas = alignment_score(a, Filter::kContent,
                           [&](W g, W s) { return labelled(g, s) && a.same_feats(g, s) && a.same_children(g, s); });
  e.blex = alignment_score(a, Filter::kContent, [&](W g, W s) { return labelled(g, s) && a.same_lemma(g, s); });
  return e;
}

std::string format_ud_evaluation(const UdEvaluation& e) {
  std::string out =
      "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
      "-----------+-----------+-----------+-----------+-----------\n";
  const std::pair<const char*, const UdScore*> rows[] = {
      {"Tokens", &e.tokens}, {"Sentences", &e.sentences}, {"Words", &e.words}, {"UPOS", &e.upos},
      {"XPOS", &e.xpos},     {"UFeats", &e.ufeats},       {"AllTags", &e.alltags}, {"Lemmas", &e.lemmas},
      {"UAS", &e.uas},       {"LAS", &e.las},             {"CLAS", &e.clas},   {"MLAS", &e.mlas},
      {"BLEX", &e.blex}};
  for (const auto& [name, score] : rows) append_row(out, name, *score);
  return out;
}

}  // namespace dyad
