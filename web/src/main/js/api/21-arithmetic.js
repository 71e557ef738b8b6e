// Binary arithmetic with broadcasting.
const A = N.ArithmeticBridge;

/** A binary op tf[name](a, b) whose arguments are named `argA`, `argB` in TF.js's messages. */
function binaryOp(name, argA = 'a', argB = 'b') {
  tf[name] = (a, b) => scoped(name, () => wrap(A[name](convert(a, argA, name), convert(b, argB, name))));
  chain(name);
}

binaryOp('add');
binaryOp('sub');
binaryOp('mul');
binaryOp('div');
