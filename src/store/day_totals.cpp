// Shared by both backends: when event_days answers a timeline, and how grouped
// rows become buckets (see day_totals.h).
#include "store/day_totals.h"

#include "store/store_util.h"

namespace dyad::detail {

bool day_totals_answer(const EventFilter& f) {
  auto country_or_empty = [](const std::string& v) { return v.empty() || is_country_filter(v); };
  return country_or_empty(f.source) && country_or_empty(f.target) && country_or_empty(f.actor) &&
         f.cameo.empty() && f.plover.empty() && f.modality.empty() && f.place.empty() && f.outlet.empty() &&
         f.text.empty();
}

void add_timeline_row(std::vector<TimelineBucket>& out, const std::string& date, const std::string& by, int quad,
                      std::int64_t events, std::int64_t mentions, double goldstein_sum) {
  std::string period = period_start(date, by);
  if (out.empty() || out.back().period != period) out.push_back(TimelineBucket{period});
  TimelineBucket& b = out.back();
  b.events += events;
  b.mentions += mentions;
  if (quad >= 1 && quad <= 4) b.quad[quad - 1] += events;
  b.goldstein_sum += goldstein_sum;
}

void finish_timeline(std::vector<TimelineBucket>& out) {
  for (TimelineBucket& b : out) b.goldstein_mean = b.events ? b.goldstein_sum / static_cast<double>(b.events) : 0.0;
}

}  // namespace dyad::detail
