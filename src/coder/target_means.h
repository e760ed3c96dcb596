// Targets that are the source's own means rather than whom an act concerns.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "coder/actors.h"

namespace dyad::detail {

/// True when every target is armed forces or weapons named without any
/// country ("warships", "some invasion forces"): in "X dispatched warships to
/// Y" or "the withdrawal of forces from Y" they are X's means, and the place
/// they act on (Y) is the target. Forces with a country ("Bolivian troops")
/// or any other actor among the targets keep them all.
bool only_armed_means(const std::vector<std::pair<ResolvedActor, std::string>>& targets);

}  // namespace dyad::detail
