// dyad — a coded political event: who did what to whom, when, where.
//
// Every textual field carries its byte span into the original input text
// (Document::text), so each value can be traced back to the words it came
// from. This struct is the stable contract between the coder, the CLI, the
// store and the HTTP server; all of them serialize it with event_to_json().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dyad/document.h"

namespace dyad {

/// An actor mention resolved to a CAMEO-style code.
struct Actor {
  std::string text;     ///< The words that resolved ("French Ambassador", "she").
  Span span;            ///< Bytes of `text` in the input.
  std::string code;     ///< Full code: "FRAGOV", "AZE", "IGOUNO", "GOV" (no country known).
  std::string country;  ///< ISO alpha-3 or empty (international / unknown).
  std::string sector;   ///< Role codes after the country: "GOV", "SPY", "" for a bare country.
  std::string via;      ///< How it was resolved: name|agent|capital|person|org|demonym|
                        ///< pronoun|coref|outlet|of|implicit|implied|... (see docs/coder.md).
  std::string person;   ///< Person record name when resolved through a person, else empty.
  std::optional<Span> antecedent;  ///< For pronouns / coreference: the antecedent's bytes.
  int word = -1;        ///< 0-based index of the head word in its sentence.
};

/// A place where the event happened (v1: country / capital / city of the actor KB).
struct Place {
  std::string text;
  Span span;
  std::string country;  ///< ISO alpha-3.
  std::string kind;     ///< country|capital|city|admin1|region
  std::string name;         ///< Gazetteer name ("Kyiv" for "Kiev"); empty without the gazetteer.
  std::string admin1;       ///< First-level subdivision, ISO 3166-2 where known ("UA-14").
  std::string admin1_name;  ///< Its English name.
  std::optional<double> lat, lon;  ///< WGS84 degrees, when the gazetteer has a point.
};

enum class Modality { kAsserted, kReported, kAlleged, kDenied, kNegated, kConditional, kFuture, kHypothetical };

std::string_view to_string(Modality m);

/// Why the coder produced an event (filled when CoderOptions/explain is on).
struct Explanation {
  std::string pattern;      ///< The pattern line as written.
  std::string source_path;  ///< e.g. "summon <-nsubj:pass- ambassador".
  std::string target_path;
  std::string modality;     ///< The rule that set the modality.
  std::string date;         ///< Where the date came from.
  std::string location;
};

struct Event {
  std::string doc;            ///< Document id (input id or file name).
  int sentence = 0;           ///< 0-based sentence index in the document.
  std::string sentence_text;
  Span sentence_span;
  std::optional<Actor> source;  ///< Null when the text does not name one (agentless passive).
  std::optional<Actor> target;
  std::string cameo;          ///< "166"
  std::string label;          ///< "Expel or withdraw"
  std::string plover;         ///< "SANCTION"
  std::string mode;
  std::string context;
  double goldstein = 0.0;
  int quad_class = 0;         ///< 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.
  std::string trigger_text;
  Span trigger;
  std::string date;           ///< YYYY-MM-DD (first day of the week/month/year for coarser precision); empty if unknown.
  std::string date_precision; ///< day|week|month|year, empty if no date.
  bool date_is_publication = false;  ///< True when no cue was found and `date` is the article date.
  std::string date_cue;       ///< The words that gave the date ("yesterday"), empty otherwise.
  std::optional<Span> date_cue_span;
  std::optional<Place> location;
  Modality modality = Modality::kAsserted;
  std::optional<Actor> attributed_to;  ///< The speaker for reported speech.
  std::string rule;           ///< Pattern "file:line".
  double confidence = 0.0;    ///< 0..1, see docs/coder.md.
  std::string outlet;
  std::optional<bool> outlet_partisan;
  std::optional<Explanation> explanation;
};

/// The one JSON form of an event (dyad code, the store and the server use it).
/// `explanation` is written only when the event carries one.
nlohmann::json event_to_json(const Event& event);
nlohmann::json actor_to_json(const Actor& actor);

/// Tab-separated row: source code, target code, cameo, plover, date, modality,
/// trigger text, sentence (tabs/newlines in text replaced by spaces).
std::string event_to_tsv(const Event& event);
std::string_view event_tsv_header();

}  // namespace dyad
