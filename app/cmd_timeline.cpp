// `dyad timeline`: events per day/week/month with quad-class counts and Goldstein.
#include <cstdio>

#include "commands.h"
#include "dyad/error.h"
#include "store_filter.h"

namespace dyad::cli {
namespace {

struct TimelineArgs {
  StoreFilterArgs store;
  std::string by = "week";
  std::string format = "table";
};

void run_timeline(const TimelineArgs& a) {
  auto store = EventStore::open(a.store.store);
  auto buckets = store->timeline(a.store.resolve(), a.by);
  bool csv = a.format == "csv";
  if (!csv && a.format != "table") throw Error("--format must be table or csv, not '" + a.format + "'");
  std::printf(csv ? "%s,%s,%s,%s,%s,%s,%s,%s,%s\n" : "%-10s %7s %8s %6s %6s %6s %6s %9s %8s\n", "period", "events",
              "mentions", "q1", "q2", "q3", "q4", "gold_sum", "gold_avg");
  for (const TimelineBucket& b : buckets) {
    std::printf(csv ? "%s,%lld,%lld,%lld,%lld,%lld,%lld,%.1f,%.2f\n"
                    : "%-10s %7lld %8lld %6lld %6lld %6lld %6lld %9.1f %8.2f\n",
                b.period.c_str(), static_cast<long long>(b.events), static_cast<long long>(b.mentions),
                static_cast<long long>(b.quad[0]), static_cast<long long>(b.quad[1]),
                static_cast<long long>(b.quad[2]), static_cast<long long>(b.quad[3]), b.goldstein_sum,
                b.goldstein_mean);
  }
}

}  // namespace

void add_timeline_command(CLI::App& app) {
  auto a = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app.add_subcommand("timeline", "Event counts per period (quad classes, Goldstein sum and mean)");
  add_store_filter_options(cmd, a->store);
  cmd->add_option("--by", a->by, "day|week|month (weeks start on Monday; default week)");
  cmd->add_option("--format", a->format, "table|csv (default table)");
  cmd->callback([a] { run_timeline(*a); });
}

}  // namespace dyad::cli
