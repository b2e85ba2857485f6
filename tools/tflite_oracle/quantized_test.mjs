// TFLite on quantized models through the oracle (called by quantized_test.sh): a bundled case's
// uint8 model from qgold's chain and a full-integer int8 model take integer codes in and give
// integer codes out, and those codes are the ones the real-number Add gives:
//   out = clamp(round(((a - za) * sa + (b - zb) * sb) / so) + zo, activation range).
// Usage: node quantized_test.mjs RUNTIME_DIR WORK_DIR NAME...  where WORK_DIR holds, per NAME,
// NAME.tflite (one Add: input 0 the graph input, input 1 a constant), NAME.inspect.json
// (`qgold inspect --json`) and NAME.float.json (float inputs as an oracle tensor file).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { readModel } from './tflite_model.mjs';

const [runtime, work, ...names] = process.argv.slice(2);
const oracle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'oracle.mjs');
const file = (name) => path.join(work, name);
const readJson = (name) => JSON.parse(fs.readFileSync(file(name), 'utf8'));
const RANGES = { uint8: [0, 255], int8: [-128, 127] };
const ARRAYS = { uint8: Uint8Array, int8: Int8Array };
const TYPES = { UINT8: 'uint8', INT8: 'int8' };

// Round half away from zero, as TFLite and ONE quantize.
const round = (x) => Math.sign(x) * Math.floor(Math.abs(x) + 0.5);

for (const name of names) {
  const model = readJson(`${name}.inspect.json`);
  const [add] = model.operators;
  assert.equal(add.op, 'Add', `${name}: expected a single Add`);
  const [a, b] = add.inputs.map((t) => model.tensors[t]);
  const out = model.tensors[add.outputs[0]];
  const dtype = TYPES[a.dtype];
  assert.ok(dtype, `${name}: input is ${a.dtype}`);
  const q = (t) => ({ scale: t.quantization.scale[0], zero: t.quantization.zero_point[0] });
  const [qa, qb, qo] = [q(a), q(b), q(out)];
  const [low, high] = RANGES[dtype];

  // The float inputs quantized with the input's parameters.
  const float = readJson(`${name}.float.json`);
  const records = float.records.map((record) => ({
    tensors: record.tensors.map((t) => {
      const values = new Float32Array(new Uint8Array(Buffer.from(t.hex, 'hex')).buffer);
      const codes = Array.from(values, (x) => Math.min(high, Math.max(low, round(x / qa.scale) + qa.zero)));
      return { name: t.name, dtype, shape: t.shape, values: codes };
    }),
  }));
  fs.writeFileSync(file(`${name}.codes.json`), JSON.stringify({ records }));
  const run = spawnSync(process.execPath, [oracle, '--runtime', runtime, file(`${name}.tflite`), file(`${name}.codes.json`), '-o', file(`${name}.out.json`)], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${name}: the oracle failed: ${run.stderr}`);
  const result = readJson(`${name}.out.json`);

  // The activation's range in codes.
  const activation = add.options.fused_activation_function;
  const bounds = { NONE: [-Infinity, Infinity], RELU: [0, Infinity], RELU6: [0, 6], RELU_N1_TO_1: [-1, 1] }[activation];
  assert.ok(bounds, `${name}: activation ${activation}`);
  const clampLow = Math.max(low, bounds[0] === -Infinity ? low : round(bounds[0] / qo.scale) + qo.zero);
  const clampHigh = Math.min(high, bounds[1] === Infinity ? high : round(bounds[1] / qo.scale) + qo.zero);
  const { data } = readModel(fs.readFileSync(file(`${name}.tflite`))).tensors[add.inputs[1]];
  assert.ok(data, `${name}: Add's second input is not a constant`);
  const constant = Array.from(new ARRAYS[dtype](new Uint8Array(data).buffer));

  let elements = 0;
  let atBounds = 0;
  result.records.forEach((record, r) => {
    const [tensor] = record.tensors;
    assert.deepEqual([tensor.name, tensor.dtype, tensor.shape], [out.name, dtype, out.shape], `${name}: record ${r}`);
    const codes = records[r].tensors[0].values;
    tensor.values.forEach((got, i) => {
      const cb = constant[i % constant.length];
      const real = (codes[i] - qa.zero) * qa.scale + (cb - qb.zero) * qb.scale;
      const want = Math.min(clampHigh, Math.max(clampLow, round(real / qo.scale) + qo.zero));
      assert.equal(got, want, `${name}: record ${r}, element ${i}: TFLite ${got}, the real-number Add ${want} (${real / qo.scale + qo.zero})`);
      elements += 1;
      if (want === clampLow || want === clampHigh) atBounds += 1;
    });
  });
  const kernels = result.kernels.map((k) => k.type).join(', ');
  console.log(`${name}: ${dtype} in, ${dtype} out, ${elements} codes equal to the real-number Add (${atBounds} at the activation bounds); computed by ${kernels}`);
}
