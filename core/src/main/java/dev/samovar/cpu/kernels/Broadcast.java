package dev.samovar.cpu.kernels;

import dev.samovar.cpu.Cpu;
/** Index maps for NumPy broadcasting, computed once per kernel call (no per-element division). */
final class Broadcast {
    private Broadcast() {
    }

    /** Zeros, at least as many as the largest scalar broadcast so far (see {@link #indexMap}). */
    private static int[] scalarMap = new int[0];

    /**
     * For each element of {@code outShape} (row-major), the flat index of the element of a tensor of
     * {@code inShape} that broadcasts onto it. {@code inShape} must be broadcast-compatible.
     */
    static int[] indexMap(int[] inShape, int[] outShape, int outSize) {
        int inSize = 1;
        for (int d : inShape) {
            inSize *= d;
        }
        if (inSize == 1) {
            // One value broadcast everywhere: every index is 0. The maps are only read, so one
            // zero-filled array serves every call (scalar operands are the common case: an
            // optimizer's update multiplies whole weight matrices by scalars).
            if (scalarMap.length < outSize) {
                scalarMap = new int[outSize];
            }
            return scalarMap;
        }
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
