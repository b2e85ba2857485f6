#pragma once

// Small hand-made models shared by the format tests.

#include "ir/model.h"

namespace qgold::format::testing {

// One operator per op qgold knows, each with options that differ from the
// recipe defaults, reading shared tensors and writing its own output. Not a
// runnable graph: the reader does no shape checks, so only the encoding matters.
// With `with_instance_norm` false the Circle-only InstanceNorm is left out.
ir::Model every_op_model(bool with_instance_norm);

// ifm [1,3,3,2] -> Conv2D(ker [2,1,1,2], bias [2]) -> ofm [1,3,3,2], with
// per-channel quantization on ker and per-tensor quantization on ifm.
ir::Model conv_model();

// Field-by-field equality with readable failures (ir::Tensor has no operator==).
void expect_same_model(const ir::Model &actual, const ir::Model &expected);

} // namespace qgold::format::testing
