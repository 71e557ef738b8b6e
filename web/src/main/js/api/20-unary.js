// Elementwise math and activations.
const U = N.UnaryBridge;

/** A unary op: tf[name](x) with x converted as TF.js does (parseAsDtype where TF.js requires). */
function unaryOp(name, parseAsDtype = 'numeric') {
  tf[name] = (x) => scoped(name, () => wrap(U[name](convert(x, 'x', name, parseAsDtype))));
  chain(name);
}

unaryOp('exp');
unaryOp('relu');
