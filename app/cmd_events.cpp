// `dyad events`: a filtered page of stored events; `dyad dedup`: regroup mentions.
#include <cstdio>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "dyad/error.h"
#include "dyad/export.h"
#include "store_filter.h"

namespace dyad::cli {
namespace {

struct EventsArgs {
  StoreFilterArgs store;
  std::string format = "table";
  int limit = 20;
  std::string cursor;
};

nlohmann::json stored_to_json(const StoredEvent& s) {
  nlohmann::json j = event_to_json(s.event);
  j["event_id"] = s.id;
  j["num_mentions"] = s.num_mentions;
  j["num_sources"] = s.num_sources;
  j["num_articles"] = s.num_articles;
  j["first_seen"] = s.first_seen;
  j["last_seen"] = s.last_seen;
  j["url"] = s.url;
  return j;
}

std::string cut(const std::string& s, std::size_t n) { return s.size() <= n ? s : s.substr(0, n - 3) + "..."; }

void run_events(const EventsArgs& a) {
  if (a.format != "table" && a.format != "jsonl" && a.format != "csv") {
    throw Error("--format must be table, jsonl or csv, not '" + a.format + "'");
  }
  auto store = EventStore::open(a.store.store);
  EventPage page = store->events(a.store.resolve(), a.limit, a.cursor);
  if (a.format == "csv") std::cout << csv_line(csv_columns()) << "\n";
  if (a.format == "table") {
    std::printf("%-8s %-10s %-12s %-12s %-5s %-10s %2s %6s %4s %4s  %s\n", "id", "date", "source", "target", "cameo",
                "plover", "q", "gold", "ment", "src", "sentence");
  }
  for (const StoredEvent& s : page.events) {
    const Event& e = s.event;
    if (a.format == "jsonl") {
      std::cout << stored_to_json(s).dump() << "\n";
    } else if (a.format == "csv") {
      std::cout << csv_line(csv_row(s)) << "\n";
    } else {
      std::printf("%-8lld %-10s %-12s %-12s %-5s %-10s %2d %6.1f %4d %4d  %s\n", static_cast<long long>(s.id),
                  e.date.c_str(), e.source ? e.source->code.c_str() : "-", e.target ? e.target->code.c_str() : "-",
                  e.cameo.c_str(), e.plover.c_str(), e.quad_class, e.goldstein, s.num_mentions, s.num_sources,
                  cut(e.sentence_text, 70).c_str());
    }
  }
  std::cout.flush();
  if (!page.next_cursor.empty()) std::cerr << "events: more results: --cursor '" << page.next_cursor << "'\n";
}

struct DedupArgs {
  std::string store = "dyad.db";
  std::string keys = "source,target,cameo,date,place";
  int min_mentions = 2;
  int limit = 50;
};

void run_dedup(const DedupArgs& a) {
  std::vector<std::string> keys;
  std::stringstream ss(a.keys);
  for (std::string k; std::getline(ss, k, ',');) {
    if (!k.empty()) keys.push_back(k);
  }
  auto store = EventStore::open(a.store);
  auto groups = store->regroup(keys, a.min_mentions);
  std::vector<std::string> header = keys;
  for (const char* c : {"num_mentions", "num_sources", "num_articles", "first_seen", "last_seen"}) header.push_back(c);
  std::cout << tsv_line(header) << "\n";
  int n = 0;
  for (const MentionGroup& g : groups) {
    if (a.limit > 0 && n++ >= a.limit) break;
    std::vector<std::string> row = g.key;
    for (auto v : {g.num_mentions, g.num_sources, g.num_articles}) row.push_back(std::to_string(v));
    row.push_back(g.first_seen);
    row.push_back(g.last_seen);
    std::cout << tsv_line(row) << "\n";
  }
  std::cerr << "dedup: " << groups.size() << " groups with >= " << a.min_mentions << " mentions\n";
}

}  // namespace

void add_events_command(CLI::App& app) {
  auto a = std::make_shared<EventsArgs>();
  CLI::App* cmd = app.add_subcommand("events", "List stored (deduplicated) events, newest first");
  add_store_filter_options(cmd, a->store);
  cmd->add_option("--format", a->format, "table|jsonl|csv (default table)");
  cmd->add_option("--limit", a->limit, "Events per page (default 20)");
  cmd->add_option("--cursor", a->cursor, "Continue after a previous page (printed on stderr)");
  cmd->callback([a] { run_events(*a); });

  auto d = std::make_shared<DedupArgs>();
  CLI::App* dd = app.add_subcommand("dedup", "Regroup all stored mentions under other dedup keys (read-only)");
  dd->add_option("--store", d->store, "Store URL (default dyad.db)");
  dd->add_option("--keys", d->keys,
                 "Comma-separated: source,target,cameo,root,date,place,modality,plover,source_country,"
                 "target_country,outlet,article (default source,target,cameo,date,place)");
  dd->add_option("--min-mentions", d->min_mentions, "Only groups with at least this many mentions (default 2)");
  dd->add_option("--limit", d->limit, "Rows to print, 0 = all (default 50)");
  dd->callback([d] { run_dedup(*d); });
}

}  // namespace dyad::cli
