// `dyad actors`: the most active actors and dyads in a date range.
#include <cstdio>

#include "commands.h"
#include "store_filter.h"

namespace dyad::cli {
namespace {

struct ActorsArgs {
  StoreFilterArgs store;
  int limit = 20;
};

void print(const char* title, const std::vector<ActorCount>& rows) {
  std::printf("%-24s %8s %9s\n", title, "events", "mentions");
  for (const ActorCount& c : rows) {
    std::printf("%-24s %8lld %9lld\n", c.code.c_str(), static_cast<long long>(c.events),
                static_cast<long long>(c.mentions));
  }
}

}  // namespace

void add_actors_command(CLI::App& app) {
  auto a = std::make_shared<ActorsArgs>();
  CLI::App* cmd = app.add_subcommand("actors", "Top actors and dyads by number of events");
  add_store_filter_options(cmd, a->store);
  cmd->add_option("--limit", a->limit, "Rows per table (default 20)");
  cmd->callback([a] {
    auto store = EventStore::open(a->store.store);
    ActorReport r = store->actors(a->store.resolve(), a->limit);
    print("actor", r.actors);
    std::printf("\n");
    print("dyad (source:target)", r.dyads);
  });
}

}  // namespace dyad::cli
