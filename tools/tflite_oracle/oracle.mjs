#!/usr/bin/env node
// Runs a .tflite model with TFLite's own C++ runtime (the WebAssembly build published as
// @tensorflow/tfjs-tflite) on the records of a tensor file and writes every output tensor.
// The file format and the options are documented in README.md.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { readModel, withOutputs } from './tflite_model.mjs';
import { DTYPES, FORMAT, decodeTensor, encodeTensor } from './tensor_file.mjs';

const EXIT_BAD_INPUT = 2;
const EXIT_INTERNAL = 3;
const MODULES = { plain: 'tflite_web_api_cc', simd: 'tflite_web_api_cc_simd' };
const here = path.dirname(fileURLToPath(import.meta.url));

// A problem with what the user gave us: exit 2.
class InputError extends Error {}
// The runtime trapped or aborted: its state is lost, a batch reloads it.
class RuntimeCrash extends InputError {}

const USAGE = `usage: oracle.mjs MODEL.tflite INPUTS.json -o OUTPUTS.json [options]
       oracle.mjs --batch JOBS.tsv [options]
options: --all-tensors  --variant plain|simd  --runtime DIR`;

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        batch: { type: 'string' },
        'all-tensors': { type: 'boolean', default: false },
        variant: { type: 'string', default: 'plain' },
        runtime: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new InputError(`${e.message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  if (!(values.variant in MODULES))
    throw new InputError(`--variant must be plain or simd, not '${values.variant}'`);
  let jobs;
  if (values.batch !== undefined) {
    if (positionals.length || values.output !== undefined)
      throw new InputError(`--batch takes no model, inputs or -o\n${USAGE}`);
    jobs = readJobs(values.batch);
  } else {
    if (positionals.length !== 2 || values.output === undefined)
      throw new InputError(`expected a model, an input file and -o OUTPUT\n${USAGE}`);
    jobs = [{ model: positionals[0], inputs: positionals[1], output: values.output }];
  }
  return {
    jobs,
    batch: values.batch !== undefined,
    allTensors: values['all-tensors'],
    variant: values.variant,
    runtime: values.runtime,
  };
}

// One job a line: MODEL<TAB>INPUTS<TAB>OUTPUT; relative paths are relative to the jobs file.
function readJobs(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read the jobs file: ${e.message}`);
  }
  const base = path.dirname(file);
  return text
    .split('\n')
    .map((line, i) => [line.replace(/\r$/, ''), i + 1])
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      const fields = line.split('\t');
      if (fields.length !== 3 || fields.some((f) => f === ''))
        throw new InputError(`${file}:${number}: expected MODEL<TAB>INPUTS<TAB>OUTPUT`);
      const [model, inputs, output] = fields.map((f) => path.resolve(base, f));
      return { model, inputs, output };
    });
}

// The installed package: --runtime DIR (the install folder of scripts/tflite_oracle.sh or the
// package folder itself), else $QGOLD_TFLITE_ORACLE_DIR, else build/tflite_oracle.
function findPackage(runtime) {
  const candidates = runtime
    ? [runtime]
    : [process.env.QGOLD_TFLITE_ORACLE_DIR, path.join(here, '..', '..', 'build', 'tflite_oracle')];
  for (const dir of candidates.filter(Boolean)) {
    for (const pkg of [dir, path.join(dir, 'node_modules', '@tensorflow', 'tfjs-tflite')]) {
      if (fs.existsSync(path.join(pkg, 'wasm', 'tflite_web_api_cc.wasm'))) return path.resolve(pkg);
    }
  }
  throw new InputError(
    `the TFLite runtime is not installed in ${candidates.filter(Boolean).join(' or ')}; ` +
      'run scripts/tflite_oracle.sh [DEST] and pass --runtime DEST');
}

// Loads the Emscripten module under Node: its glue is written for browsers, so the .wasm bytes
// are handed over directly. Every line the runtime prints goes to `log`.
async function loadRuntime(pkg, variant, log) {
  const name = MODULES[variant];
  const require = createRequire(import.meta.url);
  const factory = require(path.join(pkg, 'wasm', `${name}.js`));
  const module = await factory({
    wasmBinary: fs.readFileSync(path.join(pkg, 'wasm', `${name}.wasm`)),
    print: (line) => log.push(line),
    printErr: (line) => log.push(line),
  });
  const version = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
  return { module, info: { package: '@tensorflow/tfjs-tflite', version, module: name } };
}

// The embind vector returned by GetInputs/GetOutputs as a JS array (the vector is freed).
function toArray(vector) {
  const items = [];
  for (let i = 0; i < vector.size(); ++i) items.push(vector.get(i));
  vector.delete();
  return items;
}

// What the runtime printed since the last call, without its greeting.
function takeLog(log) {
  return log.splice(0).filter((line) => !/Created TensorFlow Lite XNNPACK delegate for CPU/.test(line));
}

function runtimeMessage(log) {
  const lines = takeLog(log);
  return lines.length ? `; the runtime says:\n  ${lines.join('\n  ')}` : '';
}

// A runner over a copy of `bytes` in the module's heap; a model TFLite refuses is an
// InputError carrying the runtime's message. close() frees both.
function createRunner(module, bytes, modelPath, log) {
  const pointer = module._malloc(bytes.length);
  module.HEAPU8.set(bytes, pointer);
  let status;
  try {
    status = module.TFLiteWebModelRunner.CreateFromBufferAndOptions(pointer, bytes.length, {
      numThreads: 1,
      // The profile names what computed each node: a builtin kernel or the XNNPACK delegate.
      enableProfiling: true,
      maxProfilingBufferEntries: 1024,
    });
  } catch (e) {
    throw new RuntimeCrash(`${modelPath}: the TFLite runtime crashed loading the model: ${e.message}${runtimeMessage(log)}`);
  }
  if (!status.ok()) {
    const message = status.errorMessage();
    status.delete();
    module._free(pointer);
    throw new InputError(`${modelPath}: the TFLite runtime refused the model: ${message}${runtimeMessage(log)}`);
  }
  const runner = status.value();
  status.delete();
  // The interpreter reads the model buffer in place: it stays allocated while the runner lives.
  runner.close = () => {
    runner.delete();
    module._free(pointer);
  };
  return runner;
}

// TFLiteWebModelRunnerTensorInfo as laid out in the module's memory (wasm32, libc++):
// int id @0, std::string name @4, std::string shape @16, void* data_buffer @28,
// size_t data_length @32, std::string data_type @36.
const INFO_ID = 0;
const INFO_DATA_BUFFER = 28;
const INFO_DATA_LENGTH = 32;

// The bytes of a runtime tensor. data() is a typed view for most dtypes but the number 0 for
// int64 ("unknown" to the wrapper); the tensor's address is then read from the info struct
// itself. Every typed view checks that layout, so a package whose struct differs is caught.
function tensorBytes(module, info, dtype, count) {
  const heap = new DataView(module.HEAPU8.buffer);
  const struct = info.$$.ptr;
  const address = heap.getUint32(struct + INFO_DATA_BUFFER, true);
  const length = heap.getUint32(struct + INFO_DATA_LENGTH, true);
  if (heap.getInt32(struct + INFO_ID, true) !== info.id)
    throw new Error(`tensor '${info.name}': the runtime's tensor info is not laid out as expected`);
  const view = info.data();
  const size = count * DTYPES[dtype].size;
  if (ArrayBuffer.isView(view)) {
    if (view.byteOffset !== address || view.length !== length)
      throw new Error(`tensor '${info.name}': the runtime's tensor info is not laid out as expected`);
    if (view.byteLength !== size)
      throw new Error(`tensor '${info.name}': the runtime exposes ${view.byteLength} bytes, ${dtype} [${info.shape}] needs ${size}`);
  } else if (info.dataType !== 'unknown' || length !== 0 || (size > 0 && address === 0)) {
    throw new Error(`tensor '${info.name}': the runtime exposes no data (${info.dataType})`);
  }
  if (address + size > module.HEAPU8.length)
    throw new Error(`tensor '${info.name}': its data lies outside the runtime's memory`);
  return new Uint8Array(module.HEAPU8.buffer, address, size);
}

function parseShape(text) {
  return text === '' ? [] : text.split(',').map(Number);
}

function sameShape(a, b) {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function describe(tensor) {
  return `'${tensor.name}' (${tensor.dtype} [${tensor.shape.join(', ')}])`;
}

// Runs one model on the records of one input file and writes the output file.
function runJob(runtime, job, allTensors, log) {
  const { module } = runtime;
  let bytes;
  try {
    bytes = fs.readFileSync(job.model);
  } catch (e) {
    throw new InputError(`${job.model}: cannot read the model: ${e.message}`);
  }
  let request;
  try {
    request = JSON.parse(fs.readFileSync(job.inputs, 'utf8'));
  } catch (e) {
    throw new InputError(`${job.inputs}: not a readable JSON file: ${e.message}`);
  }
  const records = decodeRecords(request, job.inputs);

  // The runtime judges the model as it is; only then is it read here and, for
  // --all-tensors, rewritten so that every operator output is a graph output.
  let runner = createRunner(module, bytes, job.model, log);
  try {
    let model;
    try {
      model = readModel(bytes);
    } catch (e) {
      throw new InputError(`${job.model}: ${e.message}`);
    }
    const graphOutputs = model.outputs.length;
    if (allTensors) {
      const intermediates = model.operatorOutputs.filter((t) => !model.outputs.includes(t));
      runner.close();
      runner = null; // closed: not again in `finally` if the next runner is refused
      runner = createRunner(module, withOutputs(bytes, model, [...model.outputs, ...intermediates]), job.model, log);
    }
    const dtypeOf = (info) => {
      const tensor = model.tensors[info.id];
      if (!tensor) throw new Error(`runtime tensor id ${info.id} is not in the model's first subgraph`);
      if (!(tensor.dtype in DTYPES))
        throw new InputError(`${job.model}: tensor '${info.name}' is ${tensor.dtype}, which the oracle cannot exchange`);
      return tensor.dtype;
    };

    let kernels = [];
    const results = records.map((record, r) => {
      const inputs = toArray(runner.GetInputs());
      if (record.tensors.length !== inputs.length)
        throw new InputError(`${job.inputs}: record ${r} has ${record.tensors.length} tensors; the model has ${inputs.length} inputs`);
      inputs.forEach((info, i) => {
        const want = { name: info.name, dtype: dtypeOf(info), shape: parseShape(info.shape) };
        const given = record.tensors[i];
        const where = `${job.inputs}: record ${r}, tensor ${i}`;
        if (given.name !== undefined && given.name !== want.name)
          throw new InputError(`${where}: named '${given.name}', but model input ${i} is '${want.name}'`);
        if (given.dtype !== want.dtype || !sameShape(given.shape, want.shape))
          throw new InputError(`${where}: ${describe({ ...given, name: given.name ?? want.name })} does not match model input ${describe(want)}`);
        const count = want.shape.reduce((a, b) => a * b, 1);
        tensorBytes(module, info, want.dtype, count).set(given.bytes);
      });
      let ok;
      try {
        ok = runner.Infer();
      } catch (e) {
        throw new RuntimeCrash(`${job.model}: the TFLite runtime crashed on record ${r}: ${e.message}${runtimeMessage(log)}`);
      }
      if (!ok) throw new InputError(`${job.model}: the TFLite runtime failed on record ${r}${runtimeMessage(log)}`);
      if (r === 0) kernels = toArray(runner.GetProfilingResults()).map((item) => ({ type: item.nodeType, node: item.nodeName }));
      const tensors = toArray(runner.GetOutputs()).map((info, o) => {
        const dtype = dtypeOf(info);
        const shape = parseShape(info.shape);
        const count = shape.reduce((a, b) => a * b, 1);
        const data = tensorBytes(module, info, dtype, count).slice();
        return encodeTensor({ name: info.name, kind: o < graphOutputs ? 'output' : 'intermediate', dtype, shape }, data);
      });
      return record.id === undefined ? { tensors } : { id: record.id, tensors };
    });
    writeAtomically(job.output, JSON.stringify({ format: FORMAT, model: job.model, runtime: runtime.info, kernels, records: results }) + '\n');
  } finally {
    if (runner) runner.close();
  }
  const lines = takeLog(log);
  if (lines.length) process.stderr.write(lines.join('\n') + '\n');
}

// Written next to the target and renamed: a failed run never leaves a half-written file.
function writeAtomically(file, text) {
  const temporary = `${file}.${process.pid}.partial`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    throw new InputError(`${file}: cannot write the outputs: ${e.message}`);
  }
}

// A batch writes OUTPUT.error instead of OUTPUT for a job that fails, and goes on.
async function main() {
  const args = parseCommandLine();
  const pkg = findPackage(args.runtime);
  const log = [];
  let runtime = await loadRuntime(pkg, args.variant, log);
  let status = 0;
  for (const job of args.jobs) {
    if (args.batch) fs.rmSync(`${job.output}.error`, { force: true });
    try {
      runJob(runtime, job, args.allTensors, log);
    } catch (e) {
      if (!args.batch || !(e instanceof InputError)) throw e;
      fs.rmSync(job.output, { force: true });
      fs.writeFileSync(`${job.output}.error`, e.message + '\n');
      process.stderr.write(`tflite_oracle: error: ${e.message}\n`);
      status = EXIT_BAD_INPUT;
      if (e instanceof RuntimeCrash) runtime = await loadRuntime(pkg, args.variant, log);
    }
  }
  process.exitCode = status;
}

function decodeRecords(request, file) {
  const fail = (where, what) => {
    throw new InputError(`${file}: ${where}: ${what}`);
  };
  if (typeof request !== 'object' || request === null || Array.isArray(request))
    fail('top level', 'expected an object with "records"');
  for (const key of Object.keys(request))
    if (!['format', 'records', 'model', 'runtime', 'kernels'].includes(key)) fail('top level', `unknown key "${key}"`);
  if (request.format !== undefined && request.format !== FORMAT)
    fail('"format"', `expected "${FORMAT}", found ${JSON.stringify(request.format)}`);
  if (!Array.isArray(request.records)) fail('"records"', 'expected an array of records');
  return request.records.map((record, r) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record))
      fail(`record ${r}`, 'expected an object with "tensors"');
    for (const key of Object.keys(record))
      if (!['id', 'tensors'].includes(key)) fail(`record ${r}`, `unknown key "${key}"`);
    if (record.id !== undefined && typeof record.id !== 'string') fail(`record ${r}`, '"id" must be a string');
    if (!Array.isArray(record.tensors)) fail(`record ${r}`, '"tensors" must be an array');
    const tensors = record.tensors.map((tensor, t) => {
      try {
        return decodeTensor(tensor);
      } catch (e) {
        return fail(`record ${r}, tensor ${t}`, e.message);
      }
    });
    return { id: record.id, tensors };
  });
}

main().catch((e) => {
  if (e instanceof InputError) {
    process.stderr.write(`tflite_oracle: error: ${e.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  }
  process.stderr.write(`tflite_oracle: internal error: ${e.stack || e}\n`);
  process.exit(EXIT_INTERNAL);
});
