// Elementwise math and activations.
const U = N.UnaryBridge;

/** A unary op: tf[name](x) with x converted as TF.js does (parseAsDtype where TF.js requires). */
function unaryOp(name, parseAsDtype = 'numeric') {
  tf[name] = (x) => scoped(name, () => wrap(U[name](convert(x, 'x', name, parseAsDtype))));
  chain(name);
}

['abs', 'neg', 'exp', 'expm1', 'log1p', 'square', 'reciprocal', 'sign', 'round', 'asin', 'acos',
  'atan', 'sinh', 'asinh', 'acosh', 'atanh', 'logSigmoid', 'relu', 'relu6', 'selu', 'softplus',
  'erf', 'isNaN', 'isInf', 'isFinite'].forEach((name) => unaryOp(name));
['log', 'sqrt', 'rsqrt', 'floor', 'ceil', 'sin', 'cos', 'tan', 'cosh', 'tanh', 'sigmoid',
  'elu'].forEach((name) => unaryOp(name, 'float32'));

tf.leakyRelu = (x, alpha = 0.2) => scoped('leakyRelu', () =>
  wrap(U.leakyRelu(convert(x, 'x', 'leakyRelu'), alpha)));

tf.prelu = (x, alpha) => scoped('prelu', () =>
  wrap(U.prelu(convert(x, 'x', 'prelu'), convert(alpha, 'alpha', 'prelu'))));

tf.step = (x, alpha = 0.0) => scoped('step', () => wrap(U.step(convert(x, 'x', 'step'), alpha)));

tf.clipByValue = (x, clipValueMin, clipValueMax) => scoped('clipByValue', () => {
  const h = convert(x, 'x', 'clipByValue');
  // Numbers are checked in Java; anything else fails here with TF.js's message.
  if (typeof clipValueMin !== 'number' || typeof clipValueMax !== 'number') {
    assert(clipValueMin <= clipValueMax, () => `Error in clip: min (${clipValueMin}) must be ` +
        `less than or equal to max (${clipValueMax}).`);
  }
  return wrap(U.clipByValue(h, Number(clipValueMin), Number(clipValueMax)));
});

chain('leakyRelu', 'prelu', 'step', 'clipByValue');
