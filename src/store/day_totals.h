// The timeline's pre-aggregated table `event_days`: per (source country,
// target country, event date, quad class), the number of events (dedup
// groups), their mentions and the sum of their Goldstein scores. Both
// backends keep it in step with `events` inside the write transaction; a
// timeline whose filter it can answer reads a few hundred rows of it instead
// of every matching event (the busiest dyad of a 10M-event store has ~260k).
//
// Semantics are those of the scan over `events`: an event counts once, under
// its group's (first mention's) countries, date and quad class, with its
// group's Goldstein score; a mention merged into an existing group adds one
// mention to that group's row and nothing else.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "dyad/store.h"

namespace dyad::detail {

struct DayKey {
  std::string source_country, target_country, date;
  int quad_class = 0;
  auto operator<=>(const DayKey&) const = default;
};

struct DayDelta {
  std::int64_t events = 0;
  std::int64_t mentions = 0;
  double goldstein_sum = 0.0;
};

/// One transaction's changes to event_days, in key order (so the upserts walk
/// the table's b-tree in order).
using DayDeltas = std::map<DayKey, DayDelta>;

/// True when a timeline under `f` can be read from event_days: only country
/// filters (source, target, actor as a bare ISO3) and the date range.
bool day_totals_answer(const EventFilter& f);

/// Adds one grouped row (period-start date, quad class, events, mentions,
/// Goldstein sum) to the buckets being built in date order.
void add_timeline_row(std::vector<TimelineBucket>& out, const std::string& date, const std::string& by, int quad,
                      std::int64_t events, std::int64_t mentions, double goldstein_sum);

/// Sets every bucket's Goldstein mean.
void finish_timeline(std::vector<TimelineBucket>& out);

}  // namespace dyad::detail
