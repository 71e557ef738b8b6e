// Linear algebra.
const L = N.LinalgBridge;

tf.matMul = (a, b, transposeA = false, transposeB = false) => scoped('matMul', () => {
  const ha = convert(a, 'a', 'matMul');
  const hb = convert(b, 'b', 'matMul');
  return wrap(L.matMul(ha, hb, !!transposeA, !!transposeB));
});
chain('matMul');
