#include "harness/backend/adapter.h"

#include "data/dataset.h"
#include "interp/dataset_run.h"
#include "interp/quantized_io.h"
#include "harness/util/atomic_file.h"
#include "ir/error.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

std::string where(const std::string &origin, const YAML::Node &node) {
  return fmt::format("{}:{}:{}", origin, node.Mark().line + 1, node.Mark().column + 1);
}

// Names of the placeholders of `text`; malformed braces are an InputError.
std::vector<std::string> placeholders(const std::string &text, const std::string &location) {
  std::vector<std::string> names;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      ++i;
      continue;
    }
    if (text[i] == '}')
      throw InputError(fmt::format("{}: unmatched '}}' in '{}' (write '}}}}' for a brace)",
                                   location, text));
    if (text[i] != '{')
      continue;
    size_t end = text.find('}', i);
    if (end == std::string::npos)
      throw InputError(fmt::format("{}: unclosed '{{' in '{}'", location, text));
    names.push_back(text.substr(i + 1, end - i - 1));
    i = end;
  }
  return names;
}

std::string substitute(const std::string &text, const std::map<std::string, std::string> &values) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '{' || text[i] == '}') && i + 1 < text.size() && text[i + 1] == text[i]) {
      out += text[i++];
      continue;
    }
    if (text[i] != '{') {
      out += text[i];
      continue;
    }
    size_t end = text.find('}', i);
    out += values.at(text.substr(i + 1, end - i - 1));
    i = end;
  }
  return out;
}

std::string scalar(const YAML::Node &node, const std::string &origin, std::string_view what) {
  if (!node.IsScalar())
    throw InputError(fmt::format("{}: expected {}", where(origin, node), what));
  return node.Scalar();
}

std::string checked_template(const YAML::Node &node, const std::string &origin) {
  std::string text = scalar(node, origin, "a command argument (a string)");
  for (const std::string &name : placeholders(text, where(origin, node)))
    if (std::find_if(std::begin(kAdapterPlaceholders), std::end(kAdapterPlaceholders),
                     [&](const char *known) { return name == known; }) ==
        std::end(kAdapterPlaceholders))
      throw InputError(fmt::format("{}: unknown placeholder {{{}}} (expected one of: "
                                   "{{input_model}} {{output_model}} {{dtype}} {{granularity}} "
                                   "{{data}} {{config}} {{case}} {{step}} {{workdir}} {{qgold}} "
                                   "{{output}})",
                                   where(origin, node), name));
  return text;
}

AdapterCommand read_command(const YAML::Node &node, const std::string &origin) {
  if (!node.IsSequence() || node.size() == 0)
    throw InputError(fmt::format("{}: expected a command: a non-empty list of arguments",
                                 where(origin, node)));
  AdapterCommand command;
  for (const YAML::Node &arg : node) {
    AdapterArg entry;
    if (arg.IsSequence()) {
      entry.optional_group = true;
      for (const YAML::Node &part : arg)
        entry.parts.push_back(checked_template(part, origin));
      if (entry.parts.empty())
        throw InputError(fmt::format("{}: empty optional group", where(origin, arg)));
    } else {
      entry.parts.push_back(checked_template(arg, origin));
    }
    command.push_back(std::move(entry));
  }
  if (command.front().optional_group)
    throw InputError(fmt::format("{}: the program (first argument) cannot be optional",
                                 where(origin, node)));
  return command;
}

std::string quote_for_message(const std::vector<std::string> &argv) {
  std::string out;
  for (const std::string &arg : argv) {
    bool plain = !arg.empty() && arg.find_first_of(" \t\n'\"\\$`*?[]{}();&|<>") == std::string::npos;
    out += (out.empty() ? "" : " ") + (plain ? arg : "'" + arg + "'");
  }
  return out;
}

std::string tail_of(const fs::path &log, size_t max_lines) {
  std::string text = read_file_text(log).text;
  size_t pos = text.size();
  for (size_t lines = 0; pos > 0 && lines <= max_lines; ) {
    pos = text.rfind('\n', pos - 1);
    if (pos == std::string::npos) {
      pos = 0;
      break;
    }
    ++lines;
  }
  return text.substr(pos == 0 ? 0 : pos + 1);
}

} // namespace

Adapter parse_adapter(const std::string &text, const std::string &origin) {
  Adapter adapter;
  adapter.origin = origin;
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap())
      throw InputError(fmt::format("{}: expected a mapping with 'steps' (and 'format')",
                                   where(origin, root)));
    for (auto it = root.begin(); it != root.end(); ++it) {
      std::string key = scalar(it->first, origin, "a key");
      if (key == "format") {
        std::string format = scalar(it->second, origin, "circle or tflite");
        if (format != "circle" && format != "tflite")
          throw InputError(fmt::format("{}: unknown format '{}' (expected circle or tflite)",
                                       where(origin, it->second), format));
        adapter.format = format == "circle" ? format::FileFormat::Circle
                                            : format::FileFormat::TFLite;
      } else if (key == "steps") {
        if (!it->second.IsMap())
          throw InputError(fmt::format("{}: expected a mapping of step names to commands",
                                       where(origin, it->second)));
        for (auto step_it = it->second.begin(); step_it != it->second.end(); ++step_it) {
          std::string name = scalar(step_it->first, origin, "a step name");
          auto step = step_from_name(name);
          if (!step)
            throw InputError(fmt::format("{}: unknown step '{}' (expected fake_quantization, "
                                         "record_minmax, quantization or wo_quantization)",
                                         where(origin, step_it->first), name));
          if (adapter.steps.contains(*step))
            throw InputError(fmt::format("{}: duplicate step '{}'",
                                         where(origin, step_it->first), name));
          const YAML::Node commands = step_it->second;
          if (!commands.IsSequence() || commands.size() == 0)
            throw InputError(fmt::format("{}: expected a list of commands for step '{}'",
                                         where(origin, commands), name));
          for (const YAML::Node &command : commands)
            adapter.steps[*step].push_back(read_command(command, origin));
        }
      } else {
        throw InputError(fmt::format("{}: unknown key '{}' (expected format or steps)",
                                     where(origin, it->first), key));
      }
    }
  } catch (const YAML::Exception &error) {
    throw InputError(fmt::format("{}:{}:{}: {}", origin, error.mark.line + 1,
                                 error.mark.column + 1, error.msg));
  }
  if (adapter.steps.empty())
    throw InputError(fmt::format("{}: the adapter defines no steps", origin));
  return adapter;
}

Adapter load_adapter(const fs::path &path) {
  FileText file = read_file_text(path);
  if (!file.exists)
    throw InputError(fmt::format("{}: cannot open adapter file", path.string()));
  return parse_adapter(file.text, path.string());
}

std::vector<std::string> expand_command(const AdapterCommand &command,
                                        const std::map<std::string, std::string> &values,
                                        const std::string &location) {
  std::vector<std::string> argv;
  for (const AdapterArg &arg : command) {
    bool available = true;
    for (const std::string &part : arg.parts)
      for (const std::string &name : placeholders(part, location))
        if (!values.contains(name)) {
          if (!arg.optional_group)
            throw InputError(fmt::format("{}: placeholder {{{}}} has no value here (put it in "
                                         "an optional group, e.g. [--config, \"{{config}}\"])",
                                         location, name));
          available = false;
        }
    if (!available)
      continue;
    for (const std::string &part : arg.parts)
      argv.push_back(substitute(part, values));
  }
  return argv;
}

int run_command(const std::vector<std::string> &argv, const fs::path &log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char *> args;
  for (const std::string &arg : argv)
    args.push_back(const_cast<char *>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0)
    throw BackendConfigError(fmt::format("cannot execute `{}`: {}", quote_for_message(argv),
                                         std::strerror(error)));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      throw InputError(fmt::format("cannot wait for `{}`: {}", quote_for_message(argv),
                                   std::strerror(errno)));
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

AdapterBackend::AdapterBackend(const Adapter &adapter, std::string qgold)
    : adapter_(adapter), qgold_(std::move(qgold)) {}

AdapterBackend::~AdapterBackend() {
  std::error_code error;
  if (!workdir_.empty())
    fs::remove_all(workdir_, error);
}

const fs::path &AdapterBackend::workdir() {
  if (workdir_.empty()) {
    std::string pattern = (fs::temp_directory_path() / "qgold-adapter-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw InputError(fmt::format("cannot create a work folder: {}", std::strerror(errno)));
    workdir_ = pattern;
  }
  return workdir_;
}

std::string AdapterBackend::data_file(const ir::Model &input, const fs::path &inputs_dir) {
  if (data_.empty()) {
    fs::path path = workdir() / "data.h5";
    auto specs = data::input_specs(input);
    auto reader = data::open_dataset(inputs_dir, specs);
    data::H5DatasetWriter writer(path, specs);
    data::Record record;
    while (reader->next(record))
      writer.append(record);
    writer.close();
    data_ = path.string();
  }
  return data_;
}

std::string AdapterBackend::skip_reason(Step step) const {
  if (adapter_.steps.contains(step))
    return {};
  return fmt::format("{} has no command for this step", adapter_.origin);
}

std::map<std::string, std::string> AdapterBackend::placeholder_values(const CaseSettings &c,
                                                                     Step step) {
  std::map<std::string, std::string> values = {
      {"dtype", c.dtype},    {"granularity", c.granularity},  {"case", c.id},
      {"step", std::string(step_name(step))}, {"workdir", workdir().string()}, {"qgold", qgold_}};
  if (!c.qconf_json.empty()) {
    fs::path config = workdir() / "qconf.json";
    write_file_atomically(config, c.qconf_json);
    values["config"] = config.string();
  }
  return values;
}

void AdapterBackend::run_commands(Step step, const std::map<std::string, std::string> &values) {
  const std::string name(step_name(step));
  const fs::path log = workdir() / (name + ".log");
  const std::vector<AdapterCommand> &commands = adapter_.steps.at(step);
  for (size_t i = 0; i < commands.size(); ++i) {
    std::string location = fmt::format("{}: step {} command {}", adapter_.origin, name, i + 1);
    std::vector<std::string> argv = expand_command(commands[i], values, location);
    int status = 0;
    try {
      status = run_command(argv, log);
    } catch (const BackendConfigError &error) {
      throw BackendConfigError(fmt::format("{}: {} (fix the adapter)", location, error.what()));
    }
    if (status != 0)
      throw InputError(fmt::format("{} `{}` exited with status {}; its output ends with:\n{}",
                                   location, quote_for_message(argv), status, tail_of(log, 10)));
  }
}

ir::Model AdapterBackend::run_step(Step step, const ir::Model &input, const CaseSettings &c) {
  if (!adapter_.steps.contains(step))
    return engine_.run_step(step, input, c);
  const std::string name(step_name(step));
  std::string extension = adapter_.format == format::FileFormat::Circle ? ".circle" : ".tflite";
  fs::path in = workdir() / (name + ".in" + extension);
  fs::path out = workdir() / (name + ".out" + extension);
  format::write_model_file(input, in);
  std::map<std::string, std::string> values = placeholder_values(c, step);
  values["input_model"] = in.string();
  values["output_model"] = out.string();
  if (fs::is_directory(c.inputs_dir))
    values["data"] = data_file(input, c.inputs_dir);
  run_commands(step, values);
  if (!fs::exists(out))
    throw InputError(fmt::format("{}: step {}: the commands wrote no {{output_model}} ({})",
                                 adapter_.origin, name, out.string()));
  return format::read_model_file(out);
}

InferenceOutput AdapterBackend::run_inference(const ir::Model &quantized, const CaseSettings &c) {
  if (!adapter_.steps.contains(Step::Inference))
    return engine_.run_inference(quantized, c);
  std::string extension = adapter_.format == format::FileFormat::Circle ? ".circle" : ".tflite";
  fs::path in = workdir() / ("inference.in" + extension);
  fs::path codes = workdir() / "inference.data.h5";
  fs::path out = workdir() / "inference.out.h5";
  format::write_model_file(quantized, in);
  { // the test inputs as the codes the quantized model takes
    const interp::DatasetFeed feed = interp::dataset_feed(quantized, true, c.id);
    auto reader = data::open_dataset(c.inputs_dir, feed.specs);
    data::H5DatasetWriter writer(codes, data::input_specs(quantized));
    data::Record record;
    std::vector<float> values;
    while (reader->next(record)) {
      for (size_t i = 0; i < record.inputs.size(); ++i) {
        if (!feed.quantize[i])
          continue;
        values.resize(record.inputs[i].size() / sizeof(float));
        std::memcpy(values.data(), record.inputs[i].data(), record.inputs[i].size());
        record.inputs[i] = interp::quantize_values(
            quantized.tensors[static_cast<size_t>(quantized.inputs[i])], values,
            fmt::format("{}, input {}", record.where(), i));
      }
      writer.append(record);
    }
    writer.close();
  }
  std::map<std::string, std::string> values = placeholder_values(c, Step::Inference);
  values["input_model"] = in.string();
  values["data"] = codes.string();
  values["output"] = out.string();
  run_commands(Step::Inference, values);
  if (!fs::exists(out))
    throw InputError(fmt::format("{}: step inference: the commands wrote no {{output}} ({})",
                                 adapter_.origin, out.string()));
  // The file holds the tensors of `qgold run --all-tensors`, in its order.
  const std::vector<int32_t> tensors = interp::reported_tensors(quantized, true);
  std::vector<data::InputSpec> specs;
  std::map<int32_t, size_t> slot;
  for (int32_t index : tensors) {
    const ir::Tensor &tensor = quantized.tensors[static_cast<size_t>(index)];
    slot[index] = specs.size();
    specs.push_back({tensor.name, tensor.dtype, tensor.shape});
  }
  auto reader = data::open_dataset(out, specs);
  InferenceRecorder recorder(quantized);
  data::Record record;
  // Graph inputs that are no operator's output are not in the file: the codes fed.
  auto fed = data::open_dataset(codes, data::input_specs(quantized));
  data::Record fed_record;
  while (reader->next(record)) {
    if (!fed->next(fed_record))
      throw InputError(fmt::format("{}: step inference: {} holds more records than {{data}} ({})",
                                   adapter_.origin, out.string(), codes.string()));
    recorder.add_record([&](int32_t index) -> std::span<const uint8_t> {
      if (auto found = slot.find(index); found != slot.end())
        return record.inputs[found->second];
      for (size_t i = 0; i < quantized.inputs.size(); ++i)
        if (quantized.inputs[i] == index)
          return fed_record.inputs[i];
      return {};
    });
  }
  return recorder.take();
}

} // namespace qgold::harness
