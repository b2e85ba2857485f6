#include "ir/op_registry.h"

#include <gtest/gtest.h>

#include <set>

namespace qgold::ir {
namespace {

TEST(OpRegistry, NamesAndCodesRoundTrip) {
  std::set<std::string_view> names;
  std::set<int32_t> codes;
  for (OpCode code : all_ops()) {
    const OpInfo &op = op_info(code);
    EXPECT_EQ(op.code, code);
    EXPECT_TRUE(names.insert(op.name).second) << op.name << " is listed twice";
    EXPECT_TRUE(codes.insert(static_cast<int32_t>(code)).second) << op.name;
    EXPECT_EQ(op_from_name(op.name), code) << op.name;
    EXPECT_EQ(op_from_code(static_cast<int32_t>(code)), code) << op.name;
    EXPECT_EQ(op.circle_only, static_cast<int32_t>(code) < 0) << op.name;
  }
  EXPECT_FALSE(op_from_name("LSTM"));
  EXPECT_FALSE(op_from_code(16));
}

TEST(OpRegistry, EveryOpHasASignatureAndAShapeRule) {
  for (OpCode code : all_ops()) {
    const OpInfo &op = op_info(code);
    SCOPED_TRACE(std::string(op.name));
    EXPECT_NE(op.shape, nullptr);
    ASSERT_FALSE(op.inputs.empty());
    if (code != OpCode::Custom) { // a custom op may take no input
      EXPECT_GE(op.min_inputs(), 1u);
    }
    for (const InputSlot &slot : op.inputs)
      EXPECT_EQ(slot.role == Role::Weights, slot.channel_axis >= 0);
    if (op.variadic) {
      EXPECT_EQ(op.inputs.size(), 1u);
    }
    if (op.quant.output == OutputParams::FromInput) {
      ASSERT_GE(op.quant.source, 0);
      EXPECT_EQ(op.input(static_cast<size_t>(op.quant.source)).role, Role::Value);
    }
    if (op.quant.output == OutputParams::Fixed) {
      EXPECT_GT(op.quant.fixed_uint8.scale, 0.0f);
    }
    if (op.quant.weights_only) {
      EXPECT_TRUE(weighted_op(code));
    }
  }
}

TEST(OpRegistry, OptionTablesMatchTheOptionStructs) {
  for (OpCode code : all_ops()) {
    const OpInfo &op = op_info(code);
    SCOPED_TRACE(std::string(op.name));
    const Options options = default_options(code);
    const auto fields = option_fields(options);
    // An op without an options table in the schema has nothing to store.
    if (op.options_table == 0) {
      EXPECT_TRUE(fields.empty());
    }
    std::set<uint16_t> ids;
    std::set<std::string_view> names;
    for (const FieldInfo &field : fields) {
      EXPECT_TRUE(ids.insert(field.id).second) << "field id " << field.id << " twice";
      EXPECT_TRUE(names.insert(field.name).second) << field.name;
    }
  }
}

TEST(OpRegistry, WeightedOpsNameTheirSlots) {
  const auto conv = weighted_op(OpCode::Conv2D);
  ASSERT_TRUE(conv);
  EXPECT_EQ(conv->activation, 0);
  EXPECT_EQ(conv->weights, 1);
  EXPECT_EQ(conv->bias, 2);
  EXPECT_EQ(conv->channel_axis, 0);
  const auto depthwise = weighted_op(OpCode::DepthwiseConv2D);
  ASSERT_TRUE(depthwise);
  EXPECT_EQ(depthwise->channel_axis, 3);
  const auto transpose = weighted_op(OpCode::TransposeConv);
  ASSERT_TRUE(transpose);
  EXPECT_EQ(transpose->activation, 2);
  EXPECT_EQ(transpose->bias, 3);
  EXPECT_FALSE(weighted_op(OpCode::Add));
}

TEST(OpRegistry, ValueOperandsFollowTheRoles) {
  const Operator conv{OpCode::Conv2D, {0, 1, 2}, {3}, default_options(OpCode::Conv2D)};
  EXPECT_EQ(value_operands(conv), (std::vector<int>{0}));
  const Operator concat{OpCode::Concatenation, {0, 1, 2}, {3}, default_options(OpCode::Concatenation)};
  EXPECT_EQ(value_operands(concat), (std::vector<int>{0, 1, 2}));
  const Operator split{OpCode::Split, {0, 1}, {2, 3}, SplitOptions{2}};
  EXPECT_EQ(value_operands(split), (std::vector<int>{1}));
}

} // namespace
} // namespace qgold::ir
