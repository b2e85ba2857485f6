#pragma once

// StridedSlice's index arithmetic, shared by its shape rule and its kernels,
// as TFLite computes it (strided_slice.cc BuildStridedSliceParams and
// strided_slice_logic.h StartForAxis/StopForAxis): the ellipsis is expanded
// and new axes become size-1 dims of an "effective" input, then every
// effective axis gets a clamped start, stop and stride.

#include "ir/model.h"

#include <optional>
#include <string>
#include <vector>

namespace qgold::ir {

struct StridedSliceAxis {
  int32_t start = 0, stop = 0, stride = 1;
  bool shrink = false; // removed from the output (its size is 1)
  int32_t size() const; // elements along the axis: ceil((stop - start) / stride), at least 0
};

struct StridedSliceGeometry {
  Shape effective_input;              // the input with new axes inserted
  std::vector<StridedSliceAxis> axes; // one per effective input dim
  Shape output() const;               // sizes of the axes that do not shrink
};

// The geometry for `input_shape` and the begin/end/strides values (one per
// spec entry). Returns the reason as an error string when the spec is invalid
// (a zero stride, mismatched lengths, too many dims).
struct StridedSliceSpec {
  std::vector<int32_t> begin, end, strides;
  int32_t begin_mask = 0, end_mask = 0, ellipsis_mask = 0, new_axis_mask = 0, shrink_axis_mask = 0;
};
StridedSliceGeometry strided_slice_geometry(const Shape &input_shape, const StridedSliceSpec &spec,
                                            std::string &error);

} // namespace qgold::ir
