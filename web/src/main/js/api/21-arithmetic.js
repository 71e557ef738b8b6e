// Binary arithmetic with broadcasting.
const A = N.ArithmeticBridge;

/**
 * A binary op tf[name](a, b) whose arguments are named `argA`, `argB` in TF.js's messages (which
 * name the op `opName`).
 */
function binaryOp(name, argA = 'a', argB = 'b', opName = name) {
  tf[name] = (a, b) => scoped(name, () =>
    wrap(A[name](convert(a, argA, opName), convert(b, argB, opName))));
  chain(name);
}

['add', 'sub', 'mul', 'div', 'floorDiv', 'mod', 'maximum', 'minimum', 'squaredDifference',
  'atan2'].forEach((name) => binaryOp(name));
binaryOp('pow', 'base', 'exp');
binaryOp('divNoNan', 'a', 'b', 'div');

// No tensor method in TF.js.
tf.bitwiseAnd = (x, y) => scoped('bitwiseAnd', () =>
  wrap(A.bitwiseAnd(convert(x, 'x', 'bitwiseAnd'), convert(y, 'y', 'bitwiseAnd'))));

tf.addN = (tensors) => scoped('addN', () => {
  assert(Array.isArray(tensors), 'The argument passed to tf.addN() must be a list of tensors');
  assert(tensors.length >= 1,
      () => `Must pass at least one tensor to tf.addN(), but got ${tensors.length}`);
  const handles = tensors.map((t, i) => convert(t, `tensors${i}`, 'addN'));
  return wrap(A.addN(toList(handles)));
});
