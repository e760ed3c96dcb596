// Dictionary loader tests: the record syntax, file:line errors, compiled counts,
// and (when present) that the real data/ loads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "coder/dictionary.h"
#include "coder/records.h"
#include "dyad/coder.h"
#include "dyad/error.h"

namespace dyad::detail {
namespace {

namespace fs = std::filesystem;

const RecordSchema kSchema = {{"country", {"name", "adjective"}}, {"code", {"label", "verb"}}};

CoderOptions options_for(const std::string& dir) {
  CoderOptions o;
  o.dict_dir = dir;
  return o;
}

std::string error_of(const std::string& text) {
  try {
    parse_records(text, "x.txt", kSchema);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(CoderDict, RecordSyntax) {
  auto recs = parse_records(
      "# comment\n\n@country FRA   # trailing\nname: France; French Republic\nname: Gaul\nadjective: French\n"
      "@code 166\nverb: declare has=\"persona non grata\" # why\n",
      "x.txt", kSchema);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].key, "FRA");
  EXPECT_EQ(recs[0].all("name"), (std::vector<std::string>{"France", "French Republic", "Gaul"}));
  EXPECT_EQ(recs[1].one("verb"), "declare has=\"persona non grata\"");
  EXPECT_EQ(recs[1].line, 7u);
}

TEST(CoderDict, MalformedLinesNameFileAndLine) {
  EXPECT_EQ(error_of("name: France\n"), "x.txt:1: field 'name' before any '@kind KEY' line");
  EXPECT_EQ(error_of("@country FRA\n\nname:\n"), "x.txt:3: empty value for field 'name'");
  EXPECT_NE(error_of("@country FRA\ncapitol: Paris\n").find("x.txt:2: unknown field 'capitol' in @country"),
            std::string::npos);
  EXPECT_NE(error_of("@nation FRA\n").find("x.txt:1: unknown record kind '@nation'"), std::string::npos);
  EXPECT_EQ(error_of("@country\n"), "x.txt:1: record '@country' needs a key after the kind");
  EXPECT_NE(error_of("@country FRA\njust some words\n").find("x.txt:2: expected 'field: value'"), std::string::npos);
}

// A whole dictionary directory with one bad line deep inside: loading fails
// with that file and line.
TEST(CoderDict, LoadFailsWithFileAndLine) {
  fs::path dir = fs::temp_directory_path() / ("dyad_coder_dict_" + std::to_string(::getpid()));
  fs::create_directories(dir / "actors");
  fs::create_directories(dir / "events");
  std::ofstream(dir / "actors" / "c.txt") << "@country FRA\nname: France\n";
  std::ofstream(dir / "events" / "16.txt") << "@code 166\nlabel: Expel\nverb: expel obj=@nosuchclass\n";
  std::string message;
  try {
    Coder::load(options_for(dir.string()));
  } catch (const Error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find((dir / "events" / "16.txt").string() + ":3: unknown word class '@nosuchclass'"),
            std::string::npos)
      << message;
  std::ofstream(dir / "events" / "16.txt") << "@code 166\ngoldstein: minus seven\n";
  message.clear();
  try {
    Coder::load(options_for(dir.string()));
  } catch (const Error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find("16.txt:2: goldstein must be a number"), std::string::npos) << message;
  std::ofstream(dir / "actors" / "c.txt") << "@person Someone\nrole: FRAGOV 2017-13..\n";
  message.clear();
  try {
    Coder::load(options_for(dir.string()));
  } catch (const Error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find("c.txt:2: bad date in role range"), std::string::npos) << message;
  fs::remove_all(dir);
}

TEST(CoderDict, TestDictionaryCompiles) {
  Dictionary d = load_dictionary(std::string(DYAD_TEST_DATA_DIR) + "/coder/dict");
  EXPECT_EQ(d.countries.size(), 7u);
  EXPECT_EQ(d.people.size(), 2u);
  EXPECT_EQ(d.people[0].roles.size(), 2u);
  EXPECT_EQ(d.people[0].roles[1].from, 20170626);
  EXPECT_EQ(d.people[0].roles[1].to, 20231219);
  EXPECT_EQ(d.people[1].roles[0].to, 99999999);
  ASSERT_TRUE(d.patterns_by_lemma.count("expel"));
  // most specific first
  const Pattern& first = d.patterns[d.patterns_by_lemma.at("expel").front()];
  EXPECT_EQ(first.constraints.size(), 1u);
  const Pattern& declare = d.patterns[d.patterns_by_lemma.at("declare").front()];
  EXPECT_EQ(declare.constraints[0].values, (std::vector<std::string>{"persona", "non", "grata"}));
  EXPECT_EQ(declare.target_slot, "obj");
  EXPECT_EQ(d.codes[declare.code].quad_class, 4);
  EXPECT_EQ(phrase_words("Azerbaijan's State"), (std::vector<std::string>{"azerbaijan", "'s", "state"}));
  EXPECT_EQ(parse_role_date("2017-06", true), 20170631);
  EXPECT_EQ(parse_role_date("2017", false), 20170101);
  EXPECT_EQ(parse_role_date("17-06", false), -1);
}

// The real dictionaries (written by the data agents) must load.
TEST(CoderDict, RealDataLoads) {
  if (!fs::exists(std::string(DYAD_SOURCE_DIR) + "/data/events")) GTEST_SKIP() << "data/events absent";
  Coder c = Coder::load({});
  EXPECT_NE(c.summary().find("countries"), std::string::npos);
  EXPECT_NE(c.find_outlet("Azertac"), nullptr);
}

}  // namespace
}  // namespace dyad::detail
