// The country of a bare state organ or office holder ("the ministry", "the
// government", "the ambassador") from the actors of the article so far.
// Order: the last actor with the same head noun; for an institution, the
// state its own sentence names by itself ("Turkey summoned the Swedish
// ambassador, the foreign ministry said": Turkey's ministry, not that of
// the last GOV actor, the Swedish ambassador); the last actor of the same
// sector and kind (people with people, institutions with institutions);
// then this sentence's first state, its first national actor, or the last
// state before it.
#include "coder/actors.h"

#include <algorithm>

namespace dyad::detail {
namespace {

bool state(const ResolvedActor& a) {
  return a.actor.sector.empty() && a.actor.code == a.actor.country && !a.actor.country.empty();
}

}  // namespace

const ResolvedActor* ActorResolver::organ_antecedent(int h, const std::string& sector, bool human) const {
  auto last = [&](auto fits) -> const ResolvedActor* {
    auto it = std::find_if(history_.rbegin(), history_.rend(), fits);
    return it == history_.rend() ? nullptr : &*it;
  };
  auto first_here = [&](auto fits) -> const ResolvedActor* {
    auto it = std::find_if(history_.begin(), history_.end(),
                           [&](const ResolvedActor& a) { return a.sentence == sentence_ && fits(a); });
    return it == history_.end() ? nullptr : &*it;
  };
  if (const ResolvedActor* a = last([&](const ResolvedActor& a) {
        return a.head_lemma == v_->lemma(h) && a.actor.sector == sector && !a.actor.country.empty();
      }))
    return a;
  const bool international = sector == "IGO" || sector.starts_with("NGO") || sector == "MNC";
  if (!human && !international) {
    if (const ResolvedActor* a = first_here(state)) return a;
  }
  if (const ResolvedActor* a = last([&](const ResolvedActor& a) {
        return a.actor.sector == sector && !a.actor.country.empty() && a.human == human;
      }))
    return a;
  if (international) return nullptr;  // not for "the international community"
  if (const ResolvedActor* a = first_here(state)) return a;
  if (const ResolvedActor* a = first_here([](const ResolvedActor& a) {
        return !a.actor.country.empty() && a.actor.code.starts_with(a.actor.country);
      }))
    return a;
  return last(state);
}

}  // namespace dyad::detail
