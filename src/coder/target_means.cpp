// See target_means.h. Design note: the PLOVER gold standard, like CAMEO
// coders generally, codes "the US withdrew forces from Panama" as USA -> PAN:
// an unowned military noun is the instrument. Only the sector-only MIL
// reading is replaced, and only when coder.cpp finds a place for the act, so
// "rebels attacked soldiers" (no place) keeps its domestic MIL target.
#include "coder/target_means.h"

#include <algorithm>

namespace dyad::detail {

bool only_armed_means(const std::vector<std::pair<ResolvedActor, std::string>>& targets) {
  return !targets.empty() && std::all_of(targets.begin(), targets.end(), [](const auto& t) {
           const Actor& a = t.first.actor;
           return a.country.empty() && a.sector == "MIL" && a.code == "MIL" && a.via == "agent";
         });
}

}  // namespace dyad::detail
