// Pronoun antecedents by grammatical role (the rest of pronoun resolution is
// in actors.cpp). Design note: the nearest actor before a pronoun is often an
// object or a victim ("Two bombers killed 23 people when they blew themselves
// up"); a subject pronoun in a clause under another clause refers, far more
// often, to that clause's subject (subject parallelism, as in Hobbs' and
// centering-based resolvers). Only the governing clauses of the pronoun's own
// sentence are consulted; everything else stays with recency.
#include "coder/actors.h"

namespace dyad::detail {

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
