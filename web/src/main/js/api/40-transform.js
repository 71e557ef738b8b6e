// Shape and layout ops.
const T = N.TransformBridge;

/** A number or an array of numbers as an array (null stays null). */
function intsArg(v) {
  if (v == null) {
    return null;
  }
  return typeof v === 'number' ? [v] : Array.from(v);
}

/** Nested rows (paddings, crops) as their values one after another and each row's length. */
function rowsArg(rows) {
  const values = [];
  const lengths = [];
  Array.from(rows).forEach((row) => {
    const r = Array.isArray(row) || isTypedArray(row) ? Array.from(row) : [];
    lengths.push(r.length);
    r.forEach((v) => values.push(v));
  });
  return {values, lengths};
}

tf.cast = (x, dtype) => scoped('cast', () => wrap(T.cast(convert(x, 'x', 'cast'), String(dtype))));

tf.reshape = (x, shape) => scoped('reshape', () =>
  wrap(T.reshape(convert(x, 'x', 'reshape', 'string_or_numeric'), Array.from(shape))));

tf.transpose = (x, perm) => scoped('transpose', () =>
  wrap(T.transpose(convert(x, 'x', 'transpose'), perm == null ? null : Array.from(perm))));

tf.expandDims = (x, axis = 0) => scoped('expandDims', () =>
  wrap(T.expandDims(convert(x, 'x', 'expandDims', 'string_or_numeric'), axis)));

tf.squeeze = (x, axis) => scoped('squeeze', () =>
  wrap(T.squeeze(convert(x, 'x', 'squeeze', 'string_or_numeric'), intsArg(axis))));

tf.concat = (tensors, axis = 0) => scoped('concat', () => {
  if (tensors == null) {
    throw new TypeError(`Cannot read properties of ${tensors} (reading 'length')`);
  }
  if (!(tensors.length >= 1)) {
    throw new Error('Pass at least one tensor to concat');
  }
  const hs = convertList(tensors, 'tensors', 'concat', 'string_or_numeric');
  return wrap(T.concat(toList(hs), axis));
});
tf.concat1d = (tensors) => scoped('concat1d', () => tf.concat(tensors, 0));
tf.concat2d = (tensors, axis) => scoped('concat2d', () => tf.concat(tensors, axis));
tf.concat3d = (tensors, axis) => scoped('concat3d', () => tf.concat(tensors, axis));
tf.concat4d = (tensors, axis) => scoped('concat4d', () => tf.concat(tensors, axis));

tf.stack = (tensors, axis = 0) => scoped('stack', () => {
  const hs = convertList(tensors, 'tensors', 'stack', 'string_or_numeric');
  return wrap(T.stack(toList(hs), axis));
});

tf.unstack = (x, axis = 0) => scoped('unstack', () =>
  wrapAll(T.unstack(convert(x, 'x', 'unstack', 'string_or_numeric'), axis)));

tf.split = (x, numOrSizeSplits, axis = 0) => scoped('split', () => {
  const h = convert(x, 'x', 'split');
  return wrapAll(typeof numOrSizeSplits === 'number' ?
    T.splitNum(h, numOrSizeSplits, axis) : T.splitSizes(h, Array.from(numOrSizeSplits), axis));
});

tf.slice = (x, begin, size) => scoped('slice', () =>
  wrap(T.slice(convert(x, 'x', 'slice', 'string_or_numeric'), intsArg(begin), intsArg(size))));
tf.slice1d = (x, begin, size) => scoped('slice1d', () =>
  wrap(T.slice1d(convert(x, 'x', 'slice1d'), begin, size)));
function sliceNd(rank) {
  return (x, begin, size) => scoped(`slice${rank}d`, () =>
    wrap(T.sliceNd(convert(x, 'x', `slice${rank}d`), intsArg(begin), intsArg(size), rank)));
}
tf.slice2d = sliceNd(2);
tf.slice3d = sliceNd(3);
tf.slice4d = sliceNd(4);

tf.stridedSlice = (x, begin, end, strides, beginMask = 0, endMask = 0, ellipsisMask = 0,
    newAxisMask = 0, shrinkAxisMask = 0) => scoped('stridedSlice', () =>
  wrap(T.stridedSlice(convert(x, 'x', 'stridedSlice', 'string_or_numeric'), Array.from(begin),
      Array.from(end), strides == null ? null : Array.from(strides), beginMask, endMask,
      ellipsisMask, newAxisMask, shrinkAxisMask)));

tf.gather = (x, indices, axis = 0, batchDims = 0) => scoped('gather', () => {
  const hx = convert(x, 'x', 'gather');
  const hi = convert(indices, 'indices', 'gather', 'int32');
  return wrap(T.gather(hx, hi, axis, batchDims == null ? 0 : batchDims));
});

tf.gatherND = (x, indices) => scoped('gatherND', () => {
  const hi = convert(indices, 'indices', 'gatherND', 'int32');
  const hx = convert(x, 'x', 'gatherND', 'string_or_numeric');
  return wrap(T.gatherND(hx, hi));
});

tf.pad = (x, paddings, constantValue = 0) => scoped('pad', () => {
  const h = convert(x, 'x', 'pad');
  const p = rowsArg(paddings);
  return wrap(T.pad(h, p.values, p.lengths, constantValue));
});
tf.pad1d = (x, paddings, constantValue = 0) => scoped('pad1d', () =>
  wrap(T.pad1d(convert(x, 'x', 'pad'), Array.from(paddings), constantValue)));
function padNd(rank) {
  return (x, paddings, constantValue = 0) => scoped(`pad${rank}d`, () => {
    const h = convert(x, 'x', 'pad');
    const p = rowsArg(paddings);
    return wrap(T.padNd(h, p.values, p.lengths, constantValue, rank));
  });
}
tf.pad2d = padNd(2);
tf.pad3d = padNd(3);
tf.pad4d = padNd(4);

tf.mirrorPad = (x, paddings, mode) => scoped('mirrorPad', () => {
  const h = convert(x, 'x', 'mirrorPad');
  const p = rowsArg(paddings);
  return wrap(T.mirrorPad(h, p.values, p.lengths, String(mode)));
});

tf.tile = (x, reps) => scoped('tile', () =>
  wrap(T.tile(convert(x, 'x', 'tile', 'string_or_numeric'), Array.from(reps))));

tf.reverse = (x, axis) => scoped('reverse', () =>
  wrap(T.reverse(convert(x, 'x', 'reverse'), intsArg(axis))));
function reverseNd(rank) {
  return (x, axis) => scoped(`reverse${rank}d`, () =>
    wrap(T.reverseNd(convert(x, 'x', 'reverse'), intsArg(axis), rank)));
}
tf.reverse1d = reverseNd(1);
tf.reverse2d = reverseNd(2);
tf.reverse3d = reverseNd(3);
tf.reverse4d = reverseNd(4);

tf.batchToSpaceND = (x, blockShape, crops) => scoped('batchToSpaceND', () => {
  const h = convert(x, 'x', 'batchToSpaceND');
  const c = rowsArg(crops);
  return wrap(T.batchToSpaceND(h, Array.from(blockShape), c.values, c.lengths));
});

tf.spaceToBatchND = (x, blockShape, paddings) => scoped('spaceToBatchND', () => {
  const h = convert(x, 'x', 'spaceToBatchND');
  const p = rowsArg(paddings);
  return wrap(T.spaceToBatchND(h, Array.from(blockShape), p.values, p.lengths));
});

tf.depthToSpace = (x, blockSize, dataFormat = 'NHWC') => scoped('depthToSpace', () =>
  wrap(T.depthToSpace(convert(x, 'x', 'depthToSpace', 'float32'), blockSize, String(dataFormat))));

tf.broadcastTo = (x, shape) => scoped('broadcastTo', () => {
  const h = convert(x, 'broadcastTo', 'x');
  checkShapeArg(Array.from(shape));
  return wrap(T.broadcastTo(h, Array.from(shape)));
});

chain('cast', 'reshape', 'transpose', 'expandDims', 'squeeze', 'unstack', 'split', 'slice',
    'stridedSlice', 'gather', 'pad', 'mirrorPad', 'tile', 'reverse', 'batchToSpaceND',
    'spaceToBatchND', 'depthToSpace', 'broadcastTo');
Tensor.prototype.concat = function(x, axis) {
  this.throwIfDisposed();
  if (x instanceof Tensor) {
    x = [x];
  }
  return tf.concat([this].concat(x), axis);
};
Tensor.prototype.stack = function(x, axis) {
  this.throwIfDisposed();
  return tf.stack(x instanceof Tensor ? [this, x] : [this].concat(x), axis);
};
Tensor.prototype.reshapeAs = function(x) {
  return tf.reshape(this, x.shape);
};
Tensor.prototype.flatten = function() {
  return tf.reshape(this, [this.size]);
};
Tensor.prototype.asScalar = function() {
  assert(this.size === 1, 'The array must have only 1 element.');
  return tf.reshape(this, []);
};
Tensor.prototype.as1D = function() {
  return tf.reshape(this, [this.size]);
};
Tensor.prototype.as2D = function(rows, columns) {
  return tf.reshape(this, [rows, columns]);
};
Tensor.prototype.as3D = function(rows, columns, depth) {
  return tf.reshape(this, [rows, columns, depth]);
};
Tensor.prototype.as4D = function(rows, columns, depth, depth2) {
  return tf.reshape(this, [rows, columns, depth, depth2]);
};
Tensor.prototype.as5D = function(rows, columns, depth, depth2, depth3) {
  return tf.reshape(this, [rows, columns, depth, depth2, depth3]);
};
Tensor.prototype.asType = function(dtype) {
  return tf.cast(this, dtype);
};
Tensor.prototype.toFloat = function() {
  return tf.cast(this, 'float32');
};
Tensor.prototype.toInt = function() {
  return tf.cast(this, 'int32');
};
Tensor.prototype.toBool = function() {
  return tf.cast(this, 'bool');
};
