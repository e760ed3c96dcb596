// `dyad code` end to end through the CLI binary (CoNLL-U input and the test
// dictionary, so mostly no NLP models are needed).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_run.h"

namespace {

const std::string kData = std::string(DYAD_TEST_DATA_DIR) + "/coder/";

using Result = dyad::test::CommandResult;

Result run(const std::string& args) {
  return dyad::test::run_command(std::string(DYAD_CLI_PATH) + " code --dict " + kData + "dict " + args);
}

std::vector<nlohmann::json> lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) v.push_back(nlohmann::json::parse(line));
  }
  return v;
}

TEST(CoderCli, JsonlFromConllu) {
  Result r = run("--input conllu --date 2023-12-27 --explain " + kData + "passive_by.conllu " + kData +
                 "reported.conllu");
  ASSERT_EQ(r.status, 0) << r.out;
  auto ev = lines(r.out);
  ASSERT_EQ(ev.size(), 2u);  // the passive + the reported attack (no statement event)
  EXPECT_EQ(ev[0]["source"]["code"], "AZE");
  EXPECT_EQ(ev[0]["target"]["code"], "FRAGOV");
  EXPECT_EQ(ev[0]["date"], "2023-12-27");
  EXPECT_NE(ev[0]["explanation"]["source"].get<std::string>().find("obl:agent"), std::string::npos);
  EXPECT_EQ(ev[1]["modality"], "reported");
  EXPECT_EQ(ev[1]["attributed_to"]["code"], "RUS");
  // doc ids distinguish the inputs, and offsets slice the sentence text
  EXPECT_NE(ev[0]["doc"], ev[1]["doc"]);
  std::string sent = ev[1]["sentence_text"];
  std::size_t base = ev[1]["sentence_start"];
  std::size_t s = ev[1]["trigger"]["start"], e = ev[1]["trigger"]["end"];
  EXPECT_EQ(sent.substr(s - base, e - s), "attacked");
}

TEST(CoderCli, JsonArrayAndTsv) {
  Result j = run("--input conllu --format json " + kData + "coordination.conllu");
  ASSERT_EQ(j.status, 0);
  auto arr = nlohmann::json::parse(j.out);
  ASSERT_TRUE(arr.is_array());
  EXPECT_EQ(arr.size(), 2u);
  Result empty = run("--input conllu --format json " + kData + "sports.conllu");
  EXPECT_EQ(nlohmann::json::parse(empty.out).size(), 0u);
  Result t = run("--input conllu --format tsv --date 2023-12-27 " + kData + "coordination.conllu");
  ASSERT_EQ(t.status, 0);
  EXPECT_EQ(t.out.substr(0, t.out.find('\n')), "source\ttarget\tcameo\tplover\tdate\tmodality\ttrigger\tsentence");
  EXPECT_NE(t.out.find("DEU\tRUS\t111\tACCUSE\t2023-12-27\tasserted\tcondemned\tFrance and Germany condemned Russia."),
            std::string::npos)
      << t.out;
}

TEST(CoderCli, OutletCountryFlag) {
  Result r = run("--input conllu --outlet-country AZE " + kData + "our_country.conllu");
  auto ev = lines(r.out);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0]["target"]["code"], "AZE");
  Result o = run("--input conllu --outlet Azertac " + kData + "our_country.conllu");
  auto ev2 = lines(o.out);
  ASSERT_EQ(ev2.size(), 1u);
  EXPECT_EQ(ev2[0]["outlet"], "Azertac");
  EXPECT_EQ(ev2[0]["outlet_partisan"], true);
  EXPECT_EQ(ev2[0]["target"]["code"], "AZE");
}

TEST(CoderCli, BadJsonlLinesAreReportedAndTheBatchGoesOn) {
  std::string path = ::testing::TempDir() + "coder_cli_bad.jsonl";
  std::ofstream(path) << "{\"id\": \"a\"}\nnot json\n\n[1,2]\n";
  Result r = run("--input jsonl " + path + " 2>&1");
  EXPECT_NE(r.status, 0);
  auto recs = lines(r.out.substr(0, r.out.rfind("dyad: error")));
  ASSERT_EQ(recs.size(), 3u) << r.out;
  EXPECT_EQ(recs[0]["line"], 1);
  EXPECT_EQ(recs[1]["line"], 2);
  EXPECT_EQ(recs[2]["line"], 4);
  EXPECT_NE(r.out.find("3 input line(s) could not be coded"), std::string::npos);
}

TEST(CoderCli, BadDictionaryFailsWithFileLine) {
  std::string dir = ::testing::TempDir() + "coder_cli_dict";
  std::system(("mkdir -p " + dir + "/actors").c_str());
  std::ofstream(dir + "/actors/x.txt") << "@country FRA\nname France\n";
  std::string cmd = std::string(DYAD_CLI_PATH) + " code --input conllu --dict " + dir + " " + kData +
                    "active.conllu 2>&1";
  const Result r = dyad::test::run_command(cmd);
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("x.txt:2: expected 'field: value'"), std::string::npos) << r.out;
}

// Threads (--jobs) change nothing in what is printed: events in input order,
// a bad JSONL line's error record in its place.
TEST(CoderCli, JobsKeepTheInputOrder) {
  std::vector<std::string> docs;
  for (const auto& e : std::filesystem::directory_iterator(kData))
    if (e.path().extension() == ".conllu") docs.push_back(e.path().string());
  std::sort(docs.begin(), docs.end());
  std::string files;
  for (const std::string& d : docs) files += " " + d;
  Result one = run("--input conllu --date 2023-12-27 -j 1" + files);
  Result three = run("--input conllu --date 2023-12-27 -j 3" + files);
  ASSERT_EQ(one.status, 0) << one.out;
  EXPECT_GE(lines(one.out).size(), 20u);
  EXPECT_EQ(one.out, three.out);

  if (!std::filesystem::exists(std::string(DYAD_SOURCE_DIR) + "/data/models/parser.dyadm")) GTEST_SKIP() << "no models";
  std::string path = ::testing::TempDir() + "coder_cli_jobs.jsonl";
  {
    std::ofstream out(path);
    for (int i = 0; i < 24; ++i) {
      if (i % 5 == 2) out << "{\"id\": \"broken " << i << "\"\n";
      out << "{\"id\": \"doc" << i << "\", \"date\": \"2023-12-2" << i % 10
          << "\", \"text\": \"Azerbaijan expelled " << i + 2 << " French diplomats on Tuesday.\"}\n";
    }
  }
  Result a = run("--input jsonl -j 1 " + path + " 2>&1");
  Result b = run("--input jsonl -j 4 " + path + " 2>&1");
  EXPECT_NE(a.status, 0);
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out.find("\"doc\":\"doc23\""), std::string::npos) << a.out.substr(0, 2000);
  EXPECT_NE(a.out.find("5 input line(s) could not be coded"), std::string::npos) << a.out.substr(0, 2000);
}

}  // namespace
