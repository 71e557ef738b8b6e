// tf.diag, dropout, multinomial, rand, randomUniformInt, meshgrid, movingAverage, ensureShape,
// einsum, basicLSTMCell, multiRNNCell.
const MISC = N.MiscBridge;

/** A shape that may hold TF.js's null dimensions, as the bridge takes it (null → ANY). */
function shapeWithNulls(shape) {
  const any = MISC.anyDim();
  return Array.from(shape, (d) => (d == null ? any : d));
}

/** A seed as the random ops use it: its JavaScript text, or null for none. */
function seedText(seed) {
  return seed == null ? null : String(seed);
}

tf.diag = (x) => scoped('diag', () => wrap(MISC.diag(convert(x, 'x', 'diag'))));

tf.dropout = (x, rate, noiseShape, seed) => scoped('dropout', () => {
  const h = convert(x, 'x', 'dropout');
  return wrap(MISC.dropout(h, rate, noiseShape == null ? null : shapeWithNulls(noiseShape), seedText(seed)));
});

tf.multinomial = (logits, numSamples, seed, normalized = false) => scoped('multinomial', () => {
  const h = convert(logits, 'logits', 'multinomial');
  // TF.js: seed = seed || Math.random() (0 and '' mean unseeded); the kernel seeds with its text.
  return wrap(MISC.multinomial(h, numSamples, seed ? String(seed) : null, !!normalized));
});

tf.rand = (shape, randFunction, dtype) => scoped('rand', () => {
  shape.forEach((d) => assert(Number.isInteger(d) && d >= 0,
      () => `Tensor must have a shape comprised of positive integers but got shape [${shape}].`));
  const size = sizeFromShape(shape);
  let values;
  if (dtype == null || dtype === 'float32') {
    values = new Float32Array(size);
  } else if (dtype === 'int32') {
    values = new Int32Array(size);
  } else if (dtype === 'bool') {
    values = new Uint8Array(size);
  } else {
    throw new Error(`Unknown data type ${dtype}`);
  }
  for (let i = 0; i < size; i++) {
    values[i] = randFunction();
  }
  return wrap(makeHandle(values, Array.from(shape), dtype == null ? 'float32' : dtype));
});

tf.randomUniformInt = (shape, minval, maxval, seed) => scoped('randomUniformInt', () => {
  shape = checkShape(shape, 'randomUniform');
  return wrap(MISC.randomUniformInt(shape, minval, maxval, seedText(seed)));
});

tf.meshgrid = (x, y, options) => {
  const indexing = options == null || options.indexing === undefined ? 'xy' : options.indexing;
  if (indexing !== 'xy' && indexing !== 'ij') {
    throw new TypeError(`${indexing} is not a valid third argument to meshgrid`);
  }
  if (x === undefined) {
    return [];
  }
  return scoped('meshgrid', () => {
    const hx = convert(x, 'x', 'meshgrid', x instanceof Tensor ? x.dtype : 'float32');
    if (y === undefined) {
      return [x instanceof Tensor ? x : wrap(hx)];
    }
    const hy = convert(y, 'y', 'meshgrid', y instanceof Tensor ? y.dtype : 'float32');
    return wrapAll(MISC.meshgrid(hx, hy, indexing));
  });
};

tf.movingAverage = (v, x, decay, step, zeroDebias = true) => scoped('movingAverage', () => {
  const hv = convert(v, 'v', 'movingAverage');
  const hx = convert(x, 'x', 'movingAverage');
  const hd = convert(decay, 'decay', 'movingAverage');
  let hs = null;
  if (zeroDebias && step != null) {
    hs = convert(step, 'step', 'movingAverage');
  }
  return wrap(MISC.movingAverage(hv, hx, hd, hs, !!zeroDebias));
});

tf.ensureShape = (x, shape) => scoped('ensureShape', () => {
  const h = convert(x, 'x', 'ensureShape', 'string_or_numeric');
  MISC.ensureShape(h, shapeWithNulls(shape));
  return x;
});

tf.einsum = (equation, ...tensors) => scoped('einsum', () => {
  const hs = tensors.map((t, i) => convert(t, `tensors${i}`, 'einsum'));
  return wrap(MISC.einsum(equation, toList(hs)));
});

tf.basicLSTMCell = (forgetBias, lstmKernel, lstmBias, data, c, h) => scoped('basicLSTMCell', () => {
  const r = MISC.basicLSTMCell(convert(forgetBias, 'forgetBias', 'basicLSTMCell'),
      convert(lstmKernel, 'lstmKernel', 'basicLSTMCell'), convert(lstmBias, 'lstmBias', 'basicLSTMCell'),
      convert(data, 'data', 'basicLSTMCell'), convert(c, 'c', 'basicLSTMCell'), convert(h, 'h', 'basicLSTMCell'));
  return wrapAll(r);
});

tf.multiRNNCell = (lstmCells, data, c, h) => scoped('multiRNNCell', () => {
  let input = wrap(convert(data, 'data', 'multiRNNCell'));
  const cs = convertList(c, 'c', 'multiRNNCell').map(wrap);
  const hs = convertList(h, 'h', 'multiRNNCell').map(wrap);
  const newC = [];
  const newH = [];
  for (let i = 0; i < lstmCells.length; i++) {
    const output = lstmCells[i](input, cs[i], hs[i]);
    newC.push(output[0]);
    newH.push(output[1]);
    input = output[1];
  }
  return [newC, newH];
});

tf.broadcastArgs = (s0, s1) => scoped('broadcastArgs', () =>
  wrap(MISC.broadcastArgs(convert(s0, 's0', 'broadcastArgs', 'int32'), convert(s1, 's1', 'broadcastArgs', 'int32'))));

/** TF.js's dtype upcasting table (upcastType, sumOutType). */
const UPCAST = {
  float32: {float32: 'float32', int32: 'float32', bool: 'float32', complex64: 'complex64'},
  int32: {float32: 'float32', int32: 'int32', bool: 'int32', complex64: 'complex64'},
  bool: {float32: 'float32', int32: 'int32', bool: 'bool', complex64: 'complex64'},
  complex64: {float32: 'complex64', int32: 'complex64', bool: 'complex64', complex64: 'complex64'},
};

tf.upcastType = (typeA, typeB) => {
  if (typeA === 'string' || typeB === 'string') {
    if (typeA === 'string' && typeB === 'string') {
      return 'string';
    }
    throw new Error(`Can not upcast ${typeA} with ${typeB}`);
  }
  return UPCAST[typeA][typeB];
};

tf.sumOutType = (type) => tf.upcastType(type, 'int32');
