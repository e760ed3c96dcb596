// End-to-end: runs the real `dyad parse` binary on text written for this test.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_run.h"
#include "dyad/conllu.h"

namespace {

std::string run(const std::string& command, int* status) {
  dyad::test::CommandResult r = dyad::test::run_command(command);
  *status = r.status;
  return r.out;
}

bool models_present() {
  std::string dir = std::string(DYAD_SOURCE_DIR) + "/data/models/";
  return std::filesystem::exists(dir + "tagger.dyadm") && std::filesystem::exists(dir + "parser.dyadm");
}

std::string write_temp(const std::string& name, const std::string& text) {
  std::string path = (std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "_" + name)).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(CliParse, WritesCoNLLUWithByteOffsets) {
  if (!models_present()) GTEST_SKIP() << "models not trained yet";
  const std::string text =
      "The minister didn't attend the talks in Zürich.\n\nThe U.S. envoy arrived on Jan. 5.\n";
  std::string path = write_temp("dyad_cli_parse.txt", text);
  int status = 0;
  std::string out = run(std::string(DYAD_CLI_PATH) + " parse " + path, &status);
  ASSERT_EQ(status, 0) << out;
  std::istringstream in(out);
  dyad::ConlluReader reader(in, "stdout");
  std::vector<dyad::Sentence> sentences;
  dyad::Sentence s;
  while (reader.next(s)) sentences.push_back(s);
  ASSERT_EQ(sentences.size(), 2u) << out;
  EXPECT_EQ(sentences[0].text, "The minister didn't attend the talks in Zürich.");
  EXPECT_TRUE(sentences[1].new_paragraph);
  for (const auto& sentence : sentences) {
    int roots = 0;
    for (const auto& w : sentence.words) {
      std::string surface = text.substr(w.span.start, w.span.end - w.span.start);
      bool in_mwt = false;
      for (const auto& m : sentence.multiword) in_mwt |= surface == m.form;
      if (!in_mwt) {
        EXPECT_EQ(surface, w.form);
      }
      EXPECT_FALSE(w.upos.empty());
      EXPECT_FALSE(w.lemma.empty());
      EXPECT_GE(w.head, 0);
      roots += w.head == 0;
    }
    EXPECT_EQ(roots, 1) << sentence.text;
  }
  EXPECT_NE(out.find("# sent_id = "), std::string::npos);
  EXPECT_NE(out.find("TokenRange=0:3"), std::string::npos) << out;
  // "didn't" is one token, two words.
  ASSERT_EQ(sentences[0].multiword.size(), 1u);
  EXPECT_EQ(sentences[0].multiword[0].form, "didn't");
}

TEST(CliParse, InvalidUtf8IsAnErrorNamingTheByteUnlessLenient) {
  if (!models_present()) GTEST_SKIP() << "models not trained yet";
  std::string path = write_temp("dyad_cli_bad.txt", std::string("Talks began.\nBad \xff byte.\n"));
  int status = 0;
  std::string out = run(std::string(DYAD_CLI_PATH) + " parse " + path + " 2>&1", &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(out.find("byte 17"), std::string::npos) << out;
  out = run(std::string(DYAD_CLI_PATH) + " parse --lenient " + path, &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("\xef\xbf\xbd"), std::string::npos);
}

TEST(CliParse, ConlluInputKeepsTokensAndRepredicts) {
  if (!models_present()) GTEST_SKIP() << "models not trained yet";
  // Gold columns deliberately wrong: they must all be re-predicted.
  std::string conllu =
      "# text = The envoys met.\n"
      "1\tThe\tX\tX\tX\tX=Y\t3\tdep\t_\t_\n"
      "2\tenvoys\tX\tX\tX\tX=Y\t3\tdep\t_\t_\n"
      "3\tmet\tX\tX\tX\tX=Y\t0\troot\t_\tSpaceAfter=No\n"
      "4\t.\tX\tX\tX\tX=Y\t3\tdep\t_\t_\n\n";
  std::string path = write_temp("dyad_cli_in.conllu", conllu);
  int status = 0;
  std::string out = run(std::string(DYAD_CLI_PATH) + " parse --input conllu " + path, &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("2\tenvoys\tenvoy\tNOUN\tNNS"), std::string::npos) << out;
  EXPECT_NE(out.find("3\tmet\tmeet\tVERB\tVBD"), std::string::npos) << out;
  EXPECT_EQ(out.find("X=Y"), std::string::npos) << out;
  EXPECT_EQ(out.find("\tdep\t"), std::string::npos) << out;
}

TEST(CliParse, HelpAndMissingFile) {
  int status = 0;
  std::string out = run(std::string(DYAD_CLI_PATH) + " parse --help", &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(out.find("--input"), std::string::npos);
  out = run(std::string(DYAD_CLI_PATH) + " parse /nonexistent/file.txt 2>&1", &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(out.find("/nonexistent/file.txt"), std::string::npos) << out;
}

// `dyad model info` verifies the shipped models (written in the current
// container, so loads decompress their frames in parallel) and names a
// damaged copy's fault; `repack` rewrites a file without changing what it holds.
TEST(CliModel, InfoVerifiesTheShippedModelsAndRepackKeepsThem) {
  if (!models_present()) GTEST_SKIP() << "models not trained yet";
  const std::string dir = std::string(DYAD_SOURCE_DIR) + "/data/models/";
  int status = 0;
  std::string out = run(std::string(DYAD_CLI_PATH) + " model info " + dir + "tagger.dyadm " + dir + "parser.dyadm", &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find("kind:        tagger"), std::string::npos) << out;
  EXPECT_NE(out.find("kind:        parser"), std::string::npos) << out;
  EXPECT_EQ(out.find("container:   version 1"), std::string::npos) << "a shipped model needs `dyad model repack`: " << out;

  std::ifstream in(dir + "tagger.dyadm", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  const std::string copy = write_temp("dyad_cli_model.dyadm", bytes);
  out = run(std::string(DYAD_CLI_PATH) + " model repack " + copy + " 2>&1", &status);
  ASSERT_EQ(status, 0) << out;
  std::ifstream again(copy, std::ios::binary);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(again)), {}), bytes) << "repacking a current file must not change it";

  bytes[bytes.size() / 2] ^= 0x11;
  write_temp("dyad_cli_model.dyadm", bytes);
  out = run(std::string(DYAD_CLI_PATH) + " model info " + copy + " 2>&1", &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(out.find("checksum mismatch (frame"), std::string::npos) << out;
  EXPECT_NE(out.find(copy), std::string::npos) << out;
}

// More sentences than one job takes, over several paragraphs: any number of
// threads prints the same CoNLL-U (raw text and CoNLL-U input).
TEST(CliParse, JobsDoNotChangeTheOutput) {
  if (!models_present()) GTEST_SKIP() << "models not trained yet";
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += "The envoy from country " + std::to_string(i) + " met officials in the capital on Monday. ";
    if (i % 3 == 0) text += "They didn't sign the accord, which \"needs more work\", he said.";
    text += i % 40 == 39 ? "\n\n" : " ";
  }
  const std::string path = write_temp("dyad_cli_jobs.txt", text);
  int status = 0;
  const std::string one = run(std::string(DYAD_CLI_PATH) + " parse -j 1 " + path, &status);
  ASSERT_EQ(status, 0) << one;
  const std::string three = run(std::string(DYAD_CLI_PATH) + " parse --jobs 3 " + path, &status);
  ASSERT_EQ(status, 0);
  EXPECT_EQ(one, three);
  EXPECT_NE(one.find("# sent_id = " + path + "-400"), std::string::npos);

  const std::string conllu = write_temp("dyad_cli_jobs.conllu", one);
  const std::string again1 = run(std::string(DYAD_CLI_PATH) + " parse --input conllu -j 1 " + conllu, &status);
  ASSERT_EQ(status, 0);
  const std::string again3 = run(std::string(DYAD_CLI_PATH) + " parse --input conllu -j 3 " + conllu, &status);
  EXPECT_EQ(again1, again3);
}

// Progress goes to a terminal only: under `script` (a pseudo-terminal) the
// job draws its progress line; piped, stderr stays empty.
TEST(CliParse, ProgressOnATerminalOnly) {
  if (!models_present()) GTEST_SKIP() << "models not trained yet";
  if (std::system("command -v script > /dev/null 2>&1") != 0) GTEST_SKIP() << "no `script` to make a terminal";
  std::string text;
  for (int i = 0; i < 1500; ++i)
    text += "Officials from province " + std::to_string(i) + " said the talks would resume next week.\n\n";
  const std::string path = write_temp("dyad_cli_progress.txt", text);
  const std::string err_path = write_temp("dyad_cli_progress.err", "");
  int status = 0;
  run(std::string(DYAD_CLI_PATH) + " parse -j 1 " + path + " > /dev/null 2> " + err_path, &status);
  ASSERT_EQ(status, 0);
  std::ifstream piped(err_path);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(piped)), {}), "");
  const std::string tty = run("script -qec '" + std::string(DYAD_CLI_PATH) + " parse -j 1 " + path +
                                  " > /dev/null' /dev/null",
                              &status);
  ASSERT_EQ(status, 0) << tty;
  EXPECT_NE(tty.find("parse: "), std::string::npos) << tty;
  EXPECT_NE(tty.find(" sentences/s, ETA "), std::string::npos) << tty;
}

}  // namespace
