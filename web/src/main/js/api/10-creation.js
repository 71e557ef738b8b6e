// Creation: fill, zeros, ones, zerosLike, onesLike, range, linspace, eye, oneHot.
const C = N.CreationBridge;

function checkShape(shape, fn) {
  assert(Array.isArray(shape) || isTypedArray(shape), () => `Error in ${fn}: shape must be an array`);
  checkShapeArg(shape);
  return Array.from(shape);
}

tf.fill = function(shape, value, dtype) {
  shape = checkShape(shape, 'fill');
  dtype = dtype || inferDtype(value);
  checkNotString(dtype);
  return wrap(C.fill(shape, Number(value), dtype));
};

tf.zeros = function(shape, dtype = 'float32') {
  shape = checkShape(shape, 'zeros');
  checkNotString(dtype);
  return wrap(C.fill(shape, 0, dtype));
};

tf.ones = function(shape, dtype = 'float32') {
  shape = checkShape(shape, 'ones');
  checkNotString(dtype);
  return wrap(C.fill(shape, 1, dtype));
};

tf.zerosLike = (x) => scoped('zerosLike', () => wrap(C.zerosLike(convert(x, 'x', 'zerosLike'))));
tf.onesLike = (x) => scoped('onesLike', () => wrap(C.onesLike(convert(x, 'x', 'onesLike'))));
chain('zerosLike', 'onesLike');

tf.range = function(start, stop, step = 1, dtype = 'float32') {
  checkNotString(dtype);
  return wrap(C.range(start, stop, step, dtype));
};

tf.linspace = (start, stop, num) => wrap(C.linspace(start, stop, num));

tf.eye = (numRows, numColumns, batchShape, dtype = 'float32') => scoped('eye', () => {
  if (numColumns == null) {
    numColumns = numRows;
  }
  checkShapeArg([numRows, numColumns]);
  checkNotString(dtype);
  return wrap(C.eye(numRows, numColumns, batchShape == null ? null : Array.from(batchShape), dtype));
});

tf.oneHot = (indices, depth, onValue = 1, offValue = 0, dtype = 'int32') => scoped('oneHot', () => {
  checkNotString(dtype);
  return wrap(C.oneHot(convert(indices, 'indices', 'oneHot', 'int32'), depth, onValue, offValue, dtype));
});
chain('oneHot');
