package dev.samovar.cpu.kernels;

import dev.samovar.cpu.Cpu;
/** Index maps for NumPy broadcasting, computed once per kernel call (no per-element division). */
final class Broadcast {
    private Broadcast() {
    }

    /**
     * For each element of {@code outShape} (row-major), the flat index of the element of a tensor of
     * {@code inShape} that broadcasts onto it. {@code inShape} must be broadcast-compatible.
     */
    static int[] indexMap(int[] inShape, int[] outShape, int outSize) {
        int rank = outShape.length;
        int[] map = Cpu.newInts(outSize);
        if (outSize == 0) {
            return map;
        }
        int[] strides = Cpu.newInts(rank);
        int acc = 1;
        for (int d = rank - 1; d >= 0; d--) {
            int inAxis = d - (rank - inShape.length);
            int inDim = inAxis >= 0 ? inShape[inAxis] : 1;
            strides[d] = inDim == 1 ? 0 : acc;
            acc *= inAxis >= 0 ? inShape[inAxis] : 1;
        }
        if (rank == 0) {
            return map;
        }
        int inner = outShape[rank - 1];
        int innerStride = strides[rank - 1];
        int outer = outSize / inner;
        int[] counter = Cpu.newInts(rank);
        int off = 0;
        int p = 0;
        for (int o = 0; o < outer; o++) {
            int idx = off;
            for (int j = 0; j < inner; j++) {
                map[p++] = idx;
                idx += innerStride;
            }
            for (int d = rank - 2; d >= 0; d--) {
                counter[d]++;
                off += strides[d];
                if (counter[d] < outShape[d]) {
                    break;
                }
                off -= strides[d] * outShape[d];
                counter[d] = 0;
            }
        }
        return map;
    }
}
