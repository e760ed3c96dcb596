// Accuracy benchmark for the event coder (not a Google Benchmark program):
//  1. PLOVER gold-standard dev records (../shared/data/plover/PLOVER_GSR_dev.json):
//     - type: the gold PLOVER type is among the types of the sentence's events;
//     - triple: one event has the gold type, a source matching a gold source
//       and a target matching a gold target. An actor matches when our country
//       equals the gold code or our full code starts with it (IGO, NGO, ...);
//       sectors are not compared. A gold side with no actor accepts anything.
//     Legacy labels are mapped as the PLOVER README says: INVESTIGATE and
//     DISAPPROVE -> ACCUSE, DEMAND -> REQUEST, FIGHT -> ASSAULT. One legacy
//     actor code too: the records' "JAP" (two of them) is Japan, ISO JPN.
//  2. Non-political sentences (tests/data/eval/nonpolitical.txt, ours): how many
//     yield at least one event.
// Run: build/bin/plover_gsr_bench [--failures FILE]
//   FILE gets every record without a correct triple: its error bucket (no-event,
//   wrong-type, wrong-source, wrong-target, ...), the gold actors and our events.
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "dyad/engine.h"

namespace {

std::string current_type(const std::string& legacy) {
  if (legacy == "INVESTIGATE" || legacy == "DISAPPROVE") return "ACCUSE";
  if (legacy == "DEMAND") return "REQUEST";
  if (legacy == "FIGHT") return "ASSAULT";
  return legacy;
}

bool actor_matches(const nlohmann::json& gold, const std::optional<dyad::Actor>& ours) {
  if (!gold.is_array() || gold.empty()) return true;
  if (!ours) return false;
  for (const auto& g : gold) {
    std::string code = g.value("code", "");
    if (code == "JAP") code = "JPN";
    if (code.empty()) continue;
    if (ours->country == code || ours->code.starts_with(code)) return true;
  }
  return false;
}

std::string gold_actors(const nlohmann::json& side) {
  if (!side.is_array() || side.empty()) return "*";
  std::string out;
  for (const auto& g : side) out += (out.empty() ? "" : "|") + g.value("code", "?") + "(" + g.value("actorText", "") + ")";
  return out;
}

// The error bucket of a record with no correct triple, for the failure dump.
std::string bucket(const nlohmann::json& r, const std::string& gold, const std::vector<dyad::Event>& events) {
  if (events.empty()) return "no-event";
  bool type_hit = false, src_ok = false, tgt_ok = false;
  for (const auto& e : events) {
    if (e.plover != gold) continue;
    type_hit = true;
    src_ok |= actor_matches(r.value("source", nlohmann::json()), e.source);
    tgt_ok |= actor_matches(r.value("target", nlohmann::json()), e.target);
  }
  if (!type_hit) return "wrong-type";
  if (!src_ok && !tgt_ok) return "wrong-source+target";
  if (!src_ok) return "wrong-source";
  if (!tgt_ok) return "wrong-target";
  return "actors-split";  // right source in one event, right target in another
}

std::string describe(const std::vector<dyad::Event>& events) {
  std::string out;
  for (const auto& e : events) {
    out += "  " + (e.source ? e.source->code : std::string("-")) + " " + e.plover + "/" + e.cameo + " " +
           (e.target ? e.target->code : std::string("-")) + " [" + e.trigger_text + "]\n";
  }
  return out.empty() ? "  (no events)\n" : out;
}

void score_gsr(const dyad::Engine& engine, const std::string& path, std::ostream& failures) {
  std::ifstream in(path);
  if (!in) {
    std::cout << "PLOVER GSR: " << path << " absent, skipped\n";
    return;
  }
  nlohmann::json records = nlohmann::json::parse(in);
  int total = 0, type_ok = 0, triple_ok = 0;
  for (const auto& r : records) {
    if (r.value("event", "") == "DOCUMENT" || !r.contains("text")) continue;
    ++total;
    dyad::Article a;
    a.id = r.value("id", "");
    a.text = r.value("text", "");
    if (r.contains("date")) a.date = r.value("date", "");
    std::vector<dyad::Event> events = engine.code(a).events;
    std::string gold = current_type(r.value("event", ""));
    bool type_hit = false, triple_hit = false;
    for (const auto& e : events) {
      if (e.plover != gold) continue;
      type_hit = true;
      triple_hit |= actor_matches(r.value("source", nlohmann::json()), e.source) &&
                    actor_matches(r.value("target", nlohmann::json()), e.target);
    }
    type_ok += type_hit;
    triple_ok += triple_hit;
    if (!triple_hit) {
      failures << a.id << " [" << bucket(r, gold, events) << "] gold " << gold_actors(r.value("source", nlohmann::json()))
               << " " << gold << " " << gold_actors(r.value("target", nlohmann::json())) << "\n  " << a.text << "\n"
               << describe(events);
    }
  }
  std::cout << "PLOVER GSR dev: " << total << " records\n"
            << "  correct PLOVER type among the sentence's events: " << type_ok << " ("
            << 100.0 * type_ok / std::max(total, 1) << "%)\n"
            << "  correct (source, type, target):                  " << triple_ok << " ("
            << 100.0 * triple_ok / std::max(total, 1) << "%)\n";
}

void score_nonpolitical(const dyad::Engine& engine, const std::string& path, std::ostream& failures) {
  std::ifstream in(path);
  std::string line;
  int total = 0, with_events = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++total;
    dyad::Article a;
    a.id = "nonpolitical-" + std::to_string(total);
    a.text = line;
    a.date = "2024-01-15";
    std::vector<dyad::Event> events = engine.code(a).events;
    if (!events.empty()) {
      ++with_events;
      failures << "non-political sentence coded: " << line << "\n" << describe(events);
    }
  }
  std::cout << "Non-political sentences: " << with_events << " of " << total << " yield an event\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string failures_path = "/dev/null";
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--failures") failures_path = argv[i + 1];
  }
  try {
    dyad::Engine engine = dyad::Engine::load();
    std::ofstream failures(failures_path);
    score_gsr(engine, std::string(DYAD_SHARED_DIR) + "/data/plover/PLOVER_GSR_dev.json", failures);
    score_nonpolitical(engine, std::string(DYAD_SOURCE_DIR) + "/tests/data/eval/nonpolitical.txt", failures);
  } catch (const std::exception& e) {
    std::cerr << "plover_gsr_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
