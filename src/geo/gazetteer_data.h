// The loaded gazetteer: the file's bytes and views into them (see gazetteer.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/geo.h"

namespace dyad::detail {

struct PlaceRecord {
  PlaceKind kind = PlaceKind::kCity;
  std::string_view name, country, admin1, admin1_name, feature;
  double lat = 0.0, lon = 0.0;
  long long population = 0;
};

struct KeyRecord {
  std::string_view key;  ///< folded name, sorted bytewise
  std::uint32_t place = 0;
  char how = 'n';        ///< n = name, a = alternate, x = alias
};

struct GazetteerData {
  std::string path;
  std::string buffer;  ///< never modified after parsing: the views point into it
  std::vector<PlaceRecord> places;
  std::vector<KeyRecord> keys;
};

}  // namespace dyad::detail
