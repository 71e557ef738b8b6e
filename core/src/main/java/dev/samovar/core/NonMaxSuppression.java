package dev.samovar.core;

import java.util.ArrayList;
import java.util.List;

/**
 * TF.js's non-max suppression (nonMaxSuppressionImpl_) on raw values: candidates above the score
 * threshold sorted ascending by score (ties: the lower box index comes out first), overlap tested
 * against the selected boxes from the newest back, Gaussian soft-NMS weights. Shared by the cpu
 * kernels NonMaxSuppressionV3/V4/V5 and the async ops, which TF.js runs on downloaded values.
 */
public final class NonMaxSuppression {
    private NonMaxSuppression() {
    }

    /** Selected box indices, their (soft-NMS) scores, and how many are real before padding. */
    public static final class Result {
        public final int[] indices;
        public final float[] scores;
        public final int valid;

        Result(int[] indices, float[] scores, int valid) {
            this.indices = indices;
            this.scores = scores;
            this.valid = valid;
        }
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

    /** TF.js's ascendingComparator: by score, then the higher box index first. */
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

    private static double iou(float[] boxes, int i, int j) {
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

    /** The algorithm on raw values (also what the async ops run on downloaded values). */
    public static Result run(float[] boxes, float[] scores, int maxOutputSize, double iouThreshold,
            double scoreThreshold, double softNmsSigma, boolean pad) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scoreThreshold) {
                candidates.add(new Candidate(scores[i], i));
            }
        }
        candidates.sort(NonMaxSuppression::compare);
        double scale = softNmsSigma > 0 ? (-0.5 / softNmsSigma) : 0.0;
        int[] selected = new int[Math.max(0, maxOutputSize)];
        double[] selectedScores = new double[selected.length];
        int n = 0;
        while (n < maxOutputSize && !candidates.isEmpty()) {
            Candidate cand = candidates.remove(candidates.size() - 1);
            double original = cand.score;
            if (original < scoreThreshold) {
                break;
            }
            boolean ignore = false;
            for (int j = n - 1; j >= cand.suppressBeginIndex; --j) {
                double v = iou(boxes, cand.boxIndex, selected[j]);
                if (v >= iouThreshold) {
                    ignore = true;
                    break;
                }
                double weight = Math.exp(scale * v * v);
                cand.score = cand.score * (v <= iouThreshold ? weight : 0.0);
                if (cand.score <= scoreThreshold) {
                    break;
                }
            }
            cand.suppressBeginIndex = n;
            if (!ignore) {
                if (cand.score == original) {
                    selected[n] = cand.boxIndex;
                    selectedScores[n] = cand.score;
                    n++;
                } else if (cand.score > scoreThreshold) {
                    binaryInsert(candidates, cand);
                }
            }
        }
        int len = pad && maxOutputSize > n ? maxOutputSize : n;
        int[] idx = new int[len];
        float[] sc = new float[len];
        for (int i = 0; i < n; i++) {
            idx[i] = selected[i];
            sc[i] = (float) selectedScores[i];
        }
        return new Result(idx, sc, n);
    }
}
