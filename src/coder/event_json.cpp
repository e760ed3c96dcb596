// Event serialization: the one JSON form (and TSV row) of an Event.
#include <sstream>

#include "dyad/event.h"

namespace dyad {

std::string_view to_string(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kReported: return "reported";
    case Modality::kAlleged: return "alleged";
    case Modality::kDenied: return "denied";
    case Modality::kNegated: return "negated";
    case Modality::kConditional: return "conditional";
    case Modality::kFuture: return "future";
    case Modality::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

nlohmann::json actor_to_json(const Actor& a) {
  nlohmann::json j = {{"text", a.text},       {"code", a.code},       {"country", a.country},
                      {"sector", a.sector},   {"start", a.span.start}, {"end", a.span.end},
                      {"via", a.via}};
  if (!a.person.empty()) j["person"] = a.person;
  if (a.antecedent) j["antecedent"] = {{"start", a.antecedent->start}, {"end", a.antecedent->end}};
  return j;
}

nlohmann::json event_to_json(const Event& e) {
  using nlohmann::json;
  json j;
  j["doc"] = e.doc;
  j["sentence"] = e.sentence;
  j["sentence_text"] = e.sentence_text;
  j["sentence_start"] = e.sentence_span.start;
  j["sentence_end"] = e.sentence_span.end;
  j["source"] = e.source ? actor_to_json(*e.source) : json(nullptr);
  j["target"] = e.target ? actor_to_json(*e.target) : json(nullptr);
  j["cameo"] = e.cameo;
  j["label"] = e.label;
  j["plover"] = e.plover;
  j["mode"] = e.mode;
  j["context"] = e.context;
  j["goldstein"] = e.goldstein;
  j["quad_class"] = e.quad_class;
  j["trigger"] = {{"text", e.trigger_text}, {"start", e.trigger.start}, {"end", e.trigger.end}};
  j["date"] = e.date.empty() ? json(nullptr) : json(e.date);
  j["date_precision"] = e.date_precision.empty() ? json(nullptr) : json(e.date_precision);
  j["date_is_publication"] = e.date_is_publication;
  if (e.date_cue_span) {
    j["date_cue"] = {{"text", e.date_cue}, {"start", e.date_cue_span->start}, {"end", e.date_cue_span->end}};
  } else {
    j["date_cue"] = nullptr;
  }
  if (e.location) {
    j["location"] = {{"text", e.location->text},
                     {"start", e.location->span.start},
                     {"end", e.location->span.end},
                     {"country", e.location->country},
                     {"kind", e.location->kind}};
    if (!e.location->name.empty()) j["location"]["name"] = e.location->name;
    if (!e.location->admin1.empty()) {
      j["location"]["admin1"] = e.location->admin1;
      j["location"]["admin1_name"] = e.location->admin1_name;
    }
    if (e.location->lat && e.location->lon) {
      j["location"]["lat"] = *e.location->lat;
      j["location"]["lon"] = *e.location->lon;
    }
  } else {
    j["location"] = nullptr;
  }
  j["modality"] = std::string(to_string(e.modality));
  j["attributed_to"] = e.attributed_to ? actor_to_json(*e.attributed_to) : json(nullptr);
  j["rule"] = e.rule;
  j["confidence"] = std::round(e.confidence * 1000.0) / 1000.0;
  j["outlet"] = e.outlet.empty() ? json(nullptr) : json(e.outlet);
  j["outlet_partisan"] = e.outlet_partisan ? json(*e.outlet_partisan) : json(nullptr);
  if (e.explanation) {
    const Explanation& x = *e.explanation;
    j["explanation"] = {{"pattern", x.pattern}, {"source", x.source_path}, {"target", x.target_path},
                        {"modality", x.modality}, {"date", x.date},     {"location", x.location}};
  }
  return j;
}

std::string_view event_tsv_header() {
  return "source\ttarget\tcameo\tplover\tdate\tmodality\ttrigger\tsentence";
}

std::string event_to_tsv(const Event& e) {
  auto clean = [](std::string s) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return s;
  };
  std::ostringstream out;
  out << (e.source ? e.source->code : "") << '\t' << (e.target ? e.target->code : "") << '\t' << e.cameo << '\t'
      << e.plover << '\t' << e.date << '\t' << to_string(e.modality) << '\t' << clean(e.trigger_text) << '\t'
      << clean(e.sentence_text);
  return out.str();
}

}  // namespace dyad
