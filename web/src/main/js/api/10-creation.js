// Creation: fill, zeros, ones, zerosLike, onesLike, range, linspace, eye, oneHot, random*.
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
