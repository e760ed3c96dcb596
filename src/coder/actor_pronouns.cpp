// Pronoun antecedents. Design note: the nearest actor before a pronoun is
// often an object or a victim ("Two bombers killed 23 people when they blew
// themselves up"); a subject pronoun in a clause under another clause refers, far more
// often, to that clause's subject (subject parallelism, as in Hobbs' and
// centering-based resolvers). Only the governing clauses of the pronoun's own
// sentence are consulted; everything else stays with recency (the history
// look-back, here too), which never lets an object pronoun mean its own
// clause's subject. The other lookups (the outlet's "we", relative pronouns,
// "whose") are here too.
#include <string_view>

#include "coder/actors.h"
#include "coder/reported_speech.h"

namespace dyad::detail {
namespace {

// Which antecedents a pronoun accepts: he/she a person, it a thing (an
// institution, a country), they a plural, else anything but a single person.
bool human_fit(const ResolvedActor& a) { return a.human && !a.plural; }
bool thing_fit(const ResolvedActor& a) { return !a.human && !a.plural; }
bool plural_fit(const ResolvedActor& a) { return a.plural; }
bool any_fit(const ResolvedActor& a) { return !a.human || a.plural; }

}  // namespace

std::vector<ResolvedActor> ActorResolver::resolve_pronoun(int h) {
  const std::string& l = v_->lemma(h);
  const std::string& f = v_->low(h);
  auto from_antecedent = [&](std::optional<ResolvedActor> a) -> std::vector<ResolvedActor> {
    if (!a) return {};
    ResolvedActor r = *a;
    r.actor.antecedent = r.actor.span;
    r.actor.span = v_->word(h).span;
    r.actor.text = v_->word(h).form;
    r.actor.via = "pronoun";
    r.actor.word = h;
    r.penalty += 0.1;
    return {r};
  };
  const bool first_person_plural = l == "we" || f == "we" || f == "us" || f == "our" || f == "ours" || f == "ourselves";
  const bool first_person = f == "i" || f == "me" || f == "my" || f == "mine" || f == "myself";
  if (first_person_plural || first_person) {
    // In what a speaker says, "we" is the speaker's side and "I" the speaker:
    // "'We will not negotiate with terrorists,' the Nigerian president said."
    if (int speaker = quoted_speaker(h); speaker >= 0) {
      std::vector<ResolvedActor> r = resolve(speaker, 1);
      if (!r.empty()) {
        std::vector<ResolvedActor> out = from_antecedent(r.front());
        out.front().actor.via = "speaker";
        out.front().plural = first_person_plural;
        return out;
      }
    }
    if (first_person || ctx_.outlet_country.empty()) return {};
    ResolvedActor r = make(h, h, h, ctx_.outlet_country, "", "outlet");
    r.plural = true;
    r.penalty = 0.1;
    return {r};
  }
  const std::vector<int> not_these = clause_subjects(h);
  if (f == "he" || f == "she" || f == "him" || f == "her" || f == "his" || f == "hers") {
    auto a = governing_subject(h, human_fit);
    return from_antecedent(a ? a : recent(human_fit, h, not_these));
  }
  if (f == "it" || f == "its") {
    auto a = governing_subject(h, thing_fit);
    return from_antecedent(a ? a : recent(thing_fit, h, not_these));
  }
  if (f == "they" || f == "them" || f == "their") {
    auto a = governing_subject(h, plural_fit);
    if (!a) a = recent(plural_fit, h, not_these);
    return from_antecedent(a ? a : recent(any_fit, h, not_these));
  }
  if (f == "whose") {
    // "Russia, whose troops attacked ...": the noun the relative clause
    // modifies (or, as parsers often hang it, the one the phrase is in
    // apposition to: "Washington, whose lobbyists, ..., tried to ...").
    int x = v_->head(h);
    for (int hop = 0; hop < 4 && x >= 0; ++hop) {
      const std::string& rel = v_->rel(x);
      int up = v_->head(x);
      if (up >= 0 && up < h && (rel == "acl:relcl" || (rel == "appos" && hop == 0))) {
        std::vector<ResolvedActor> r = resolve(up, 1);
        for (ResolvedActor& a : r) {
          a.actor.antecedent = a.actor.span;
          a.actor.span = v_->word(h).span;
          a.actor.text = v_->word(h).form;
          a.actor.via = "relative";
        }
        return r;
      }
      x = up;
    }
    return {};
  }
  if (f == "who" || f == "which" || f == "that" || f == "whom") {
    // "the service, which ..." -> the noun the relative clause modifies
    int verb = v_->head(h);
    if (verb >= 0 && v_->rel(verb) == "acl:relcl") {
      int noun = v_->head(verb);
      if (noun >= 0 && noun < h) {
        std::vector<ResolvedActor> r = resolve(noun, 1);
        for (ResolvedActor& a : r) {
          a.actor.antecedent = a.actor.span;
          a.actor.via = "relative";
        }
        return r;
      }
    }
  }
  return {};
}

// The subject of the speech verb whose reported clause (ccomp, parataxis)
// contains word h, or -1: the speaker of a quotation or indirect speech.
int ActorResolver::quoted_speaker(int h) const {
  int x = h;
  for (int hop = 0; hop < 12 && x >= 0; ++hop) {
    const int up = v_->head(x);
    if (up < 0) return -1;
    std::string_view r = v_->base_rel(x);
    if ((r == "ccomp" || r == "parataxis") && statement_verb(*v_, up)) {
      int subject = v_->first_kid(up, "nsubj");
      return subject != h ? subject : -1;
    }
    x = up;
  }
  return -1;
}

std::optional<ResolvedActor> ActorResolver::recent(bool (*fits)(const ResolvedActor&), int before_word,
                                                   const std::vector<int>& not_these) const {
  auto excluded = [&](const ResolvedActor& a) {
    for (int w : not_these) {
      if (a.sentence == sentence_ && a.actor.word == w) return true;
      if (!done_[w]) continue;
      for (const ResolvedActor& b : table_[w])
        if (!b.actor.code.empty() && b.actor.code == a.actor.code) return true;
    }
    return false;
  };
  // Prefer clause-level actors over ones embedded in a larger phrase; look back
  // at most three sentences.
  for (int pass = 0; pass < 2; ++pass) {
    for (auto it = history_.rbegin(); it != history_.rend(); ++it) {
      if (it->sentence == sentence_ && it->actor.word >= before_word) continue;
      if (it->sentence < sentence_ - 3) break;
      if (pass == 0 && it->embedded) continue;
      if (fits(*it) && !excluded(*it)) return *it;
    }
  }
  return std::nullopt;
}

// A pronoun object never means its own clause's subject (it would be
// "themselves"): in "Azerbaijan will refuse to consider them", them is not
// Azerbaijan, the subject that also controls "to consider".
std::vector<int> ActorResolver::clause_subjects(int h) const {
  std::vector<int> out;
  const std::string_view r = v_->base_rel(h);
  if (r != "obj" && r != "iobj") return out;
  int clause = v_->head(h);
  for (int hop = 0; clause >= 0 && hop < 4; ++hop) {
    for (int s : v_->children(clause))
      if (v_->base_rel(s) == "nsubj") out.push_back(s);
    if (v_->base_rel(clause) != "xcomp") break;
    clause = v_->head(clause);
  }
  return out;
}

std::optional<ResolvedActor> ActorResolver::governing_subject(int h, bool (*fits)(const ResolvedActor&)) const {
  // A possessive on the subject counts as the subject: "the French were
  // powerless, where [their] efforts to pressure X were in vain".
  int subject = h;
  if (v_->rel(h) == "nmod:poss" && v_->head(h) >= 0 && v_->base_rel(v_->head(h)) == "nsubj") subject = v_->head(h);
  if (v_->base_rel(subject) != "nsubj") return std::nullopt;
  int clause = v_->head(subject);
  for (int hops = 0; clause >= 0 && hops < 3; ++hops) {
    std::string_view r = v_->base_rel(clause);
    if (r != "advcl" && r != "ccomp" && r != "conj" && r != "xcomp" && r != "parataxis") return std::nullopt;
    clause = v_->head(clause);
    if (clause < 0) return std::nullopt;
    for (int s : v_->children(clause)) {
      if (v_->base_rel(s) != "nsubj" || s >= h || !done_[s]) continue;
      const std::vector<ResolvedActor>& a = table_[s];
      if (a.size() == 1 && fits(a.front())) return a.front();
      return std::nullopt;  // the governing subject is no fitting actor: recency decides
    }
  }
  return std::nullopt;
}

}  // namespace dyad::detail
