// Actor resolution over the noun phrases of a parsed sentence, with
// article-level coreference (see actors.cpp for the rules).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "coder/dictionary.h"
#include "coder/sentence_view.h"
#include "dyad/event.h"

namespace dyad::detail {

/// A dictionary phrase found in the sentence: words [first, last].
struct Mention {
  int first = 0;
  int last = 0;
  int head = 0;  // the syntactic head word inside the range
  const PhraseEntry* entry = nullptr;
};

struct ResolvedActor {
  Actor actor;
  int person = -1;       // index into Dictionary::people when resolved through a person
  bool plural = false;
  bool human = false;
  bool embedded = false;  // a modifier inside a larger phrase ("of Azerbaijan")
  double penalty = 0.0;   // confidence reduction for indirect resolution
  int sentence = 0;
  std::string head_lemma;  // for "the ministry" -> the last ministry
};

struct ArticleContext {
  std::string outlet_country;  // ISO3 or empty
  int date = 0;                // yyyymmdd or 0
};

/// Finds the longest dictionary phrases in a sentence, left to right, without overlap.
std::vector<Mention> find_mentions(const Dictionary& d, const SentenceView& v);

class ActorResolver {
 public:
  ActorResolver(const Dictionary& d, ArticleContext ctx) : d_(d), ctx_(std::move(ctx)) {}

  /// Resolves every nominal of the sentence left to right and appends the
  /// results to the article history used by pronouns and "the ministry".
  void add_sentence(const SentenceView& v, int sentence_index);

  /// Actors denoted by the phrase headed by word i of the last added sentence.
  const std::vector<ResolvedActor>& at(int i) const { return table_[i]; }
  /// Word i plus its conjuncts ("France and Germany"), each resolved.
  std::vector<ResolvedActor> with_conjuncts(int i) const;
  const std::vector<Mention>& mentions() const { return mentions_; }
  const Mention* mention_at(int i) const;

  /// Re-codes a person actor for the event date (yyyymmdd, 0 = unknown).
  void apply_date(ResolvedActor& a, int date) const;
  const Dictionary& dictionary() const { return d_; }

 private:
  std::vector<ResolvedActor> resolve(int h, int depth);
  std::vector<ResolvedActor> resolve_pronoun(int h);
  std::vector<ResolvedActor> resolve_mention(int h, const Mention& m);
  /// An actor noun's "in COUNTRY" phrase right after it gives r its country.
  bool in_country(int last, ResolvedActor& r) const;
  /// actor_coref.cpp: the earlier actor whose country a bare organ or office
  /// holder headed by h ("the ministry") takes, or null.
  const ResolvedActor* organ_antecedent(int h, const std::string& sector, bool human) const;
  std::vector<ResolvedActor> resolve_common(int h, int depth);
  // actor_names.cpp: titled names, shared names, owned person nouns
  std::vector<ResolvedActor> resolve_titled_name(int h);
  std::string title_country(int h, const std::vector<int>& phrase);
  int person_on_date(const Mention& m) const;
  std::vector<ResolvedActor> resolve_owned_part(int h);
  std::string adjective_country(int h) const;
  void add_of_conjuncts(int h, int first, const std::string& sector, const ResolvedActor& r,
                        std::vector<ResolvedActor>& out);
  void add_modifier_conjuncts(int h, const std::string& sector, const ResolvedActor& r,
                              std::vector<ResolvedActor>& out);
  // actor_pronouns.cpp: a subject pronoun's governing clause subject
  std::optional<ResolvedActor> governing_subject(int h, bool (*fits)(const ResolvedActor&)) const;
  int quoted_speaker(int h) const;
  std::vector<ResolvedActor> last_two_countries() const;
  std::vector<ResolvedActor> recent_pair(const ResolvedActor& r, int h, const std::string& sector) const;
  std::string np_country(int h, std::string* how, std::string* org_code = nullptr);
  /// Whether phrase h is "ethnic X ...": a group by descent, coded by where it lives.
  bool ethnic_group(int h) const;
  /// The country named where the people of phrase h live (actor_residence.cpp):
  /// an of-phrase; with `in_too` an in-phrase (one level down too) or a
  /// participle's in-phrase ("operating in Macedonia"); "" if none.
  std::string residence(int h, bool in_too);
  ResolvedActor make(int first, int last, int head, const std::string& country, const std::string& sector,
                     const std::string& via) const;
  /// The latest actor of the history before `before_word` that fits and is
  /// none of the words `not_these` of this sentence nor an actor they resolved to.
  std::optional<ResolvedActor> recent(bool (*fits)(const ResolvedActor&), int before_word,
                                      const std::vector<int>& not_these = {}) const;
  // actor_pronouns.cpp: the subjects an object pronoun cannot mean
  std::vector<int> clause_subjects(int h) const;
  bool is_institution(int h) const;
  void split_code(const std::string& code, std::string& country, std::string& sector) const;

  const Dictionary& d_;
  ArticleContext ctx_;
  const SentenceView* v_ = nullptr;
  int sentence_ = 0;
  std::vector<Mention> mentions_;
  std::vector<int> mention_of_;  // word -> mention index or -1
  std::vector<std::vector<ResolvedActor>> table_;
  std::vector<char> done_;
  std::vector<ResolvedActor> history_;  // article order
};

}  // namespace dyad::detail
