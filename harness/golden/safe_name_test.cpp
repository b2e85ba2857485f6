#include "harness/golden/safe_name.h"

#include "ir/error.h"

#include <gtest/gtest.h>

using namespace qgold;
using namespace qgold::harness;

TEST(SafeName, SlashBecomesUnderscoreLikeOne) {
  EXPECT_EQ(golden_file_name("ifm"), "ifm.json");
  EXPECT_EQ(golden_file_name("model/conv/ker"), "model_conv_ker.json");
  EXPECT_EQ(golden_file_stem("ifm1_Quantize"), "ifm1_Quantize");
}

TEST(SafeName, EscapeAttemptsStayInTheFolder) {
  EXPECT_EQ(golden_file_stem(".."), "%2E%2E");
  EXPECT_EQ(golden_file_stem("."), "%2E");
  EXPECT_EQ(golden_file_stem("../etc/passwd"), ".._etc_passwd");
  EXPECT_EQ(golden_file_stem("/abs"), "_abs");
  EXPECT_EQ(golden_file_stem("a\\b"), "a%5Cb");
  EXPECT_EQ(golden_file_stem(std::string("a\0b", 3)), "a%00b");
  EXPECT_EQ(golden_file_stem("a\nb\x7f"), "a%0Ab%7F");
  EXPECT_EQ(golden_file_stem("-rf"), "%2Drf");
  EXPECT_EQ(golden_file_stem("a-b"), "a-b");
  EXPECT_EQ(golden_file_stem("100%"), "100%25");
  EXPECT_THROW(golden_file_stem(""), InputError);
}

TEST(SafeName, LongNamesAreTruncatedWithAHash) {
  std::string a(300, 'a'), b = a;
  b.back() = 'b';
  std::string stem_a = golden_file_stem(a), stem_b = golden_file_stem(b);
  EXPECT_EQ(stem_a.size(), kMaxGoldenStem);
  EXPECT_EQ(stem_a.substr(0, 183), std::string(183, 'a'));
  EXPECT_EQ(stem_a[183], '~');
  EXPECT_NE(stem_a, stem_b);
  EXPECT_EQ(golden_file_stem(a), stem_a); // stable
  EXPECT_EQ(golden_file_stem(std::string(200, 'x')), std::string(200, 'x'));
}

TEST(SafeName, TruncationNeverSplitsAnEscapeOrUtf8) {
  // 182 'a' then '%' (escaped to 3 bytes) would be cut at byte 183.
  std::string stem = golden_file_stem(std::string(182, 'a') + "%" + std::string(50, 'z'));
  EXPECT_EQ(stem.substr(0, 183), std::string(182, 'a') + "~");
  // A 2-byte UTF-8 letter (U+00E9) straddling byte 183.
  std::string utf8 = golden_file_stem(std::string(182, 'a') + "\xC3\xA9" + std::string(50, 'z'));
  EXPECT_EQ(utf8.substr(0, 183), std::string(182, 'a') + "~");
}

namespace {
ir::Tensor named(std::string name) {
  ir::Tensor tensor;
  tensor.name = std::move(name);
  return tensor;
}
} // namespace

TEST(SafeName, CollisionsNameBothTensors) {
  ir::Model model;
  model.add_tensor(named("a/b"));
  model.add_tensor(named("c"));
  model.add_tensor(named(""));
  auto stems = golden_stems(model);
  EXPECT_EQ(stems.size(), 2u);
  EXPECT_EQ(stems.at("a_b"), 0);
  model.add_tensor(named("a_b"));
  try {
    golden_stems(model);
    FAIL() << "expected a collision";
  } catch (const InputError &error) {
    std::string message = error.what();
    EXPECT_NE(message.find("'a/b'"), std::string::npos) << message;
    EXPECT_NE(message.find("'a_b'"), std::string::npos) << message;
    EXPECT_NE(message.find("a_b.json"), std::string::npos) << message;
  }
}
