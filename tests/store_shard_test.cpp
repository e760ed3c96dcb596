// docs/scaling.md promise: `dyad code --input jsonl --format jsonl` is a pure,
// order-preserving filter, so splitting the input into shards, coding each
// shard separately and concatenating the outputs gives exactly the rows of one
// run (Spark RDD.pipe, Hadoop Streaming, Slurm arrays). Needs the NLP models.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli_run.h"
#include "store_fixture.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& cmd) {
  const test::CommandResult r = test::run_command(cmd);
  EXPECT_EQ(r.status, 0) << cmd;
  return r.out;
}

TEST(StoreShard, ShardedCodeRunsEqualOneRun) {
  const std::string models = std::string(DYAD_SOURCE_DIR) + "/data/models/";
  if (!fs::exists(models + "tagger.dyadm") || !fs::exists(models + "parser.dyadm")) {
    GTEST_SKIP() << "NLP models not built (data/models/tagger.dyadm, parser.dyadm)";
  }
  const std::vector<std::string> texts = {
      "Azerbaijan expelled two French diplomats on Tuesday.",
      "The French foreign ministry summoned the Azerbaijani ambassador.",
      "Russia accused Ukraine of shelling a power plant.",
      "China and Brazil signed a trade agreement in Beijing.",
      "Protesters marched against the government in Yerevan.",
      "The United Nations urged both sides to show restraint.",
      "Israel said it would not negotiate with Hamas.",
      "Germany pledged aid to refugees arriving from Sudan."};
  std::string dir = testing::temp_path("shards");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream all(dir + "/all.jsonl");
  std::vector<std::ofstream> shards;
  for (int s = 0; s < 2; ++s) shards.emplace_back(dir + "/shard" + std::to_string(s) + ".jsonl");
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::string line = "{\"id\":\"d" + std::to_string(i) + "\",\"date\":\"2024-01-0" + std::to_string(i % 9 + 1) +
                       "\",\"text\":\"" + texts[i] + "\"}\n";
    all << line;
    shards[i * 2 / texts.size()] << line;  // contiguous shards, as `split -n l/2` makes
  }
  all.close();
  for (auto& s : shards) s.close();
  const std::string cli = std::string(DYAD_CLI_PATH) + " code --input jsonl --format jsonl < ";
  std::string single = run(cli + dir + "/all.jsonl");
  std::string joined;
  for (int s = 0; s < 2; ++s) joined += run(cli + dir + "/shard" + std::to_string(s) + ".jsonl");
  EXPECT_FALSE(single.empty());
  EXPECT_EQ(joined, single);
}

}  // namespace
}  // namespace dyad
