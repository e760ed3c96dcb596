// Event <-> `mentions` row for PostgreSQL: the same columns as SQLite
// (kMentionColumns), written as COPY text rows and read back from text results.
#include <nlohmann/json.hpp>

#include "store/pg_store.h"
#include "store/sqlite_store.h"

namespace dyad::detail {
namespace {

using Field = std::optional<std::string>;

Modality modality_from(const std::string& s) {
  for (Modality m : {Modality::kAsserted, Modality::kReported, Modality::kAlleged, Modality::kDenied,
                     Modality::kNegated, Modality::kConditional, Modality::kFuture, Modality::kHypothetical}) {
    if (to_string(m) == s) return m;
  }
  return Modality::kAsserted;
}

Field num(std::size_t v) { return std::to_string(v); }
Field num(int v) { return std::to_string(v); }

void actor_fields(std::vector<Field>& f, const std::optional<Actor>& a) {
  if (!a) {
    f.insert(f.end(), 11, std::nullopt);
    return;
  }
  f.insert(f.end(), {a->code, a->country, a->sector, a->text, num(a->span.start), num(a->span.end), a->via,
                     a->person});
  if (a->antecedent) {
    f.insert(f.end(), {num(a->antecedent->start), num(a->antecedent->end)});
  } else {
    f.insert(f.end(), 2, std::nullopt);
  }
  f.push_back(num(a->word));
}

std::optional<Actor> read_actor(const PgResult& r, int row, int c) {
  if (r.is_null(row, c)) return std::nullopt;
  Actor a;
  a.code = r.text(row, c);
  a.country = r.text(row, c + 1);
  a.sector = r.text(row, c + 2);
  a.text = r.text(row, c + 3);
  a.span = {static_cast<std::size_t>(r.int64(row, c + 4)), static_cast<std::size_t>(r.int64(row, c + 5))};
  a.via = r.text(row, c + 6);
  a.person = r.text(row, c + 7);
  if (!r.is_null(row, c + 8)) {
    a.antecedent = Span{static_cast<std::size_t>(r.int64(row, c + 8)), static_cast<std::size_t>(r.int64(row, c + 9))};
  }
  a.word = static_cast<int>(r.int64(row, c + 10));
  return a;
}

std::size_t uz(std::int64_t v) { return static_cast<std::size_t>(v); }

}  // namespace

void copy_mention(std::string& out, std::int64_t id, std::int64_t event_id, std::int64_t article_id,
                  const std::string& outlet, const Event& e) {
  std::vector<Field> f;
  f.reserve(kMentionColumnCount + 1);
  f.insert(f.end(), {std::to_string(id), std::to_string(event_id), std::to_string(article_id), outlet,
                     num(e.sentence), num(e.sentence_span.start), num(e.sentence_span.end)});
  actor_fields(f, e.source);
  actor_fields(f, e.target);
  f.insert(f.end(), {e.cameo, e.label, e.plover, e.mode, e.context, pg_double(e.goldstein), num(e.quad_class),
                     e.trigger_text, num(e.trigger.start), num(e.trigger.end), e.date, e.date_precision,
                     num(e.date_is_publication ? 1 : 0), e.date_cue});
  if (e.date_cue_span) {
    f.insert(f.end(), {num(e.date_cue_span->start), num(e.date_cue_span->end)});
  } else {
    f.insert(f.end(), 2, std::nullopt);
  }
  if (e.location) {
    const Place& p = *e.location;
    f.insert(f.end(), {p.text, num(p.span.start), num(p.span.end), p.country, p.kind});
  } else {
    f.insert(f.end(), 5, std::nullopt);
  }
  f.push_back(std::string(to_string(e.modality)));
  actor_fields(f, e.attributed_to);
  f.insert(f.end(), {e.rule, pg_double(e.confidence)});
  f.push_back(e.outlet_partisan ? num(*e.outlet_partisan ? 1 : 0) : std::nullopt);
  if (e.explanation) {
    const Explanation& x = *e.explanation;
    nlohmann::json j = {{"pattern", x.pattern}, {"source", x.source_path}, {"target", x.target_path},
                        {"modality", x.modality}, {"date", x.date}, {"location", x.location}};
    f.push_back(j.dump());
  } else {
    f.push_back(std::nullopt);
  }
  if (e.location) {  // schema v3 place columns
    const Place& p = *e.location;
    f.insert(f.end(), {p.name, p.admin1, p.admin1_name});
    f.push_back(p.lat ? Field(pg_double(*p.lat)) : std::nullopt);
    f.push_back(p.lon ? Field(pg_double(*p.lon)) : std::nullopt);
  } else {
    f.insert(f.end(), 5, std::nullopt);
  }
  for (std::size_t i = 0; i < f.size(); ++i) copy_field(out, f[i], i + 1 == f.size());
}

// Column `first` is event_id, as in the SQLite reader (kMentionColumns order).
Event read_pg_mention(const PgResult& r, int row, int i) {
  Event e;
  e.outlet = r.text(row, i + 2);
  e.sentence = static_cast<int>(r.int64(row, i + 3));
  e.sentence_span = {uz(r.int64(row, i + 4)), uz(r.int64(row, i + 5))};
  e.source = read_actor(r, row, i + 6);
  e.target = read_actor(r, row, i + 17);
  int c = i + 28;
  e.cameo = r.text(row, c);
  e.label = r.text(row, c + 1);
  e.plover = r.text(row, c + 2);
  e.mode = r.text(row, c + 3);
  e.context = r.text(row, c + 4);
  e.goldstein = r.real(row, c + 5);
  e.quad_class = static_cast<int>(r.int64(row, c + 6));
  e.trigger_text = r.text(row, c + 7);
  e.trigger = {uz(r.int64(row, c + 8)), uz(r.int64(row, c + 9))};
  e.date = r.text(row, c + 10);
  e.date_precision = r.text(row, c + 11);
  e.date_is_publication = r.int64(row, c + 12) != 0;
  e.date_cue = r.text(row, c + 13);
  if (!r.is_null(row, c + 14)) e.date_cue_span = Span{uz(r.int64(row, c + 14)), uz(r.int64(row, c + 15))};
  if (!r.is_null(row, c + 16)) {
    Place p;
    p.text = r.text(row, c + 16);
    p.span = {uz(r.int64(row, c + 17)), uz(r.int64(row, c + 18))};
    p.country = r.text(row, c + 19);
    p.kind = r.text(row, c + 20);
    int x = c + 33 + 4;
    p.name = r.text(row, x);
    p.admin1 = r.text(row, x + 1);
    p.admin1_name = r.text(row, x + 2);
    if (!r.is_null(row, x + 3)) p.lat = r.real(row, x + 3);
    if (!r.is_null(row, x + 4)) p.lon = r.real(row, x + 4);
    e.location = std::move(p);
  }
  e.modality = modality_from(r.text(row, c + 21));
  e.attributed_to = read_actor(r, row, c + 22);
  c += 33;
  e.rule = r.text(row, c);
  e.confidence = r.real(row, c + 1);
  if (!r.is_null(row, c + 2)) e.outlet_partisan = r.int64(row, c + 2) != 0;
  if (!r.is_null(row, c + 3)) {
    auto j = nlohmann::json::parse(r.text(row, c + 3));
    e.explanation = Explanation{j.value("pattern", ""), j.value("source", ""), j.value("target", ""),
                                j.value("modality", ""), j.value("date", ""), j.value("location", "")};
  }
  return e;
}

}  // namespace dyad::detail
