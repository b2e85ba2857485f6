#include "ir/strided_slice.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qgold::ir {
namespace {

bool bit(int32_t mask, int i) { return i < 32 && ((mask >> i) & 1) != 0; }

int32_t clamp(int64_t v, int64_t lo, int64_t hi) {
  return static_cast<int32_t>(std::max(lo, std::min(hi, v)));
}

// StartForAxis: the first index, in [0, size] forward or [-1, size - 1] backward.
int32_t start_for_axis(int64_t start, bool masked, int32_t stride, int32_t size) {
  if (size == 0)
    return 0;
  if (masked)
    start = stride > 0 ? std::numeric_limits<int32_t>::lowest() : std::numeric_limits<int32_t>::max();
  if (start < 0)
    start += size;
  return stride > 0 ? clamp(start, 0, size) : clamp(start, -1, size - 1);
}

// StopForAxis: one past the last index, clamped the same way.
int32_t stop_for_axis(int64_t stop, bool masked, bool shrink, int32_t stride, int32_t size,
                      int32_t start) {
  if (size == 0)
    return 0;
  if (shrink)
    return start + 1;
  if (masked)
    stop = stride > 0 ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::lowest();
  if (stop < 0)
    stop += size;
  return stride > 0 ? clamp(stop, 0, size) : clamp(stop, -1, size - 1);
}

} // namespace

int32_t StridedSliceAxis::size() const {
  // TFLite: ceil((end - begin) / float(stride)), at least 0.
  const auto value = static_cast<int32_t>(std::ceil(static_cast<float>(stop - start) / static_cast<float>(stride)));
  return std::max(value, 0);
}

Shape StridedSliceGeometry::output() const {
  Shape out;
  for (const StridedSliceAxis &axis : axes)
    if (!axis.shrink)
      out.push_back(axis.size());
  return out;
}

StridedSliceGeometry strided_slice_geometry(const Shape &input, const StridedSliceSpec &spec,
                                            std::string &error) {
  StridedSliceGeometry g;
  const int count = static_cast<int>(spec.begin.size());
  if (spec.end.size() != spec.begin.size() || spec.strides.size() != spec.begin.size()) {
    error = fmt::format("begin, end and strides must have the same length, got {}, {} and {}",
                        spec.begin.size(), spec.end.size(), spec.strides.size());
    return g;
  }
  // New axes where the ellipsis does not claim the same position.
  int added = 0;
  for (int i = 0; i < count; ++i)
    if (!bit(spec.ellipsis_mask, i) && bit(spec.new_axis_mask, i))
      ++added;
  const int rank = static_cast<int>(input.size());
  const int dims = rank + added;
  if (count > dims || dims > 32) {
    error = fmt::format("the slice spec has {} entries for an input of rank {}", count, rank);
    return g;
  }
  // Expand the ellipsis over the dims the spec does not name.
  int ellipsis_begin = dims, expanded = 0;
  std::vector<bool> in_ellipsis(dims, false), new_axis(dims, false);
  for (int i = 0; i < dims;) {
    if (bit(spec.ellipsis_mask, i)) {
      ellipsis_begin = i;
      const int end = std::max(i + 1, std::min(i + 1 + added + rank - count, dims));
      expanded = end - ellipsis_begin - 1;
      for (; i < end; ++i)
        in_ellipsis[i] = true;
      continue;
    }
    if (bit(spec.new_axis_mask, i - expanded))
      new_axis[i] = true;
    ++i;
  }
  int added_ellipsis = 0, added_axes = 0;
  for (int i = 0; i < dims; ++i) {
    StridedSliceAxis axis;
    int64_t begin = 0, end = 0;
    bool begin_masked = false, end_masked = false;
    int32_t size;
    if (in_ellipsis[i]) {
      added_ellipsis = std::max(0, i - ellipsis_begin);
      begin_masked = end_masked = true;
      size = input[i - added_axes];
    } else if (new_axis[i]) {
      begin = 0, end = 1, size = 1;
      ++added_axes;
    } else if (i >= count + expanded) {
      begin_masked = end_masked = true;
      size = input[i - added_axes];
    } else {
      const int spec_index = i - added_ellipsis;
      begin = spec.begin[spec_index], end = spec.end[spec_index];
      axis.stride = spec.strides[spec_index];
      begin_masked = bit(spec.begin_mask, spec_index);
      end_masked = bit(spec.end_mask, spec_index);
      axis.shrink = bit(spec.shrink_axis_mask, spec_index);
      size = input[i - added_axes];
    }
    if (axis.stride == 0) {
      error = "stride value has to be non-zero";
      return g;
    }
    g.effective_input.push_back(size);
    axis.start = start_for_axis(begin, begin_masked, axis.stride, size);
    axis.stop = stop_for_axis(end, end_masked, axis.shrink, axis.stride, size, axis.start);
    // TFLite's loop runs from start to start + 1 against a negative stride,
    // so it writes no output at all; TensorFlow refuses the spec.
    if (axis.shrink && axis.stride < 0) {
      error = fmt::format("shrunk dim {} has a negative stride {}", i, axis.stride);
      return g;
    }
    if (axis.shrink && (axis.start < 0 || axis.start >= size)) {
      error = fmt::format("begin {} of shrunk dim {} is outside its size {}", begin, i, size);
      return g;
    }
    g.axes.push_back(axis);
  }
  return g;
}

} // namespace qgold::ir
