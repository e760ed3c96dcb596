// Places (v1): an event's location from the actor knowledge base. Kept behind
// PlaceLookup so the gazetteer of src/geo/ can replace it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "coder/dictionary.h"
#include "coder/sentence_view.h"
#include "dyad/event.h"

namespace dyad::detail {

struct Mention;  // coder/actors.h

class PlaceLookup {
 public:
  virtual ~PlaceLookup() = default;
  /// The place named by the phrase headed by word `head`, or nullopt.
  virtual std::optional<Place> lookup(const SentenceView& v, int head) const = 0;
};

/// Countries, capitals and cities of data/actors/*.txt.
class KbPlaceLookup : public PlaceLookup {
 public:
  explicit KbPlaceLookup(const Dictionary& d) : d_(d) {}
  std::optional<Place> lookup(const SentenceView& v, int head) const override;

 private:
  const Dictionary& d_;
};

/// "airstrikes hit Gaza City, killing 20 civilians": a participial clause of
/// consequence (advcl, VBG) happened where its governing act did — that
/// verb's in/at phrase, else the place its object names. nullopt otherwise.
std::optional<Place> location_of_cause(const PlaceLookup& places, const SentenceView& v, int trigger,
                                       std::string* path);

/// The place a phrase names: its own name, or for a place-type noun the name
/// on it ("Montenegro province", "the city of Greenville"); nullopt if none.
std::optional<Place> place_of_phrase(const PlaceLookup& places, const SentenceView& v, int head);

/// The event location: an in/at/inside phrase on the trigger, on the verb
/// governing a nominal trigger, or on the target phrase, else one hung on a
/// verb trigger's other oblique ("remained on alert in X"). `path` explains it.
std::optional<Place> find_location(const PlaceLookup& places, const SentenceView& v, int trigger, int target_word,
                                   std::string* path);

/// Where an act is sent: a to/into phrase of the trigger or of its object
/// that names a place, or has an in/at place ("dispatched inspectors to the
/// plant in central Iran" -> IRN); with `from`, also a from-phrase (what a
/// withdrawal leaves: "the withdrawal of forces from Panama"); nullopt if none.
std::optional<Place> destination_place(const PlaceLookup& places, const SentenceView& v, int trigger, int object,
                                       bool from, std::string* path);

/// The country across or along a border the act moves to or near: "sent
/// troops to the border with Guyana" (GUY), "massed troops near the
/// Ukrainian border" (UKR), a border phrase on the trigger or its object;
/// nullopt if none. `mentions` are the sentence's dictionary phrases (the
/// actor resolver's, already found). Place kind "border".
std::optional<Place> border_place(const PlaceLookup& places, const Dictionary& d, const std::vector<Mention>& mentions,
                                  const SentenceView& v, int trigger, int object, std::string* path);

/// The places of the last coordinated list of place names in the sentence
/// ("ousted from Niger, Mali, Gabon and Burkina Faso"), in text order; empty
/// when the sentence lists none. "the latter"/"the former" refer back to it.
std::vector<Place> listed_places(const PlaceLookup& places, const SentenceView& v);

/// The frame of a sentence that opens with "In/At X," — X's place, where X
/// may be "the latter"/"the former" of `previous_list` — for every event of
/// the sentence without a place of its own ("In Niamey, protesters ...").
std::optional<Place> frame_place(const PlaceLookup& places, const SentenceView& v,
                                 const std::vector<Place>& previous_list, std::string* path);

}  // namespace dyad::detail
