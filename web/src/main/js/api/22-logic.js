// Comparisons, logical ops and selection.
const LG = N.LogicBridge;

/** A binary op of this family; `parseAsDtype` is how TF.js converts tensor-likes. */
function logicOp(name, parseAsDtype = 'numeric') {
  tf[name] = (a, b) => scoped(name, () =>
    wrap(LG[name](convert(a, 'a', name, parseAsDtype), convert(b, 'b', name, parseAsDtype))));
  chain(name);
}

// TF.js accepts strings here; samovar has no string tensors, and says so when it meets one.
['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'].forEach(
    (name) => logicOp(name, 'string_or_numeric'));
['logicalAnd', 'logicalOr', 'logicalXor'].forEach((name) => logicOp(name, 'bool'));

tf.logicalNot = (x) => scoped('logicalNot', () =>
  wrap(LG.logicalNot(convert(x, 'x', 'logicalNot', 'bool'))));
chain('logicalNot');

tf.where = (condition, a, b) => scoped('where', () => {
  const ha = convert(a, 'a', 'where');
  const hb = convert(b, 'b', 'where');
  return wrap(LG.where(convert(condition, 'condition', 'where', 'bool'), ha, hb));
});

Tensor.prototype.where = function(condition, x) {
  this.throwIfDisposed();
  return tf.where(condition, this, x);
};
