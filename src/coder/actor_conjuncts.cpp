// Plural heads and coordination (part of ActorResolver; see actors.cpp):
// "France and Germany", "the foreign ministers of Finland and Sweden",
// "Israeli and Palestinian officials" each denote one actor per country.
#include <algorithm>

#include "coder/actors.h"

namespace dyad::detail {

std::vector<ResolvedActor> ActorResolver::with_conjuncts(int i) const {
  std::vector<ResolvedActor> out = table_[i];
  std::vector<int> todo = v_->kids(i, "conj");
  while (!todo.empty()) {
    int c = todo.front();
    todo.erase(todo.begin());
    for (const ResolvedActor& a : table_[c]) out.push_back(a);
    for (int cc : v_->kids(c, "conj")) todo.push_back(cc);
  }
  return out;
}

// "the foreign ministers of Finland and Sweden": a plural head takes one
// actor per country of its coordinated "of" phrase, so "... met" is Finland
// meeting Sweden rather than Finland alone.
void ActorResolver::add_of_conjuncts(int h, int first, const std::string& sector, const ResolvedActor& r,
                                     std::vector<ResolvedActor>& out) {
  for (int c : v_->children(h)) {
    if (v_->base_rel(c) != "nmod" || v_->case_of(c) != "of") continue;
    for (int cj : v_->kids(c, "conj")) {
      std::vector<ResolvedActor> other = resolve(cj, 1);
      if (other.empty() || other.front().actor.country.empty()) continue;
      const std::string& country = other.front().actor.country;
      bool known = std::any_of(out.begin(), out.end(), [&](const ResolvedActor& a) { return a.actor.country == country; });
      if (known) continue;
      ResolvedActor more = r;
      more.actor = make(first, v_->subtree(cj).back(), h, country, sector, "of").actor;
      out.push_back(std::move(more));
    }
  }
}

// "Israeli and Palestinian officials", "US and South Korean forces": a plural
// head whose country modifier has coordinated countries is one actor per
// country, so "... met" is Israel meeting the Palestinians.
void ActorResolver::add_modifier_conjuncts(int h, const std::string& sector, const ResolvedActor& r,
                                           std::vector<ResolvedActor>& out) {
  auto country_of = [&](int w) -> std::string {
    const Mention* m = mention_at(w);
    if (!m || m == mention_at(h)) return "";
    const PhraseKind k = m->entry->kind;
    bool state = k == PhraseKind::kCountryName || k == PhraseKind::kAdjective || k == PhraseKind::kDemonym;
    return state ? d_.countries[m->entry->ref].code : "";
  };
  for (int c : v_->children(h)) {
    std::string_view b = v_->base_rel(c);
    if (c > h || (b != "amod" && b != "compound") || country_of(c) != r.actor.country) continue;
    for (int cj : v_->kids(c, "conj")) {
      const std::string country = country_of(cj);
      bool known = std::any_of(out.begin(), out.end(), [&](const ResolvedActor& a) { return a.actor.country == country; });
      if (country.empty() || known) continue;
      ResolvedActor more = r;
      more.actor.country = country;
      more.actor.code = country + sector;
      out.push_back(std::move(more));
    }
    return;
  }
}

// The last two distinct countries of the article's actors, latest first;
// empty unless there are two.
std::vector<ResolvedActor> ActorResolver::last_two_countries() const {
  std::vector<ResolvedActor> out;
  for (auto it = history_.rbegin(); it != history_.rend() && out.size() < 2; ++it) {
    if (it->actor.country.empty()) continue;
    bool seen = std::any_of(out.begin(), out.end(), [&](const ResolvedActor& o) { return o.actor.country == it->actor.country; });
    if (!seen) out.push_back(*it);
  }
  if (out.size() < 2) out.clear();
  return out;
}

// "the two leaders met": a definite plural agent counted as two (nummod
// "two", or "both") stands for the last two countries of the article, each
// with the agent's sector. Returns the pair or nothing.
std::vector<ResolvedActor> ActorResolver::recent_pair(const ResolvedActor& r, int h, const std::string& sector) const {
  bool two = false;
  for (int c : v_->children(h)) {
    const std::string& l = v_->low(c);
    two = two || (v_->base_rel(c) == "nummod" && l == "two") || (v_->base_rel(c) == "det" && l == "both");
  }
  if (!two) return {};
  std::vector<ResolvedActor> out;
  for (const ResolvedActor& a : last_two_countries()) {
    ResolvedActor more = r;
    more.actor.country = a.actor.country;
    more.actor.code = a.actor.country + sector;
    more.actor.antecedent = a.actor.span;
    more.actor.via = "coref";
    more.plural = true;
    more.penalty += 0.15;
    out.push_back(std::move(more));
  }
  return out;
}

}  // namespace dyad::detail
