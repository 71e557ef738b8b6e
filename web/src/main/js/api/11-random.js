// Random tensors: randomUniform, randomNormal, randomStandardNormal, truncatedNormal, randomGamma
// (seeded as TF.js: the same values).
const RND = N.RandomBridge;

/** A seed as the bridge takes it: [kind (0 none, 1 number, 2 string), number, string]. */
function seedArg(seed) {
  if (seed == null) {
    return [0, 0, null];
  }
  if (typeof seed === 'number') {
    return [1, seed, null];
  }
  return [2, 0, String(seed)];
}

tf.randomUniform = (shape, minval = 0, maxval = 1, dtype = 'float32', seed) => scoped('randomUniform', () => {
  shape = checkShape(shape, 'randomUniform');
  checkNotString(dtype);
  const s = seedArg(seed);
  return wrap(RND.randomUniform(shape, minval, maxval, dtype, s[0], s[1], s[2]));
});

function gaussianOp(name) {
  tf[name] = (shape, mean = 0, stdDev = 1, dtype, seed) => scoped(name, () => {
    shape = checkShape(shape, name);
    const s = seedArg(seed);
    return wrap(RND[name](shape, mean, stdDev, dtype == null ? null : dtype, s[0], s[1], s[2]));
  });
}

gaussianOp('randomNormal');
gaussianOp('truncatedNormal');

tf.randomStandardNormal = (shape, dtype, seed) => scoped('randomStandardNormal', () => {
  shape = checkShape(shape, 'randomStandardNormal');
  const s = seedArg(seed);
  return wrap(RND.randomStandardNormal(shape, dtype == null ? null : dtype, s[0], s[1], s[2]));
});

tf.randomGamma = (shape, alpha, beta = 1, dtype = 'float32', seed) => scoped('randomGamma', () => {
  shape = checkShape(shape, 'randomGamma');
  const s = seedArg(seed);
  return wrap(RND.randomGamma(shape, alpha, beta == null ? 1 : beta, dtype == null ? null : dtype, s[0], s[1], s[2]));
});
