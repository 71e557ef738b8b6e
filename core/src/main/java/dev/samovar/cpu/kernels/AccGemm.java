package dev.samovar.cpu.kernels;

import dev.samovar.cpu.Cpu;

/**
 * Matrix multiply into a double-precision accumulator: C[m,n] += A[m,k] * B[k,n] over strided
 * float32 operands, C a {@code double[]}. The backward convolution kernels use it so that each
 * gradient element is one double-precision sum, rounded to float32 once at the end, as TF.js's
 * CPU backprop kernels compute it (they sum in a JS number and store once); only the order of the
 * double additions differs, which float32 rounding hides.
 *
 * <p>Same structure as {@link Gemm}: the shared dimension in blocks, each block of A and B packed
 * contiguously, a 4x4 register-blocked inner kernel.
 */
final class AccGemm {
    private static final int KB = 64;

    private AccGemm() {
    }

    /**
     * C += A * B. Element (i,k) of A is {@code a[aOff + i*aRs + k*aCs]}, element (k,j) of B is
     * {@code b[bOff + k*bRs + j*bCs]}, element (i,j) of C is {@code c[cOff + i*cRs + j]}.
     */
    static void gemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs,
            int bCs, double[] c, int cOff, int cRs) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        int mPad = (m + 3) & ~3;
        int nPad = (n + 3) & ~3;
        int kb0 = Math.min(KB, k);
        float[] ap = Cpu.newFloats(mPad * kb0);
        float[] bp = Cpu.newFloats(nPad * kb0);
        for (int k0 = 0; k0 < k; k0 += KB) {
            int kb = Math.min(KB, k - k0);
            // Pack A rows: ap[i*kb + kk] = A(i, k0+kk).
            for (int i = 0; i < m; i++) {
                int src = aOff + i * aRs + k0 * aCs;
                int dst = i * kb;
                if (aCs == 1) {
                    System.arraycopy(a, src, ap, dst, kb);
                } else {
                    for (int kk = 0; kk < kb; kk++) {
                        ap[dst + kk] = a[src];
                        src += aCs;
                    }
                }
            }
            // Pack B columns: bp[j*kb + kk] = B(k0+kk, j).
            for (int kk = 0; kk < kb; kk++) {
                int src = bOff + (k0 + kk) * bRs;
                for (int j = 0; j < n; j++) {
                    bp[j * kb + kk] = b[src + j * bCs];
                }
            }
            block(m, n, kb, ap, bp, c, cOff, cRs);
        }
    }

    private static void block(int m, int n, int kb, float[] ap, float[] bp, double[] c, int cOff, int cRs) {
        int m4 = m & ~3;
        int n4 = n & ~3;
        for (int i = 0; i < m4; i += 4) {
            int a0 = i * kb;
            int a1 = a0 + kb;
            int a2 = a1 + kb;
            int a3 = a2 + kb;
            for (int j = 0; j < n4; j += 4) {
                int b0 = j * kb;
                int b1 = b0 + kb;
                int b2 = b1 + kb;
                int b3 = b2 + kb;
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
                double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
                double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                for (int kk = 0; kk < kb; kk++) {
                    double x0 = ap[a0 + kk];
                    double x1 = ap[a1 + kk];
                    double x2 = ap[a2 + kk];
                    double x3 = ap[a3 + kk];
                    double y0 = bp[b0 + kk];
                    double y1 = bp[b1 + kk];
                    double y2 = bp[b2 + kk];
                    double y3 = bp[b3 + kk];
                    c00 += x0 * y0;
                    c01 += x0 * y1;
                    c02 += x0 * y2;
                    c03 += x0 * y3;
                    c10 += x1 * y0;
                    c11 += x1 * y1;
                    c12 += x1 * y2;
                    c13 += x1 * y3;
                    c20 += x2 * y0;
                    c21 += x2 * y1;
                    c22 += x2 * y2;
                    c23 += x2 * y3;
                    c30 += x3 * y0;
                    c31 += x3 * y1;
                    c32 += x3 * y2;
                    c33 += x3 * y3;
                }
                int r0 = cOff + i * cRs + j;
                int r1 = r0 + cRs;
                int r2 = r1 + cRs;
                int r3 = r2 + cRs;
                c[r0] += c00;
                c[r0 + 1] += c01;
                c[r0 + 2] += c02;
                c[r0 + 3] += c03;
                c[r1] += c10;
                c[r1 + 1] += c11;
                c[r1 + 2] += c12;
                c[r1 + 3] += c13;
                c[r2] += c20;
                c[r2 + 1] += c21;
                c[r2 + 2] += c22;
                c[r2 + 3] += c23;
                c[r3] += c30;
                c[r3 + 1] += c31;
                c[r3 + 2] += c32;
                c[r3 + 3] += c33;
            }
            for (int j = n4; j < n; j++) {
                edge(i, i + 4, j, kb, ap, bp, c, cOff, cRs);
            }
        }
        for (int i = m4; i < m; i++) {
            for (int j = 0; j < n; j++) {
                edge(i, i + 1, j, kb, ap, bp, c, cOff, cRs);
            }
        }
    }

    private static void edge(int iFrom, int iTo, int j, int kb, float[] ap, float[] bp, double[] c, int cOff,
            int cRs) {
        int bj = j * kb;
        for (int i = iFrom; i < iTo; i++) {
            int ai = i * kb;
            double sum = 0;
            for (int kk = 0; kk < kb; kk++) {
                sum += (double) ap[ai + kk] * bp[bj + kk];
            }
            c[cOff + i * cRs + j] += sum;
        }
    }
}
