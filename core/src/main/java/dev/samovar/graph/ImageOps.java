package dev.samovar.graph;

import dev.samovar.core.DType;
import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Image and data-dependent ops of TF.js's "image" and "dynamic" categories that Samovar has no op
 * for yet: ResizeBilinear, NonMaxSuppressionV5 and Where, computed here on the tensors' values
 * with TF.js's CPU algorithms (its interpolation arithmetic, its candidate order and soft-NMS
 * weights, row-major true indices). NonMaxSuppressionV5 and Where are dynamic: executeAsync only.
 */
final class ImageOps {
    private ImageOps() {
    }

    static void register() {
        OpRegistry.register("ResizeBilinear", (n, in, c) -> new Tensor[] {resizeBilinear(in[0],
                ExecutionContext.ints(in[1]), n.getBool("align_corners", false), n.getBool("half_pixel_centers", false))});
        OpRegistry.registerDynamic("NonMaxSuppressionV5", (n, in, c) -> nonMaxSuppression(in[0], in[1],
                ExecutionContext.scalarInt(in[2]), ExecutionContext.scalar(in[3]), ExecutionContext.scalar(in[4]),
                ExecutionContext.scalar(in[5])));
        OpRegistry.registerDynamic("Where", (n, in, c) -> new Tensor[] {where(in[0])});
    }

    private static double[] values(Tensor t) {
        Object v = t.data();
        if (v instanceof float[]) {
            float[] f = (float[]) v;
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        int[] iv = (int[]) v;
        double[] d = new double[iv.length];
        for (int i = 0; i < iv.length; i++) {
            d[i] = iv[i];
        }
        return d;
    }

    static Tensor resizeBilinear(Tensor images, int[] size, boolean alignCorners, boolean halfPixelCenters) {
        int[] s = images.shape();
        boolean batched = s.length == 4;
        if (!batched && s.length != 3) {
            throw new IllegalArgumentException("Error in resizeBilinear: x must be rank 3 or 4, but got rank " + s.length + ".");
        }
        int batch = batched ? s[0] : 1;
        int oldH = s[batched ? 1 : 0];
        int oldW = s[batched ? 2 : 1];
        int ch = s[batched ? 3 : 2];
        int newH = size[0];
        int newW = size[1];
        double[] x = values(images);
        float[] out = new float[batch * newH * newW * ch];
        double inH = alignCorners && newH > 1 ? oldH - 1 : oldH;
        double inW = alignCorners && newW > 1 ? oldW - 1 : oldW;
        double outH = alignCorners && newH > 1 ? newH - 1 : newH;
        double outW = alignCorners && newW > 1 ? newW - 1 : newW;
        double rowRatio = inH / outH;
        double colRatio = inW / outW;
        int s0 = oldH * oldW * ch;
        int s1 = oldW * ch;
        int o = 0;
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < newH; r++) {
                double fr = halfPixelCenters ? rowRatio * (r + 0.5) - 0.5 : rowRatio * r;
                int r0 = (int) Math.max(0, Math.floor(fr));
                double rowFrac = fr - r0;
                int r1 = (int) Math.min(oldH - 1, Math.ceil(fr));
                int top = b * s0 + r0 * s1;
                int bot = b * s0 + r1 * s1;
                for (int col = 0; col < newW; col++) {
                    double fc = halfPixelCenters ? colRatio * (col + 0.5) - 0.5 : colRatio * col;
                    int c0 = (int) Math.max(0, Math.floor(fc));
                    double colFrac = fc - c0;
                    int c1 = (int) Math.min(oldW - 1, Math.ceil(fc));
                    for (int d = 0; d < ch; d++) {
                        double tl = x[top + c0 * ch + d];
                        double tr = x[top + c1 * ch + d];
                        double bl = x[bot + c0 * ch + d];
                        double br = x[bot + c1 * ch + d];
                        double t = tl + (tr - tl) * colFrac;
                        double bo = bl + (br - bl) * colFrac;
                        out[o++] = (float) (t + (bo - t) * rowFrac);
                    }
                }
            }
        }
        int[] shape = batched ? new int[] {batch, newH, newW, ch} : new int[] {newH, newW, ch};
        return Engine.get().makeTensor(out, shape, DType.FLOAT32);
    }

    private static final class Candidate {
        double score;
        final int boxIndex;
        int suppressBeginIndex;

        Candidate(double score, int boxIndex) {
            this.score = score;
            this.boxIndex = boxIndex;
        }
    }

    /** TF.js's ascendingComparator: by score, then higher box index first. */
    private static int compare(Candidate a, Candidate b) {
        if (a.score != b.score) {
            return a.score < b.score ? -1 : 1;
        }
        return Integer.compare(b.boxIndex, a.boxIndex);
    }

    private static void binaryInsert(List<Candidate> arr, Candidate c) {
        int left = 0;
        int right = arr.size();
        while (left < right) {
            int mid = left + ((right - left) >>> 1);
            if (compare(c, arr.get(mid)) > 0) {
                left = mid + 1;
            } else {
                right = mid;
            }
        }
        arr.add(left, c);
    }

    private static double iou(double[] boxes, int i, int j) {
        double yminI = Math.min(boxes[i * 4], boxes[i * 4 + 2]);
        double xminI = Math.min(boxes[i * 4 + 1], boxes[i * 4 + 3]);
        double ymaxI = Math.max(boxes[i * 4], boxes[i * 4 + 2]);
        double xmaxI = Math.max(boxes[i * 4 + 1], boxes[i * 4 + 3]);
        double yminJ = Math.min(boxes[j * 4], boxes[j * 4 + 2]);
        double xminJ = Math.min(boxes[j * 4 + 1], boxes[j * 4 + 3]);
        double ymaxJ = Math.max(boxes[j * 4], boxes[j * 4 + 2]);
        double xmaxJ = Math.max(boxes[j * 4 + 1], boxes[j * 4 + 3]);
        double areaI = (ymaxI - yminI) * (xmaxI - xminI);
        double areaJ = (ymaxJ - yminJ) * (xmaxJ - xminJ);
        if (areaI <= 0 || areaJ <= 0) {
            return 0.0;
        }
        double iy0 = Math.max(yminI, yminJ);
        double ix0 = Math.max(xminI, xminJ);
        double iy1 = Math.min(ymaxI, ymaxJ);
        double ix1 = Math.min(xmaxI, xmaxJ);
        double inter = Math.max(iy1 - iy0, 0.0) * Math.max(ix1 - ix0, 0.0);
        return inter / (areaI + areaJ - inter);
    }

    static Tensor[] nonMaxSuppression(Tensor boxesT, Tensor scoresT, int maxOutputSize, double iouThreshold,
            double scoreThreshold, double softNmsSigma) {
        double[] boxes = values(boxesT);
        double[] scores = values(scoresT);
        int numBoxes = boxesT.dim(0);
        maxOutputSize = Math.min(maxOutputSize, numBoxes);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scoreThreshold) {
                candidates.add(new Candidate(scores[i], i));
            }
        }
        candidates.sort(ImageOps::compare);
        double scale = softNmsSigma > 0 ? (-0.5 / softNmsSigma) : 0.0;
        List<Integer> selected = new ArrayList<>();
        List<Double> selectedScores = new ArrayList<>();
        while (selected.size() < maxOutputSize && !candidates.isEmpty()) {
            Candidate cand = candidates.remove(candidates.size() - 1);
            double original = cand.score;
            if (original < scoreThreshold) {
                break;
            }
            boolean ignore = false;
            for (int j = selected.size() - 1; j >= cand.suppressBeginIndex; --j) {
                double v = iou(boxes, cand.boxIndex, selected.get(j));
                if (v >= iouThreshold) {
                    ignore = true;
                    break;
                }
                double weight = v <= iouThreshold ? Math.exp(scale * v * v) : 0.0;
                cand.score = cand.score * weight;
                if (cand.score <= scoreThreshold) {
                    break;
                }
            }
            cand.suppressBeginIndex = selected.size();
            if (!ignore) {
                if (cand.score == original) {
                    selected.add(cand.boxIndex);
                    selectedScores.add(cand.score);
                } else if (cand.score > scoreThreshold) {
                    binaryInsert(candidates, cand);
                }
            }
        }
        int[] idx = new int[selected.size()];
        float[] sc = new float[selected.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = selected.get(i);
            sc[i] = (float) (double) selectedScores.get(i);
        }
        return new Tensor[] {Engine.get().makeTensor(idx, new int[] {idx.length}, DType.INT32),
            Engine.get().makeTensor(sc, new int[] {sc.length}, DType.FLOAT32)};
    }

    /** Row-major indices of the true (non-zero) elements: int32 [count, rank]. */
    static Tensor where(Tensor condition) {
        double[] v = values(condition);
        int[] shape = condition.shape();
        int rank = shape.length;
        List<int[]> hits = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                int[] coord = new int[rank];
                int rem = i;
                for (int d = rank - 1; d >= 0; d--) {
                    coord[d] = shape[d] == 0 ? 0 : rem % shape[d];
                    rem = shape[d] == 0 ? 0 : rem / shape[d];
                }
                hits.add(coord);
            }
        }
        int[] out = new int[hits.size() * rank];
        for (int i = 0; i < hits.size(); i++) {
            System.arraycopy(hits.get(i), 0, out, i * rank, rank);
        }
        return Engine.get().makeTensor(out, new int[] {hits.size(), rank}, DType.INT32);
    }
}
