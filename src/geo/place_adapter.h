// Adapter: the gazetteer behind the coder's place interface
// (detail::PlaceLookup in src/coder/places.h), so the coder can swap its
// actor-KB lookup for this one without other changes. See docs/geo.md,
// "Wiring into the coder".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "coder/places.h"
#include "dyad/geo.h"

namespace dyad::detail {

class GazetteerPlaceLookup : public PlaceLookup {
 public:
  /// `fallback` (e.g. the coder's KbPlaceLookup) answers when the gazetteer
  /// has no match; it must outlive this object. Null: no fallback.
  explicit GazetteerPlaceLookup(Gazetteer gazetteer, const PlaceLookup* fallback = nullptr)
      : gazetteer_(std::move(gazetteer)), fallback_(fallback) {}

  /// The place named by the phrase headed by word `head` ("New Caledonia",
  /// "the Donetsk region", "Niamey"), or nullopt. Place::kind is
  /// country|capital|city|admin1|region.
  std::optional<Place> lookup(const SentenceView& v, int head) const override;

  /// Same, with a country (ISO alpha-3) from the sentence's actors to decide
  /// between places of similar size ("Tripoli" with LBN -> Lebanon).
  std::optional<Place> lookup(const SentenceView& v, int head, std::string_view country_hint) const;

  /// The full gazetteer answer for the same phrase (empty if none): for
  /// callers that want coordinates and the subdivision.
  std::optional<PlaceMatch> match(const SentenceView& v, int head, std::string_view country_hint,
                                  Place* place = nullptr) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  Gazetteer gazetteer_;
  const PlaceLookup* fallback_;
};

}  // namespace dyad::detail
