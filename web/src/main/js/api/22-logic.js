// Comparisons, logical ops and selection.
const LG = N.LogicBridge;
