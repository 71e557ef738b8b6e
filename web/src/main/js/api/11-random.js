// Seeded random tensors.
const RND = N.random();
