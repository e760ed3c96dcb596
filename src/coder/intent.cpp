// Intent codes. The table follows the CAMEO codebook's parallel structure:
// each 03x "express intent to ..." and 13x "threaten to ..." code names the
// act it announces, so the most specific announced act keeps its detail
// (0813 lift curfew -> 0351 ease administrative sanctions; 1723 impose curfew
// -> 1323 threaten to impose curfew) and anything else falls back to the
// root's general intent (036 meet, 032 diplomatic cooperation, 131 threaten
// non-force, 138 threaten military force).
#include "coder/intent.h"

#include <array>
#include <string_view>
#include <utility>

namespace dyad::detail {
namespace {

// Longest matching prefix wins: specific codes first within each root.
constexpr std::pair<std::string_view, std::string_view> kIntent[] = {
    {"045", "039"},  {"046", "036"},  {"04", "036"},                                    // consult
    {"05", "032"},                                                                      // diplomatic cooperation
    {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"06", "031"},  // material cooperation
    {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"07", "033"},  // aid
    {"081", "0351"}, {"082", "0352"}, {"0831", "0341"}, {"0832", "0342"}, {"0833", "0343"}, {"0834", "0344"},  // yield
    {"083", "034"},
    {"084", "0353"}, {"085", "0354"}, {"086", "0355"}, {"087", "0356"}, {"08", "035"},
    {"14", "133"},                                                                      // protest
    {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"},  // reduce relations
    {"16", "131"},
    {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"17", "137"},  // coerce
    {"191", "1381"}, {"192", "1382"}, {"18", "1383"}, {"19", "1384"},  // violence
    {"204", "1385"}, {"20", "138"},
};

}  // namespace

std::string intent_code(const std::string& cameo) {
  std::size_t best = 0;
  std::string_view out;
  for (const auto& [act, intent] : kIntent) {
    if (cameo.starts_with(act) && act.size() > best) {
      best = act.size();
      out = intent;
    }
  }
  return std::string(out);
}

}  // namespace dyad::detail
