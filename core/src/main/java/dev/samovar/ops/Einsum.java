package dev.samovar.ops;

import dev.samovar.core.Attrs;
import dev.samovar.core.DType;
import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * tf.einsum(equation, ...tensors): the subset TF.js 4.22 supports (an explicit output after
 * "->", at most two inputs, no ellipsis, no repeated axis within one input), with its messages.
 * The equation is decoded here (TF.js's decodeEinsumEquation, checkEinsumDimSizes,
 * getEinsumComputePath) and the plan handed to the Einsum kernel.
 */
public final class Einsum {
    private Einsum() {
    }

    public static Tensor einsum(String equation, Tensor... tensors) {
        for (int i = 0; i < tensors.length; i++) {
            OpSupport.check(tensors[i], "tensors" + i, "einsum");
        }
        return OpSupport.op("einsum", () -> {
            String eq = equation.replaceAll("\\s", "");
            int numArrows = (eq.length() - eq.replace("->", "").length()) / 2;
            if (numArrows < 1) {
                throw new IllegalArgumentException("Equations without an arrow are not supported.");
            } else if (numArrows > 1) {
                throw new IllegalArgumentException("Equation must contain exactly one arrow (\"->\").");
            }
            int arrow = eq.indexOf("->");
            String inputString = eq.substring(0, arrow);
            String outputString = eq.substring(arrow + 2);
            OpSupport.require(inputString.indexOf("...") == -1,
                    "The ellipsis notation (\"...\") is not supported yet.");
            String[] inputTerms = inputString.split(",", -1);
            int numInputs = inputTerms.length;
            if (tensors.length != numInputs) {
                throw new IllegalArgumentException("Expected " + numInputs + " input tensors, received "
                        + tensors.length);
            }
            if (numInputs > 2) {
                throw new IllegalArgumentException("Support for more than 2 input tensors is not implemented yet.");
            }
            List<Character> allDims = new ArrayList<>();
            for (int i = 0; i < outputString.length(); i++) {
                char d = outputString.charAt(i);
                boolean present = false;
                for (String term : inputTerms) {
                    present |= term.indexOf(d) != -1;
                }
                if (!present) {
                    throw new IllegalArgumentException("Output subscripts contain the label " + d
                            + " not present in the input subscripts.");
                }
                if (!allDims.contains(d)) {
                    allDims.add(d);
                }
            }
            for (int i = 0; i < inputString.length(); i++) {
                char d = inputString.charAt(i);
                if (!allDims.contains(d) && d != ',') {
                    allDims.add(d);
                }
            }
            int[][] idDims = new int[numInputs][];
            for (int i = 0; i < numInputs; i++) {
                String term = inputTerms[i];
                if (term.chars().distinct().count() != term.length()) {
                    throw new IllegalArgumentException("Found duplicate axes in input component " + term
                            + ". Support for duplicate axes in input is not implemented yet.");
                }
                idDims[i] = new int[term.length()];
                for (int j = 0; j < term.length(); j++) {
                    idDims[i][j] = allDims.indexOf(term.charAt(j));
                }
            }
            int numDims = allDims.size();
            int numOutDims = outputString.length();
            List<Integer> path = new ArrayList<>();
            for (int i = numOutDims; i < numDims; i++) {
                path.add(i);
            }
            // checkEinsumDimSizes
            int[] dimSizes = new int[numDims];
            java.util.Arrays.fill(dimSizes, -1);
            for (int i = 0; i < tensors.length; i++) {
                int[] shape = tensors[i].shape();
                for (int j = 0; j < idDims[i].length; j++) {
                    int id = idDims[i][j];
                    int size = j < shape.length ? shape[j] : -1;
                    if (dimSizes[id] == -1) {
                        dimSizes[id] = size;
                    } else if (dimSizes[id] != size) {
                        throw new IllegalArgumentException("Expected dimension " + dimSizes[id] + " at axis " + j
                                + " of input shaped " + jsonShape(shape) + ", but got dimension "
                                + (size == -1 ? "undefined" : String.valueOf(size)));
                    }
                }
            }
            // getEinsumComputePath (path aliases summedDims in TF.js: -1 is pushed to both)
            if (path.isEmpty()) {
                path.add(-1);
            }
            int nSteps = path.size() + 1;
            List<List<Integer>> steps = new ArrayList<>();
            for (int i = 0; i < nSteps; i++) {
                steps.add(new ArrayList<>());
            }
            List<Integer> computed = new ArrayList<>();
            for (int i = 0; i < path.size(); i++) {
                int dim = path.get(i);
                for (int t = 0; t < idDims.length; t++) {
                    boolean has = idDims[t].length == 0 || dim == -1;
                    for (int d : idDims[t]) {
                        has |= d == dim;
                    }
                    if (has && !computed.contains(t)) {
                        steps.get(i).add(t);
                        computed.add(t);
                    }
                }
            }
            int[][] stepArr = new int[nSteps][];
            for (int i = 0; i < nSteps; i++) {
                stepArr[i] = steps.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
            if (tensors.length == 1 && path.get(0) == -1 && idDims[0].length == numDims) {
                boolean identity = true;
                for (int k = 0; k < numDims; k++) {
                    identity &= idDims[0][k] == k;
                }
                if (identity) {
                    // TF.js's kernel hands back its input tensor itself.
                    return tensors[0];
                }
            }
            Tensor[] in = tensors.clone();
            if (in.length == 2 && in[0].dtype() != in[1].dtype()) {
                DType t = DType.upcast(in[0].dtype(), in[1].dtype());
                in[0] = Transform.cast(in[0], t);
                in[1] = Transform.cast(in[1], t);
            }
            return OpSupport.run("Einsum", Attrs.of().put("equation", equation).put("idDims", idDims)
                    .put("numDims", numDims).put("path", path.stream().mapToInt(Integer::intValue).toArray())
                    .put("steps", stepArr), in);
        });
    }

    private static String jsonShape(int[] s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(s[i]);
        }
        return sb.append(']').toString();
    }
}
