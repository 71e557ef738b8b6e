// Linear algebra.
const L = N.LinalgBridge;

tf.matMul = (a, b, transposeA = false, transposeB = false) => scoped('matMul', () => {
  const ha = convert(a, 'a', 'matMul');
  const hb = convert(b, 'b', 'matMul');
  return wrap(L.matMul(ha, hb, !!transposeA, !!transposeB));
});

tf.dot = (t1, t2) => scoped('dot', () => {
  const h1 = convert(t1, 't1', 'dot');
  const h2 = convert(t2, 't2', 'dot');
  return wrap(L.dot(h1, h2));
});

tf.outerProduct = (v1, v2) => scoped('outerProduct', () => {
  const h1 = convert(v1, 'v1', 'outerProduct');
  const h2 = convert(v2, 'v2', 'outerProduct');
  return wrap(L.outerProduct(h1, h2));
});

chain('matMul', 'dot');
