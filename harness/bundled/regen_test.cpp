#include "harness/bundled/regen.h"

#include "harness/util/atomic_file.h"
#include "harness/golden/golden.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <unistd.h>

namespace qgold::harness {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A private copy of two recipes of the repository (one with a weights-only and
// a qconf test) plus their committed inputs and goldens.
class RegenTest : public testing::Test {
protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("qgold-regen-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "recipes");
    fs::path repo = QGOLD_SOURCE_DIR;
    for (const char *recipe : {"Conv2D_001", "Tanh_001"}) {
      fs::copy_file(repo / "recipes" / (std::string(recipe) + ".yaml"),
                    root_ / "recipes" / (std::string(recipe) + ".yaml"));
      for (const char *tree : {"test_inputs", "expected_outputs"}) {
        fs::create_directories(root_ / tree);
        for (const std::string &name : {std::string(recipe), std::string(recipe) + "_config"})
          if (fs::exists(repo / tree / name))
            fs::copy(repo / tree / name, root_ / tree / name, fs::copy_options::recursive);
      }
    }
  }
  void TearDown() override { fs::remove_all(root_); }

  RegenReport regen(bool check, std::vector<std::string> patterns = {}) {
    BundledSuite suite = load_bundled_suite(root_);
    RegenOptions options;
    options.check = check;
    return regenerate(suite, select_cases(suite, patterns), options);
  }

  static std::string read(const fs::path &path) { return read_file_text(path).text; }

  fs::path golden(const std::string &id, const std::string &step, const std::string &tensor) {
    return root_ / "expected_outputs" / id / step / (tensor + ".json");
  }

  fs::path root_;
};

TEST_F(RegenTest, RegeneratingUnchangedGoldensIsByteIdentical) {
  fs::path ker = golden("Conv2D_001/layer/uint8", "quantization", "ker");
  std::string before = read(ker);
  RegenReport report = regen(/*check=*/false);
  EXPECT_TRUE(report.errors.empty()) << report.errors.front();
  EXPECT_FALSE(report.changed());
  EXPECT_TRUE(report.cases_added.empty());
  EXPECT_EQ(report.cases_unchanged, load_bundled_suite(root_).cases.size());
  EXPECT_EQ(read(ker), before);
  // The copy still matches the repository byte for byte.
  EXPECT_EQ(read(ker), read(fs::path(QGOLD_SOURCE_DIR) / "expected_outputs/Conv2D_001/layer/"
                                                         "uint8/quantization/ker.json"));
}

TEST_F(RegenTest, ChangedCasesSayWhatTheChangeDoesToEachOutputsSqnr) {
  // Goldens of a worse algorithm: every committed output code 3 too high.
  fs::path ofm = golden("Conv2D_001/layer/uint8", "inference", "ofm");
  Golden worse = read_golden(ofm);
  for (int64_t &code : worse.codes->ints)
    code = std::min<int64_t>(code + 3, 255);
  write_golden(worse, ofm);

  RegenReport report = regen(/*check=*/true);
  ASSERT_EQ(report.effects.size(), 1u);
  const OutputEffect &effect = report.effects[0];
  EXPECT_EQ(effect.case_id, "Conv2D_001/layer/uint8");
  EXPECT_EQ(effect.tensor, "ofm");
  EXPECT_GT(effect.after_db, 20.0); // the engine's codes track the float model
  EXPECT_LT(effect.before_db, effect.after_db - 3.0);
  std::ostringstream out;
  print_regen_report(report, {true, false}, out);
  EXPECT_THAT(out.str(), HasSubstr("end to end Conv2D_001/layer/uint8 ofm: SQNR "));
  EXPECT_THAT(out.str(), HasSubstr(" dB (better)"));
}

TEST_F(RegenTest, CheckReportsExactlyTheEditedTensor) {
  // Simulate an algorithm change that moves one weight code by 2: the committed
  // golden now differs from what the engine produces in that one tensor only.
  fs::path ker = golden("Conv2D_001/channel/uint8", "quantization", "ker");
  Golden edited = read_golden(ker);
  int64_t original = edited.weights->ints[5];
  edited.weights->ints[5] = original + 2;
  write_golden(edited, ker);
  std::string edited_text = read(ker);

  RegenReport report = regen(/*check=*/true);
  ASSERT_EQ(report.tensors.size(), 1u);
  const TensorChange &change = report.tensors[0];
  EXPECT_EQ(change.kind, TensorChange::Kind::Changed);
  EXPECT_EQ(change.case_id, "Conv2D_001/channel/uint8");
  EXPECT_EQ(change.step, Step::Quantization);
  EXPECT_EQ(change.stem, "ker");
  ASSERT_TRUE(change.largest);
  EXPECT_EQ(change.largest->key, "weights");
  EXPECT_EQ(change.largest->index, 5);
  EXPECT_EQ(change.largest->before, double(original + 2));
  EXPECT_EQ(change.largest->after, double(original));
  EXPECT_EQ(change.largest->steps, std::optional<double>(2.0));
  // Every changed value and its steps (the HTML report's histogram): just the edited one.
  EXPECT_EQ(change.values_changed, 1u);
  EXPECT_EQ(change.value_steps, std::vector<float>{2.0f});
  EXPECT_EQ(report.cases_changed, std::vector<std::string>{"Conv2D_001/channel/uint8"});
  EXPECT_EQ(read(ker), edited_text); // --check writes nothing

  std::ostringstream out;
  print_regen_report(report, {true, false}, out);
  EXPECT_THAT(out.str(), HasSubstr("would be changed Conv2D_001/channel/uint8 quantization ker: "
                                   "largest change weights[5]"));
  EXPECT_THAT(out.str(), HasSubstr("(2 steps)"));
  EXPECT_THAT(out.str(), HasSubstr("tensors: 0 added, 0 removed, 1 changed"));

  RegenReport written = regen(/*check=*/false, {"Conv2D_001/channel/uint8"});
  EXPECT_EQ(written.tensors.size(), 1u);
  EXPECT_EQ(read_golden(ker).weights->ints[5], original);
  EXPECT_FALSE(regen(/*check=*/true).changed());
}

TEST_F(RegenTest, FloatChangesAreMeasuredInSteps) {
  // An activation scale off by a quarter of itself: 0.25 steps of that scale.
  fs::path ofm = golden("Conv2D_001/layer/uint8", "record_minmax", "ofm");
  Golden recorded = read_golden(ofm);
  Golden quantized = read_golden(golden("Conv2D_001/layer/uint8", "quantization", "ofm"));
  double scale = quantized.scale->at(0);
  recorded.max = GoldenArray::scalar(recorded.max->at(0) + scale / 4);
  write_golden(recorded, ofm);
  RegenReport report = regen(/*check=*/true, {"Conv2D_001"});
  ASSERT_EQ(report.tensors.size(), 1u);
  ASSERT_TRUE(report.tensors[0].largest);
  EXPECT_EQ(report.tensors[0].largest->key, "max");
  ASSERT_TRUE(report.tensors[0].largest->steps);
  EXPECT_NEAR(*report.tensors[0].largest->steps, 0.25, 1e-9);
}

TEST_F(RegenTest, AddsMissingAndRemovesStaleGoldensOfRegeneratedCasesOnly) {
  fs::path ker = golden("Conv2D_001/layer/uint8", "fake_quantization", "ker");
  fs::remove(ker);
  fs::path stale = golden("Conv2D_001/layer/uint8", "quantization", "gone");
  std::ofstream(stale) << "{\"scale\": 1.0}\n";
  fs::path other = golden("Conv2D_001/channel/uint8", "quantization", "gone");
  std::ofstream(other) << "{\"scale\": 1.0}\n";
  fs::path temp = ker.parent_path() / ".ker.json.tmp-999999999";
  std::ofstream(temp) << "{\"wei"; // a run killed mid-write

  RegenReport report = regen(/*check=*/false, {"Conv2D_001/layer/*"});
  ASSERT_EQ(report.tensors.size(), 2u);
  EXPECT_EQ(report.tensors[0].kind, TensorChange::Kind::Added);
  EXPECT_EQ(report.tensors[0].stem, "ker");
  EXPECT_EQ(report.tensors[1].kind, TensorChange::Kind::Removed);
  EXPECT_EQ(report.tensors[1].stem, "gone");
  EXPECT_TRUE(fs::exists(ker));
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(other)); // another case, not regenerated
  EXPECT_FALSE(fs::exists(temp));
  EXPECT_EQ(report.stale_temporaries_removed, 1u);
}

TEST_F(RegenTest, MissingInputsAreGeneratedOnceAndKept) {
  fs::path input = root_ / "test_inputs/Conv2D_001/layer/uint8/0.txt";
  std::string committed = read(input);
  fs::remove(input);
  RegenReport check = regen(/*check=*/true, {"Conv2D_001/layer/uint8"});
  EXPECT_EQ(check.inputs_written, std::vector<std::string>{"test_inputs/Conv2D_001/layer/uint8/0.txt"});
  EXPECT_TRUE(check.tensors.empty()); // the regenerated record is the committed one
  EXPECT_FALSE(fs::exists(input));
  regen(/*check=*/false, {"Conv2D_001/layer/uint8"});
  EXPECT_EQ(read(input), committed);
  // An edited input is kept (goldens follow it) unless --inputs.
  std::ofstream(input, std::ios::trunc) << committed.substr(0, committed.find(',')) << ","
                                        << committed.substr(committed.find(',') + 1);
  EXPECT_FALSE(regen(/*check=*/true, {"Conv2D_001/layer/uint8"}).changed());
}

TEST_F(RegenTest, OrphanCasesAreReportedNotDeleted) {
  fs::path orphan = root_ / "expected_outputs/Old_000/layer/uint8/quantization";
  fs::create_directories(orphan);
  std::ofstream(orphan / "x.json") << "{\"scale\": 1.0}\n";
  RegenReport report = regen(/*check=*/false);
  EXPECT_EQ(report.orphans, std::vector<std::string>{"Old_000/layer/uint8"});
  EXPECT_TRUE(fs::exists(orphan / "x.json"));
}

TEST(LargestChange, CodesScalesAndStructure) {
  Golden before, after;
  before.weights = GoldenArray::int_list({1, 2, 3, 4}, {2, 2});
  after.weights = GoldenArray::int_list({1, 5, 3, 3}, {2, 2});
  auto change = largest_change(before, after, {});
  ASSERT_TRUE(change);
  EXPECT_EQ(change->index, 1);
  EXPECT_EQ(change->steps, std::optional<double>(3.0));
  EXPECT_EQ(change->describe(), "weights[1] 2 -> 5 (3 steps)");

  // Per-channel float weights along axis 0: element 3 is in channel 1 (scale 0.5).
  Golden fb, fa;
  fb.weights = GoldenArray::float_list({0, 0, 0, 1.0}, {2, 2});
  fa.weights = GoldenArray::float_list({0, 0.1, 0, 2.0}, {2, 2});
  auto per_channel = largest_change(fb, fa, {GoldenArray::list({0.01, 0.5}), 0, {}});
  ASSERT_TRUE(per_channel);
  EXPECT_EQ(per_channel->index, 1); // 0.1 / 0.01 = 10 steps beats 1.0 / 0.5 = 2
  EXPECT_NEAR(*per_channel->steps, 10.0, 1e-9);

  // A scale change in the codes it moves at the ends of a uint8 range [0, 255]
  // with zero point 0: 0.78% of the scale moves code 255 by 2.
  Golden before_scale, after_scale;
  before_scale.scale = GoldenArray::scalar(0.01);
  after_scale.scale = GoldenArray::scalar(0.010078);
  auto scale = largest_change(before_scale, after_scale, {std::nullopt, -1, {255}});
  ASSERT_TRUE(scale && scale->steps);
  EXPECT_NEAR(*scale->steps, 255 * 0.000078 / 0.010078, 1e-9);
  EXPECT_EQ(scale->describe(), "scale[0] 0.01 -> 0.010078 (moves the end codes by 1.974)");

  Golden sb, sa;
  sb.scale = GoldenArray::scalar(0.5);
  EXPECT_EQ(largest_change(sb, sa, {})->describe(), "scale removed");
  EXPECT_FALSE(largest_change(sb, sb, {}));
}

} // namespace
} // namespace qgold::harness
