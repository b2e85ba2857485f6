// Just enough of the TFLite FlatBuffer (schema.fbs) to learn the first subgraph's tensors and
// graph outputs, and to list more tensors as graph outputs. Field ids are the schema's:
// Model.subgraphs = 2, .buffers = 4; SubGraph.tensors = 0, .inputs = 1, .outputs = 2,
// .operators = 3; Tensor.shape = 0, .type = 1, .buffer = 2, .name = 3; Operator.outputs = 2;
// Buffer.data = 0.

// TensorType codes -> the oracle's dtype names; types the oracle does not exchange keep
// their schema name.
const TENSOR_TYPES = {
  0: 'float32', 1: 'FLOAT16', 2: 'int32', 3: 'uint8', 4: 'int64', 5: 'STRING', 6: 'bool', 7: 'int16',
  8: 'COMPLEX64', 9: 'int8', 10: 'float64', 11: 'COMPLEX128', 12: 'UINT64', 13: 'RESOURCE',
  14: 'VARIANT', 15: 'UINT32', 16: 'UINT16', 17: 'INT4',
};

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  check(pos, size) {
    if (!Number.isInteger(pos) || pos < 0 || pos + size > this.bytes.length)
      throw new Error(`not a TFLite model: offset ${pos} is outside the ${this.bytes.length}-byte file`);
  }

  u16(pos) { this.check(pos, 2); return this.view.getUint16(pos, true); }
  u32(pos) { this.check(pos, 4); return this.view.getUint32(pos, true); }
  u32Field(pos) { return pos === 0 ? 0 : this.u32(pos); }
  i32(pos) { this.check(pos, 4); return this.view.getInt32(pos, true); }
  i8(pos) { this.check(pos, 1); return this.view.getInt8(pos); }

  // Absolute position of field `id` of the table at `table`, or 0 when it is absent.
  field(table, id) {
    const vtable = table - this.i32(table);
    const vtableSize = this.u16(vtable);
    const slot = 4 + 2 * id;
    if (slot + 2 > vtableSize) return 0;
    const offset = this.u16(vtable + slot);
    return offset === 0 ? 0 : table + offset;
  }

  indirect(pos) { return pos + this.u32(pos); }

  // The elements' positions of the vector referenced from `pos` (each `size` bytes).
  vector(pos, size) {
    if (pos === 0) return [];
    const start = this.indirect(pos);
    const length = this.u32(start);
    this.check(start + 4, length * size);
    return Array.from({ length }, (_, i) => start + 4 + i * size);
  }

  ints(pos) { return this.vector(pos, 4).map((p) => this.i32(p)); }
  tables(pos) { return this.vector(pos, 4).map((p) => this.indirect(p)); }

  string(pos) {
    if (pos === 0) return '';
    const start = this.indirect(pos);
    const length = this.u32(start);
    this.check(start + 4, length);
    return Buffer.from(this.bytes.subarray(start + 4, start + 4 + length)).toString('utf8');
  }
}

// { tensors: [{ name, dtype, shape, typeField, data }], inputs, outputs, operatorOutputs, outputsField } of
// subgraph 0, which is the graph the runtime's model runner executes.
export function readModel(bytes) {
  const reader = new Reader(bytes);
  const root = reader.indirect(0);
  const subgraphs = reader.tables(reader.field(root, 2));
  if (subgraphs.length === 0) throw new Error('not a TFLite model: no subgraphs');
  const graph = subgraphs[0];
  const buffers = reader.tables(reader.field(root, 4)).map((b) => {
    const data = reader.vector(reader.field(b, 0), 1);
    return data.length ? bytes.subarray(data[0], data[0] + data.length) : undefined;
  });
  const tensors = reader.tables(reader.field(graph, 0)).map((t) => {
    const typeField = reader.field(t, 1);
    const code = typeField ? reader.i8(typeField) : 0;
    return {
      name: reader.string(reader.field(t, 3)),
      dtype: TENSOR_TYPES[code] ?? `type ${code}`,
      shape: reader.ints(reader.field(t, 0)),
      typeField, // where the type byte is (0: absent, FLOAT32)
      data: buffers[reader.u32Field(reader.field(t, 2))], // constants' bytes, in the file
    };
  });
  const operatorOutputs = reader
    .tables(reader.field(graph, 3))
    .flatMap((op) => reader.ints(reader.field(op, 2)))
    .filter((t) => t >= 0);
  return {
    tensors,
    inputs: reader.ints(reader.field(graph, 1)),
    outputs: reader.ints(reader.field(graph, 2)),
    operatorOutputs: [...new Set(operatorOutputs)],
    outputsField: reader.field(graph, 2),
  };
}

// A copy of the model whose first subgraph lists `outputs` as its graph outputs: a new int
// vector is appended at the end (FlatBuffer offsets point forward, so the end is always
// reachable) and the subgraph's outputs field is pointed at it.
export function withOutputs(bytes, model, outputs) {
  if (model.outputsField === 0) throw new Error('the first subgraph has no outputs field to extend');
  const start = (bytes.length + 3) & ~3;
  const copy = new Uint8Array(start + 4 + 4 * outputs.length);
  copy.set(bytes);
  const view = new DataView(copy.buffer);
  view.setUint32(start, outputs.length, true);
  outputs.forEach((t, i) => view.setInt32(start + 4 + 4 * i, t, true));
  view.setUint32(model.outputsField, start - model.outputsField, true);
  return copy;
}
