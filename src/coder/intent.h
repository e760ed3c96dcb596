// Announced acts are intents: CAMEO codes "Portugal will support Turkey" as
// 03 (express intent to cooperate) and "NATO would tighten the blockade" as 13
// (threaten), never as the act itself. See intent.cpp.
#pragma once

#include <string>

namespace dyad::detail {

/// The CAMEO intent code for an act announced but not done (will/would/may,
/// "ready to", "plans to", "threatened to"): material and diplomatic
/// cooperation (04-08) -> 03x, material conflict (14, 16-20) -> 13x. Empty for
/// codes that are already verbal (01-03, 09-13) or a show of force (15).
std::string intent_code(const std::string& cameo);

}  // namespace dyad::detail
