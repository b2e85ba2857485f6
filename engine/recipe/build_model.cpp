// Recipe -> ir::Model: filler data, name resolution, then ir::validate_model
// with its errors mapped back to recipe locations.
#include "recipe/filler.h"
#include "recipe/recipe.h"

#include "ir/error.h"
#include "ir/validate.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

namespace qgold::recipe {
namespace {

// Recipes whose constants would need more memory than this are refused before
// anything is allocated: such a shape is almost certainly a typo.
constexpr int64_t kDefaultMaxConstantBytes = int64_t{2} << 30;
constexpr const char *kMaxConstantBytesVariable = "QGOLD_MAX_CONSTANT_BYTES";

[[noreturn]] void fail(const SourceLocation &where, const std::string &message) {
  throw InputError(fmt::format("{}: {}", where.to_string(), message));
}

// The limit on a recipe's total filler bytes (and on any one operand's size):
// $QGOLD_MAX_CONSTANT_BYTES when set, else 2 GiB.
int64_t max_constant_bytes() {
  const char *text = std::getenv(kMaxConstantBytesVariable);
  if (text == nullptr || *text == '\0')
    return kDefaultMaxConstantBytes;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text, text + std::strlen(text), value);
  if (error != std::errc() || *end != '\0' || value <= 0)
    throw InputError(fmt::format("{}='{}': expected a positive number of bytes",
                                 kMaxConstantBytesVariable, text));
  return value;
}

int64_t checked_element_count(const Operand &operand, int64_t max_bytes) {
  int64_t count = 1;
  int64_t limit = max_bytes / static_cast<int64_t>(ir::dtype_size(operand.dtype));
  for (int32_t dim : operand.shape) {
    if (dim < 0)
      fail(operand.location, fmt::format("operand '{}' has a negative dim in shape {}",
                                         operand.name, ir::shape_to_string(operand.shape)));
    if (dim != 0 && count > limit / dim)
      fail(operand.location,
           fmt::format("operand '{}' shape {} is too large to fill (limit {} bytes, set {} to raise it)",
                       operand.name, ir::shape_to_string(operand.shape), max_bytes,
                       kMaxConstantBytesVariable));
    count *= dim;
  }
  return count;
}

class ModelBuilder {
public:
  explicit ModelBuilder(const Recipe &recipe) : recipe_(recipe) {}

  ir::Model build() {
    model_.name = recipe_.name;
    check_constant_budget();
    for (const Operand &operand : recipe_.operands)
      add_tensor(operand);
    for (const Operation &operation : recipe_.operations)
      add_operator(operation);
    model_.inputs = graph_tensors(recipe_.inputs, "graph input");
    model_.outputs = graph_tensors(recipe_.outputs, "graph output");
    try {
      ir::validate_model(model_);
    } catch (const ir::ModelError &e) {
      throw InputError(fmt::format("{}: {}", error_location(e).to_string(), e.what()));
    }
    // An empty or truncated file parses as an empty recipe; a model without
    // outputs computes nothing, so say so instead of writing it.
    if (model_.outputs.empty())
      fail(recipe_.location, "the recipe declares no graph outputs (expected 'outputs: [...]' in "
                             "YAML, 'output: \"name\"' in tflchef text)");
    return std::move(model_);
  }

private:
  // Sums the filler bytes of every operand before generating any of them.
  void check_constant_budget() {
    max_bytes_ = max_constant_bytes();
    int64_t total = 0;
    for (const Operand &operand : recipe_.operands) {
      int64_t count = checked_element_count(operand, max_bytes_);
      if (!operand.filler)
        continue;
      total += count * static_cast<int64_t>(ir::dtype_size(operand.dtype));
      if (total > max_bytes_)
        fail(operand.location,
             fmt::format("the recipe's constants exceed the limit of {} bytes at operand '{}' "
                         "(set {} to raise it)",
                         max_bytes_, operand.name, kMaxConstantBytesVariable));
    }
  }

  void add_tensor(const Operand &operand) {
    auto [it, inserted] = index_.emplace(operand.name, static_cast<int32_t>(model_.tensors.size()));
    if (!inserted)
      fail(operand.location,
           fmt::format("duplicate operand name '{}' (first defined at {})", operand.name,
                       recipe_.operands[it->second].location.to_string()));
    ir::Tensor tensor;
    tensor.name = operand.name;
    tensor.dtype = operand.dtype;
    tensor.shape = operand.shape;
    tensor.quant = operand.quant;
    int64_t count = checked_element_count(operand, max_bytes_);
    if (operand.filler)
      tensor.data = generate_filler(operand, count, recipe_.seed);
    model_.add_tensor(std::move(tensor));
  }

  int32_t resolve(const std::string &name, const SourceLocation &where, std::string_view role) {
    auto it = index_.find(name);
    if (it == index_.end())
      fail(where, fmt::format("{} '{}' is not a declared operand", role, name));
    return it->second;
  }

  void add_operator(const Operation &operation) {
    ir::Operator op;
    op.code = operation.code;
    op.options = operation.options;
    std::string role = fmt::format("{} (op {}) input", ir::op_name(operation.code),
                                   model_.operators.size());
    for (const std::string &name : operation.inputs)
      op.inputs.push_back(name.empty() ? -1 : resolve(name, operation.location, role));
    role = fmt::format("{} (op {}) output", ir::op_name(operation.code), model_.operators.size());
    for (const std::string &name : operation.outputs) {
      if (name.empty())
        fail(operation.location, fmt::format("{} names no operand (\"\")", role));
      op.outputs.push_back(resolve(name, operation.location, role));
    }
    model_.operators.push_back(std::move(op));
  }

  std::vector<int32_t> graph_tensors(const std::vector<std::string> &names, std::string_view role) {
    std::vector<int32_t> result;
    for (const std::string &name : names)
      result.push_back(resolve(name, recipe_.location, role));
    return result;
  }

  // The operation's location for operator errors, else the operand's.
  SourceLocation error_location(const ir::ModelError &e) const {
    if (e.op_index >= 0 && static_cast<size_t>(e.op_index) < recipe_.operations.size())
      return recipe_.operations[e.op_index].location;
    if (e.tensor_index >= 0 && static_cast<size_t>(e.tensor_index) < recipe_.operands.size())
      return recipe_.operands[e.tensor_index].location;
    return recipe_.location;
  }

  const Recipe &recipe_;
  ir::Model model_;
  int64_t max_bytes_ = kDefaultMaxConstantBytes;
  std::unordered_map<std::string, int32_t> index_;
};

} // namespace

ir::Model build_model(const Recipe &recipe) { return ModelBuilder(recipe).build(); }

} // namespace qgold::recipe
