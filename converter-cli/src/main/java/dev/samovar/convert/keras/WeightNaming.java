package dev.samovar.convert.keras;

import dev.samovar.convert.ConversionException;
import dev.samovar.convert.model.LayerWeights;
import dev.samovar.convert.model.Weight;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a layer's weights the names TF.js looks up and checks their number and shapes against the
 * layer's config. A name from the file is kept when TF.js resolves it (exactly, or by its rule that
 * drops an inner cell scope: {@code lstm/lstm_cell/kernel} finds {@code lstm/kernel}); otherwise the
 * weight gets the name TF.js gives it ({@code <layer>/<weight>}).
 */
final class WeightNaming {
    private WeightNaming() {
    }

    /** Whether TF.js's loadWeights maps {@code fileName} onto {@code expected}. */
    static boolean resolves(String fileName, String expected) {
        if (fileName.equals(expected)) {
            return true;
        }
        String[] t = fileName.split("/", -1);
        if (t.length < 3) {
            return false;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length - 2; i++) {
            sb.append(t[i]).append('/');
        }
        sb.append(t[t.length - 1]);
        return sb.toString().equals(expected);
    }

    static String stripSlot(String name) {
        return name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
    }

    /**
     * @param weights the layer's weights in the file's order, named as in the file (":0" stripped)
     */
    static LayerWeights assemble(String file, LayerEntry layer, List<Weight> weights, List<String> notes) {
        List<String> expected = LayerCatalog.weightNames(layer.cls, layer.config);
        if (expected == null) {
            return new LayerWeights(layer.name, layer.cls, layer.position, weights);
        }
        if (expected.size() != weights.size()) {
            List<String> got = new ArrayList<>();
            for (Weight w : weights) {
                got.add(w.name + " " + w.shapeString());
            }
            throw new ConversionException(file + ": " + layer.describe() + " has " + weights.size() + " weight"
                    + (weights.size() == 1 ? "" : "s") + " in the file (" + (got.isEmpty() ? "none" : String.join(", ", got))
                    + ") but its config needs " + expected.size() + (expected.isEmpty() ? "" : ": " + String.join(", ", expected)));
        }
        List<int[]> shapes = new ArrayList<>();
        for (Weight w : weights) {
            shapes.add(w.shape());
        }
        String problem = LayerCatalog.checkShapes(layer.cls, layer.config, expected, shapes);
        if (problem != null) {
            throw new ConversionException(file + ": " + layer.describe() + ": weight " + problem);
        }
        List<Weight> out = new ArrayList<>();
        String example = null;
        for (int i = 0; i < weights.size(); i++) {
            String want = layer.name + "/" + expected.get(i);
            Weight w = weights.get(i);
            if (resolves(w.name, want)) {
                out.add(w);
            } else {
                out.add(w.withName(want));
                if (example == null) {
                    example = "'" + w.name + "' -> '" + want + "'";
                }
            }
        }
        if (example != null) {
            String n = "weights renamed to the names TF.js looks up (e.g. " + example + ")";
            boolean seen = false;
            for (String s : notes) {
                seen |= s.startsWith("weights renamed");
            }
            if (!seen) {
                notes.add(n);
            }
        }
        return new LayerWeights(layer.name, layer.cls, layer.position, out);
    }
}
