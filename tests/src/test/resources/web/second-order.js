// Gradients of gradients of elementwise functions through samovar.js's JS API (tf.grad(tf.grad(f))),
// with TF.js 4.22 run on the same functions in the same page. TF.js cannot take some of them
// (sigmoid, tanh, exp and elu save their output, whose saved copy TF.js records before the op, so
// the path is lost; leakyRelu, relu6, selu, clipByValue, maximum go through Greater / LessEqual,
// which have no gradient): for those the hand-derived second derivative is the reference.

const X = [-1.7, -0.6, -0.2, 0.3, 0.9, 2.1];
const POS = [0.25, 0.6, 1, 1.5, 2.2, 3.7];
const sig = (x) => 1 / (1 + Math.exp(-x));

// [name, points, f (given the library), hand-derived f'']
const SECOND_ORDER_CASES = [
  ['sin', X, (L) => (x) => L.sin(x), (x) => -Math.sin(x)],
  ['cos', X, (L) => (x) => L.cos(x), (x) => -Math.cos(x)],
  ['tan', X, (L) => (x) => L.tan(x), (x) => 2 * Math.tan(x) / (Math.cos(x) ** 2)],
  ['atan', X, (L) => (x) => L.atan(x), (x) => -2 * x / ((1 + x * x) ** 2)],
  ['asinh', X, (L) => (x) => L.asinh(x), (x) => -x / ((1 + x * x) ** 1.5)],
  ['sinh', X, (L) => (x) => L.sinh(x), (x) => Math.sinh(x)],
  ['cosh', X, (L) => (x) => L.cosh(x), (x) => Math.cosh(x)],
  ['square', X, (L) => (x) => L.square(x), () => 2],
  ['sqrt', POS, (L) => (x) => L.sqrt(x), (x) => -0.25 / (x ** 1.5)],
  ['rsqrt', POS, (L) => (x) => L.rsqrt(x), (x) => 0.75 / (x ** 2.5)],
  ['log', POS, (L) => (x) => L.log(x), (x) => -1 / (x * x)],
  ['log1p', POS, (L) => (x) => L.log1p(x), (x) => -1 / ((1 + x) ** 2)],
  ['expm1', X, (L) => (x) => L.expm1(x), (x) => Math.exp(x)],
  ['reciprocal', POS, (L) => (x) => L.reciprocal(x), (x) => 2 / (x ** 3)],
  ['erf', X, (L) => (x) => L.erf(x), (x) => -4 * x / Math.sqrt(Math.PI) * Math.exp(-x * x)],
  ['softplus', X, (L) => (x) => L.softplus(x), (x) => sig(x) * (1 - sig(x))],
  ['logSigmoid', X, (L) => (x) => L.logSigmoid(x), (x) => -sig(x) * (1 - sig(x))],
  ['pow(x, 3)', X, (L) => (x) => L.pow(x, 3), (x) => 6 * x],
  ['x * x * x', X, (L) => (x) => x.mul(x).mul(x), (x) => 6 * x],
  ['x * sin(x)', X, (L) => (x) => L.mul(x, L.sin(x)), (x) => 2 * Math.cos(x) - x * Math.sin(x)],
  ['sin(x) / x', POS, (L) => (x) => L.div(L.sin(x), x),
    (x) => -Math.sin(x) / x - 2 * Math.cos(x) / (x * x) + 2 * Math.sin(x) / (x ** 3)],
  ['abs(sin(x))', X, (L) => (x) => L.abs(L.sin(x)), (x) => -Math.abs(Math.sin(x))],
  ['relu(x * x)', X, (L) => (x) => L.relu(x.square()), () => 2],
  ['sin(cast(x))', X, (L) => (x) => L.sin(L.cast(x, 'float32')), (x) => -Math.sin(x)],
  ['sin(addN([x, x]))', X, (L) => (x) => L.sin(L.addN([x, x])), (x) => -4 * Math.sin(2 * x)],
  ['x^x', POS, (L) => (x) => L.pow(x, x), (x) => (x ** x) * ((Math.log(x) + 1) ** 2 + 1 / x)],
  // Beyond TF.js:
  ['sigmoid', X, (L) => (x) => L.sigmoid(x), (x) => sig(x) * (1 - sig(x)) * (1 - 2 * sig(x))],
  ['tanh', X, (L) => (x) => L.tanh(x), (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2)],
  ['exp', X, (L) => (x) => L.exp(x), (x) => Math.exp(x)],
  ['elu', X, (L) => (x) => L.elu(x), (x) => (x < 0 ? Math.exp(x) : 0)],
  ['selu', X, (L) => (x) => L.selu(x), (x) => (x < 0 ? 1.7580993408473768 * Math.exp(x) : 0)],
  ['leakyRelu(x * x)', X, (L) => (x) => L.leakyRelu(x.square(), 0.1), () => 2],
  ['relu6(x * x)', X, (L) => (x) => L.relu6(x.square()), (x) => (x * x <= 6 ? 2 : 0)],
  ['clipByValue(x * x)', X, (L) => (x) => L.clipByValue(x.square(), 0.05, 1),
    (x) => (x * x >= 0.05 && x * x <= 1 ? 2 : 0)],
  ['maximum(x * x, 1)', X, (L) => (x) => L.maximum(x.square(), 1), (x) => (x * x >= 1 ? 2 : 0)],
  ['prelu(sin(x), 0.5)', X, (L) => (x) => L.prelu(L.sin(x), L.scalar(0.5)),
    (x) => -Math.sin(x) * (Math.sin(x) > 0 ? 1 : 0.5)],
];

/** Runs one library's tf.grad(tf.grad(f)) at the points: {values, dtype, leaked} or {error}. */
function secondDerivative(L, points, f) {
  const before = L.memory().numTensors;
  const r = {};
  try {
    const x = L.tensor1d(points);
    const g2 = L.grad(L.grad(f(L)))(x);
    r.values = Array.from(g2.dataSync());
    r.dtype = g2.dtype;
    r.shape = g2.shape;
    g2.dispose();
    x.dispose();
  } catch (e) {
    r.error = String(e.message);
  }
  r.leaked = L.memory().numTensors - before;
  return r;
}

window.runSecondOrder = async function() {
  await tf.setBackend('cpu');
  await tf.ready();
  return JSON.stringify(SECOND_ORDER_CASES.map(([name, points, f, expected]) => ({
    name,
    samovar: secondDerivative(samovar, points, f),
    tfjs: secondDerivative(tf, points, f),
    expected: points.map(expected),
  })));
};
