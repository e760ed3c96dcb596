// Export formats: GDELT 2.0 column count and mapping, PLOVER record shape and
// markup, CSV quoting.
#include <gtest/gtest.h>

#include "dyad/export.h"
#include "store_fixture.h"

namespace dyad {
namespace {

StoredEvent sample() {
  auto f = testing::make_article("x1", "Azertac", "2023-12-27", {"Intro.", "Azerbaijan expelled French, \"two\" diplomats."});
  Event& e = testing::add_event(f, 1, "AZEGOV", "FRAGOVMIL", "166", "2023-12-27", 4, -7.0);
  // Real spans inside sentence 1 ("Azerbaijan" ... "expelled" ... "French").
  std::size_t base = e.sentence_span.start;
  e.source->span = {base, base + 10};
  e.source->text = "Azerbaijan";
  e.trigger = {base + 11, base + 19};
  e.trigger_text = "expelled";
  e.target->span = {base + 20, base + 26};
  e.target->text = "French";
  e.location = testing::place("Baku", {0, 0}, "AZE", "capital");
  e.location->admin1 = "AZ-BA";
  e.location->lat = 40.40926;
  e.location->lon = 49.86709;
  StoredEvent s;
  s.id = 42;
  s.event = e;
  s.root = "16";
  s.num_mentions = 3;
  s.num_sources = 2;
  s.num_articles = 2;
  s.url = "https://example.org/x1";
  s.ingested_at = "2024-01-02 03:04:05";
  return s;
}

TEST(StoreExport, GdeltHas61ColumnsInOrder) {
  const auto& cols = gdelt_columns();
  ASSERT_EQ(cols.size(), 61u);
  EXPECT_EQ(cols[0], "GLOBALEVENTID");
  EXPECT_EQ(cols[5], "Actor1Code");
  EXPECT_EQ(cols[15], "Actor2Code");
  EXPECT_EQ(cols[26], "EventCode");
  EXPECT_EQ(cols[34], "AvgTone");
  EXPECT_EQ(cols[51], "ActionGeo_Type");
  EXPECT_EQ(cols[59], "DATEADDED");
  EXPECT_EQ(cols[60], "SOURCEURL");
  auto row = gdelt_row(sample());
  ASSERT_EQ(row.size(), 61u);
  EXPECT_EQ(row[0], "42");
  EXPECT_EQ(row[1], "20231227");
  EXPECT_EQ(row[2], "202312");
  EXPECT_EQ(row[3], "2023");
  EXPECT_EQ(row[5], "AZEGOV");
  EXPECT_EQ(row[6], "AZERBAIJAN");
  EXPECT_EQ(row[7], "AZE");
  EXPECT_EQ(row[12], "GOV");   // Actor1Type1Code
  EXPECT_EQ(row[22], "GOV");   // Actor2Type1Code
  EXPECT_EQ(row[23], "MIL");   // Actor2Type2Code
  EXPECT_EQ(row[25], "0");     // not the first sentence
  EXPECT_EQ(row[26], "166");
  EXPECT_EQ(row[27], "166");
  EXPECT_EQ(row[28], "16");
  EXPECT_EQ(row[29], "4");
  EXPECT_EQ(row[30], "-7.0");
  EXPECT_EQ(row[31], "3");
  EXPECT_EQ(row[32], "2");
  EXPECT_EQ(row[51], "4");
  EXPECT_EQ(row[52], "Baku");
  EXPECT_EQ(row[53], "AZE");
  EXPECT_EQ(row[54], "AZ-BA");    // ActionGeo_ADM1Code (ISO 3166-2)
  EXPECT_EQ(row[55], "");         // ADM2
  EXPECT_EQ(row[56], "40.4093");  // Lat
  EXPECT_EQ(row[57], "49.8671");  // Long
  EXPECT_EQ(row[59], "20240102030405");
  EXPECT_EQ(row[60], "https://example.org/x1");
  std::string line = tsv_line(row);
  EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 60);
}

TEST(StoreExport, PloverRecordShapeAndMarkup) {
  auto j = plover_record(sample());
  for (const char* k : {"id", "date", "source", "target", "event", "mode", "context", "text", "textInfo"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  ASSERT_TRUE(j["source"].is_array());
  EXPECT_EQ(j["source"][0]["actorText"], "Azerbaijan");
  EXPECT_EQ(j["source"][0]["code"], "AZE");
  EXPECT_EQ(j["target"][0]["actorText"], "French");
  EXPECT_EQ(j["event"], "SANCTION");
  EXPECT_EQ(j["textInfo"]["markup"],
            "(SRC: Azerbaijan) (EVT: expelled) (TAR: French), \"two\" diplomats.");
}

TEST(StoreExport, MarkupSkipsSpansOutsideTheSentence) {
  StoredEvent s = sample();
  s.event.target->span = {0, 5};  // in another sentence
  EXPECT_EQ(plover_markup(s.event), "(SRC: Azerbaijan) (EVT: expelled) French, \"two\" diplomats.");
}

TEST(StoreExport, CsvQuotesAndColumnCount) {
  auto row = csv_row(sample());
  EXPECT_EQ(row.size(), csv_columns().size());
  EXPECT_EQ(csv_line({"a", "b,c", "say \"hi\"", "l1\nl2"}), "a,\"b,c\",\"say \"\"hi\"\"\",\"l1\nl2\"");
}

}  // namespace
}  // namespace dyad
