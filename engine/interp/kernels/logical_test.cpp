#include "interp/kernels/logical.h"

#include <gtest/gtest.h>

#include <vector>

namespace qgold::interp::kernels {
namespace {

TEST(LogicalTest, AndOrTruthTablesByBroadcasting) {
  // x [2,1] = {false, true} against y [2] = {false, true}: all four pairs.
  const bool x[] = {false, true}, y[] = {false, true};
  bool out[4];
  logical_and({2, 1}, x, {2}, y, {2, 2}, out);
  EXPECT_EQ(std::vector<bool>(out, out + 4), (std::vector<bool>{0, 0, 0, 1}));
  logical_or({2, 1}, x, {2}, y, {2, 2}, out);
  EXPECT_EQ(std::vector<bool>(out, out + 4), (std::vector<bool>{0, 1, 1, 1}));
}

TEST(LogicalTest, NotFlipsEachValue) {
  const bool input[] = {true, false, false};
  bool out[3];
  logical_not({3}, input, out);
  EXPECT_EQ(std::vector<bool>(out, out + 3), (std::vector<bool>{0, 1, 1}));
}

} // namespace
} // namespace qgold::interp::kernels
