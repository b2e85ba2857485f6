#pragma once

// Helpers shared by the recipe tests.

#include "ir/error.h"
#include "ir/model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace qgold::recipe::test_support {

// The InputError message `body` throws, or "" (with a test failure) when it does not throw.
template <typename Body> std::string input_error(Body body) {
  try {
    body();
  } catch (const InputError &e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an InputError";
  return "";
}

// Same for UnsupportedError; an InputError of another kind is a failure.
template <typename Body> std::string unsupported_error(Body body) {
  try {
    body();
  } catch (const UnsupportedError &e) {
    return e.what();
  } catch (const InputError &e) {
    ADD_FAILURE() << "expected an UnsupportedError, got InputError: " << e.what();
    return "";
  }
  ADD_FAILURE() << "expected an UnsupportedError";
  return "";
}

// Two models hold the same graphs, tensors (data included), operators,
// signature defs and storage flags.
inline void expect_same_graph(const ir::Graph &a, const ir::Graph &b) {
  EXPECT_EQ(a.name, b.name);
  ASSERT_EQ(a.tensors.size(), b.tensors.size());
  for (size_t i = 0; i < a.tensors.size(); ++i) {
    const ir::Tensor &x = a.tensors[i], &y = b.tensors[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.dtype, y.dtype) << x.name;
    EXPECT_EQ(x.shape, y.shape) << x.name;
    EXPECT_EQ(x.data, y.data) << x.name;
    EXPECT_EQ(x.quant, y.quant) << x.name;
    EXPECT_EQ(x.shape_signature, y.shape_signature) << x.name;
    EXPECT_EQ(x.sparsity, y.sparsity) << x.name;
  }
  ASSERT_EQ(a.operators.size(), b.operators.size());
  for (size_t i = 0; i < a.operators.size(); ++i) {
    EXPECT_EQ(a.operators[i].code, b.operators[i].code) << "op " << i;
    EXPECT_EQ(a.operators[i].inputs, b.operators[i].inputs) << "op " << i;
    EXPECT_EQ(a.operators[i].outputs, b.operators[i].outputs) << "op " << i;
    EXPECT_EQ(a.operators[i].options, b.operators[i].options) << "op " << i;
    EXPECT_EQ(a.operators[i].custom_code, b.operators[i].custom_code) << "op " << i;
  }
  EXPECT_EQ(a.inputs, b.inputs);
  EXPECT_EQ(a.outputs, b.outputs);
}

inline void expect_same_model(const ir::Model &a, const ir::Model &b) {
  expect_same_graph(a, b);
  ASSERT_EQ(a.subgraphs.size(), b.subgraphs.size());
  for (size_t i = 0; i < a.subgraphs.size(); ++i)
    expect_same_graph(a.subgraphs[i], b.subgraphs[i]);
  EXPECT_EQ(a.signature_defs, b.signature_defs);
  EXPECT_EQ(a.external_buffers, b.external_buffers);
}

} // namespace qgold::recipe::test_support
