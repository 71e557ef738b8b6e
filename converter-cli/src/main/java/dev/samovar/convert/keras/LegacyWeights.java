package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.model.Weight;
import dev.samovar.convert.model.WeightData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Weight layouts Keras itself converts when it loads old files (its
 * {@code preprocess_weights_for_loading}), done here so that TF.js gets Keras 2 layouts:
 * Keras 1 recurrent layers stored gate by gate (12 arrays for LSTM, 9 for GRU), Keras 1
 * Theano-ordered ({@code dim_ordering: th}) convolution kernels, Keras 1 Conv1D kernels stored as
 * 4-D, and kernels of files saved with the Theano backend, which convolves with flipped kernels.
 */
final class LegacyWeights {
    private LegacyWeights() {
    }

    static List<Weight> convert(String file, String layerDescr, String cls, Map<String, Object> config,
            List<Weight> in, boolean keras1, String backend, List<String> notes) {
        List<Weight> w = new ArrayList<>(in);
        if (cls.equals("Bidirectional") && keras1) {
            Map<String, Object> inner = Cfg.map(config.get("layer"));
            int half = w.size() / 2;
            List<Weight> fwd = convert(file, layerDescr, Cfg.str(inner, "class_name"), Cfg.map(inner.get("config")),
                    w.subList(0, half), true, backend, notes);
            List<Weight> bwd = convert(file, layerDescr, Cfg.str(inner, "class_name"), Cfg.map(inner.get("config")),
                    w.subList(half, w.size()), true, backend, notes);
            List<Weight> out = new ArrayList<>(fwd);
            out.addAll(bwd);
            return out;
        }
        if (cls.equals("TimeDistributed") && keras1) {
            Map<String, Object> inner = Cfg.map(config.get("layer"));
            return convert(file, layerDescr, Cfg.str(inner, "class_name"), Cfg.map(inner.get("config")), w, true, backend,
                    notes);
        }
        String dataFormat = Cfg.str(config, "data_format");
        boolean channelsFirst = "channels_first".equals(dataFormat);
        if (keras1) {
            switch (cls) {
                case "LSTM":
                    if (w.size() == 12) {
                        // stored i, c, f, o; Keras 2 and TF.js use i, f, c, o
                        w = mergeGates(w, new int[] {0, 6, 3, 9});
                        note(notes, "Keras 1 LSTM weights (12 arrays, gate by gate) merged into kernel, recurrent_kernel, bias");
                    }
                    break;
                case "GRU":
                    if (w.size() == 9) {
                        w = mergeGates(w, new int[] {0, 3, 6});
                        note(notes, "Keras 1 GRU weights (9 arrays, gate by gate) merged into kernel, recurrent_kernel, bias");
                    }
                    break;
                case "Conv1D": {
                    Weight k = w.get(0);
                    int[] s = k.shape();
                    if (s.length == 4) {
                        int[] ks = Cfg.tuple(config, "kernel_size", 1);
                        int filters = Cfg.integer(config, "filters", -1);
                        Weight t = k;
                        if (!(s[0] == ks[0] && s[1] == 1 && s[3] == filters)) {
                            t = transposed(k, new int[] {2, 3, 1, 0});
                        }
                        int[] ts = t.shape();
                        Weight finalT = t;
                        w.set(0, t.withData(new int[] {ts[0], ts[2], ts[3]}, lazyData(() -> finalT.data.floats())));
                        note(notes, "Keras 1 Conv1D kernels (4-D) reshaped to Keras 2's 3-D layout");
                    }
                    break;
                }
                case "Conv2D":
                case "SeparableConv2D":
                    if (channelsFirst && w.get(0).shape().length == 4) {
                        w.set(0, transposed(w.get(0), new int[] {2, 3, 1, 0}));
                        note(notes, "Keras 1 Theano-ordered (dim_ordering 'th') kernels transposed to Keras 2's layout");
                    }
                    break;
                case "Conv2DTranspose":
                    if (w.get(0).shape().length == 4) {
                        w.set(0, transposed(w.get(0), channelsFirst ? new int[] {2, 3, 0, 1} : new int[] {0, 1, 3, 2}));
                    }
                    break;
                case "Conv3D":
                    if (channelsFirst && w.get(0).shape().length == 5) {
                        w.set(0, transposed(w.get(0), new int[] {2, 3, 4, 1, 0}));
                        note(notes, "Keras 1 Theano-ordered (dim_ordering 'th') kernels transposed to Keras 2's layout");
                    }
                    break;
                default:
                    break;
            }
        }
        boolean conv = Arrays.asList("Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose", "ConvLSTM2D").contains(cls);
        if (conv && !w.isEmpty()) {
            if ("theano".equals(backend)) {
                w.set(0, flipped(w.get(0)));
                if (cls.equals("ConvLSTM2D") && w.size() > 1) {
                    w.set(1, flipped(w.get(1)));
                }
                note(notes, "convolution kernels saved with the Theano backend flipped to TensorFlow's orientation "
                        + "(as Keras does when it loads them)");
            }
            int[] s = w.get(0).shape();
            int filters = Cfg.integer(config, "filters", -1);
            if (s.length == 4 && !cls.equals("Conv2DTranspose") && s[3] != filters && s[0] == filters) {
                w.set(0, transposed(w.get(0), new int[] {2, 3, 1, 0}));
                if (cls.equals("ConvLSTM2D") && w.size() > 1) {
                    w.set(1, transposed(w.get(1), new int[] {2, 3, 1, 0}));
                }
                note(notes, "Theano-ordered convolution kernels transposed to Keras 2's layout");
            }
        }
        return w;
    }

    private static void note(List<String> notes, String s) {
        if (!notes.contains(s)) {
            notes.add(s);
        }
    }

    private static Weight transposed(Weight w, int[] perm) {
        int[] shape = w.shape();
        int[] out = ArrayOps.permute(shape, perm);
        return w.withData(out, lazyData(() -> ArrayOps.transpose(w.data.floats(), shape, perm)));
    }

    private static Weight flipped(Weight w) {
        int[] shape = w.shape();
        boolean[] axes = new boolean[shape.length];
        for (int i = 0; i < shape.length - 2; i++) {
            axes[i] = true;
        }
        return w.withData(shape, lazyData(() -> ArrayOps.flip(w.data.floats(), shape, axes)));
    }

    /** Concatenates groups of (W, U, b) stored per gate, taking the gates in {@code order} (indices of W). */
    private static List<Weight> mergeGates(List<Weight> w, int[] order) {
        List<Weight> out = new ArrayList<>();
        String[] names = {"kernel", "recurrent_kernel", "bias"};
        for (int part = 0; part < 3; part++) {
            Weight[] gates = new Weight[order.length];
            int[][] shapes = new int[order.length][];
            int width = 0;
            for (int g = 0; g < order.length; g++) {
                gates[g] = w.get(order[g] + part);
                shapes[g] = gates[g].shape();
                width += shapes[g][shapes[g].length - 1];
            }
            int[] shape = shapes[0].clone();
            shape[shape.length - 1] = width;
            Weight first = gates[0];
            out.add(new Weight(names[part], shape, first.dtype, lazyData(() -> {
                float[][] parts = new float[gates.length][];
                for (int g = 0; g < gates.length; g++) {
                    parts[g] = gates[g].data.floats();
                }
                return ArrayOps.concatLast(parts, shapes);
            }), first.source + " (+" + (order.length - 1) + " gates)"));
        }
        return out;
    }

    private static WeightData lazyData(java.util.function.Supplier<float[]> values) {
        return new WeightData() {
            @Override
            public float[] floats() {
                return values.get();
            }

            @Override
            public int[] ints() {
                throw new ConversionException("integer weights cannot be rearranged");
            }
        };
    }
}
