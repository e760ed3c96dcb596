// dyad — the gazetteer: place names -> country, first-level subdivision and
// coordinates.
//
// The gazetteer file is generated at build time (tools/geo/gen_gazetteer.py)
// from GeoNames (via npm, CC BY 4.0) and Debian iso-codes; see docs/geo.md.
// Gazetteer::load reads it once; lookups are const and thread-safe, and a
// Gazetteer is cheap to copy (it shares its read-only data).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

enum class PlaceKind { kCountry, kAdmin1, kRegion, kCity };

std::string_view to_string(PlaceKind kind);  ///< "country" | "admin1" | "region" | "city"

/// One candidate place for a name.
struct PlaceMatch {
  std::string name;         ///< The place's own name ("Kyiv" for the query "Kiev").
  PlaceKind kind = PlaceKind::kCity;
  std::string country;      ///< ISO 3166-1 alpha-3 ("NCL"); XKX for Kosovo.
  /// First-level subdivision: an ISO 3166-2 code ("UA-14") where the GeoNames
  /// admin1 was paired with one, else the GeoNames code with a dot ("PS.GZ"),
  /// else empty (countries; cities whose admin1 is unknown).
  std::string admin1;
  std::string admin1_name;  ///< English GeoNames name ("Donetsk"), or the ISO name.
  double lat = 0.0;         ///< WGS84 degrees; NaN when the data has no point.
  double lon = 0.0;
  long long population = 0; ///< GeoNames; for countries / subdivisions the sum over their cities >= 1000.
  std::string feature;      ///< GeoNames feature code ("PPLC" capital, "PPLA" seat...), or
                            ///< ISO3166-1 / ADM1 / ISO3166-2 / REGION.
  /// How the query matched: "name" (the place's name or its ASCII form),
  /// "alternate" (ISO / other official name), "alias" (dyad's exonym list), plus
  /// "+type" when a trailing type word ("oblast", "region"...) was dropped.
  std::string matched_by;
  double score = 0.0;       ///< Ranking score (higher first); see docs/geo.md.
};

namespace detail { struct GazetteerData; }

class Gazetteer {
 public:
  /// $DYAD_GAZETTEER if set, else the file the build generated (build/data/gazetteer.tsv).
  static std::string default_path();

  /// Reads a gazetteer file; throws dyad::Error naming the path (and line) and the fix.
  static Gazetteer load(const std::string& path = default_path());

  /// Candidates for a place name, best first; empty when the name is unknown.
  /// `country_hint` (ISO alpha-3, e.g. from the sentence's actors) lifts
  /// candidates in that country: it decides between places of similar size
  /// ("Tripoli" + LBN -> Lebanon), not against a far larger one.
  /// Accepts "the X", "X region/oblast/province/governorate..." (then only
  /// subdivisions and regions match), case and diacritics freely.
  std::vector<PlaceMatch> lookup(std::string_view name, std::string_view country_hint = {}) const;

  std::size_t size() const;  ///< Number of places.
  const std::string& path() const;  ///< The file it was loaded from.

 private:
  explicit Gazetteer(std::shared_ptr<const detail::GazetteerData> data) : data_(std::move(data)) {}
  std::shared_ptr<const detail::GazetteerData> data_;
};

/// The key a name is indexed under: NFKD, marks dropped, lower case, a few
/// letters mapped (ø->o, ß->ss, ə->e...), apostrophes dropped, other
/// punctuation as spaces. Must match fold() in tools/geo/gen_gazetteer.py.
std::string fold_place_name(std::string_view name);

}  // namespace dyad
