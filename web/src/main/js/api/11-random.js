// Seeded random tensors.
const RND = N.RandomBridge;
