package dev.samovar.layers.engine;

import dev.samovar.layers.serialization.Dims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a layer accepts for one input (TF.js's InputSpec): rank ({@code ndim}, {@code minNDim},
 * {@code maxNDim}), dtype, a full shape, or sizes of given axes (negative axes count from the end).
 * Unset fields are null. Checked by {@link Layer#assertInputCompatibility} with TF.js's messages.
 */
public final class InputSpec {
    private String dtype;
    private int[] shape;
    private Integer ndim;
    private Integer maxNDim;
    private Integer minNDim;
    private final Map<Integer, Integer> axes = new LinkedHashMap<>();

    /** An empty spec; set fields with the fluent setters. */
    public InputSpec() {
    }

    /** TF.js's {@code new InputSpec({shape})}: the shape and its rank as ndim. */
    public static InputSpec ofShapeAndRank(int[] shape) {
        InputSpec s = new InputSpec();
        s.shape = shape == null ? null : shape.clone();
        s.ndim = shape == null ? null : shape.length;
        return s;
    }

    public InputSpec dtype(String dtype) {
        this.dtype = dtype;
        return this;
    }

    /** The shape only (as TF.js's plain {@code {shape}} object: ndim stays unset). */
    public InputSpec shape(int[] shape) {
        this.shape = shape == null ? null : shape.clone();
        return this;
    }

    public InputSpec ndim(Integer ndim) {
        this.ndim = ndim;
        return this;
    }

    public InputSpec maxNDim(Integer maxNDim) {
        this.maxNDim = maxNDim;
        return this;
    }

    public InputSpec minNDim(Integer minNDim) {
        this.minNDim = minNDim;
        return this;
    }

    /** Requires axis (negative: from the end) to have the given size; null size: any. */
    public InputSpec axis(int axis, Integer size) {
        // An unknown dimension (null in TF.js, Dims.UNKNOWN here) constrains nothing, as in TF.js.
        axes.put(axis, size != null && size == dev.samovar.layers.serialization.Dims.UNKNOWN ? null : size);
        return this;
    }

    public String dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape;
    }

    public Integer ndim() {
        return ndim;
    }

    public Integer maxNDim() {
        return maxNDim;
    }

    public Integer minNDim() {
        return minNDim;
    }

    /** The axes in the order a JS object lists them: non-negative keys ascending, then the others as set. */
    public List<Map.Entry<Integer, Integer>> axesInJsOrder() {
        List<Map.Entry<Integer, Integer>> out = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        for (Integer k : axes.keySet()) {
            if (k >= 0) {
                keys.add(k);
            }
        }
        keys.sort(null);
        for (Integer k : keys) {
            out.add(new java.util.AbstractMap.SimpleEntry<>(k, axes.get(k)));
        }
        for (Map.Entry<Integer, Integer> e : axes.entrySet()) {
            if (e.getKey() < 0) {
                out.add(e);
            }
        }
        return out;
    }

    /** The JS form TF.js's layer.inputSpec shows: only the fields that are set (axes always). */
    public Map<String, Object> toJs() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (dtype != null) {
            m.put("dtype", dtype);
        }
        if (shape != null) {
            m.put("shape", Dims.toList(shape));
        }
        if (ndim != null) {
            m.put("ndim", ndim);
        }
        if (maxNDim != null) {
            m.put("maxNDim", maxNDim);
        }
        if (minNDim != null) {
            m.put("minNDim", minNDim);
        }
        if (!axes.isEmpty()) {
            Map<String, Object> a = new LinkedHashMap<>();
            for (Map.Entry<Integer, Integer> e : axesInJsOrder()) {
                a.put(String.valueOf(e.getKey()), e.getValue());
            }
            m.put("axes", a);
        }
        return m;
    }
}
