package dev.samovar.layers.engine;

import dev.samovar.layers.serialization.Dims;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** TF.js's printSummary (utils/layer_utils.js): the same table, character for character. */
final class Summary {
    private Summary() {
    }

    static void print(LayersModel model, Integer lineLength, double[] positions, Consumer<String> printFn) {
        boolean sequentialLike = isSequentialLike(model);
        List<String> toDisplay = new ArrayList<>();
        toDisplay.add("Layer (type)");
        toDisplay.add("Input Shape");
        toDisplay.add("Output shape");
        toDisplay.add("Param #");
        int len;
        double[] pos;
        if (sequentialLike) {
            len = lineLength == null || lineLength == 0 ? 90 : lineLength;
            pos = positions == null || positions.length == 0 ? new double[] {0.32, 0.61, 0.89, 1} : positions;
        } else {
            len = lineLength == null || lineLength == 0 ? 115 : lineLength;
            pos = positions == null || positions.length == 0 ? new double[] {0.24, 0.48, 0.70, 0.80, 1} : positions;
        }
        int[] abs = new int[pos.length];
        boolean relative = pos[pos.length - 1] <= 1;
        for (int i = 0; i < pos.length; i++) {
            abs[i] = relative ? (int) Math.floor(len * pos[i]) : (int) pos[i];
        }
        List<Node> relevantNodes = null;
        if (!sequentialLike) {
            toDisplay.add("Receives inputs");
            relevantNodes = new ArrayList<>();
            for (List<Node> nodes : model.nodesByDepth.values()) {
                relevantNodes.addAll(nodes);
            }
        }
        printFn.accept(repeat('_', len));
        printRow(toDisplay, abs, printFn);
        printFn.accept(repeat('=', len));
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (sequentialLike) {
                printLayer(layers.get(i), abs, printFn);
            } else {
                printLayerWithConnections(layers.get(i), abs, relevantNodes, printFn);
            }
            printFn.accept(repeat(i == layers.size() - 1 ? '=' : '_', len));
        }
        model.checkTrainableWeightsConsistency();
        List<LayerVariable> collected = model.collectedTrainableWeights();
        int trainableCount = Layer.countParamsIn(collected != null ? collected : model.trainableWeights());
        int nonTrainableCount = Layer.countParamsIn(model.nonTrainableWeights());
        printFn.accept("Total params: " + (trainableCount + nonTrainableCount));
        printFn.accept("Trainable params: " + trainableCount);
        printFn.accept("Non-trainable params: " + nonTrainableCount);
        printFn.accept(repeat('_', len));
    }

    private static boolean isSequentialLike(LayersModel model) {
        boolean sequentialLike = true;
        List<Node> nodes = new ArrayList<>();
        for (List<Node> depthNodes : model.nodesByDepth.values()) {
            if (depthNodes.size() > 1 || (depthNodes.size() == 1 && depthNodes.get(0).inboundLayers.size() > 1)) {
                sequentialLike = false;
                break;
            }
            nodes.addAll(depthNodes);
        }
        if (sequentialLike) {
            for (Layer layer : model.layers()) {
                boolean flag = false;
                for (Node node : layer.inboundNodes) {
                    if (nodes.contains(node)) {
                        if (flag) {
                            sequentialLike = false;
                            break;
                        }
                        flag = true;
                    }
                }
                if (!sequentialLike) {
                    break;
                }
            }
        }
        return sequentialLike;
    }

    private static String repeat(char c, int n) {
        StringBuilder sb = new StringBuilder(Math.max(0, n));
        for (int i = 0; i < n; i++) {
            sb.append(c);
        }
        return sb.toString();
    }

    private static void printRow(List<String> fields, int[] positions, Consumer<String> printFn) {
        String line = "";
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line = line.substring(0, Math.max(0, line.length() - 1)) + " ";
            }
            line += fields.get(i);
            line = line.substring(0, Math.min(line.length(), Math.max(0, positions[i])));
            line += repeat(' ', positions[i] - line.length());
        }
        printFn.accept(line);
    }

    private static String inputShapes(Layer layer) {
        List<String> parts = new ArrayList<>();
        for (Node n : layer.inboundNodes) {
            parts.add(Dims.json(n.inputShapes));
        }
        return String.join(",", parts);
    }

    private static String outputShape(Layer layer) {
        try {
            List<int[]> s = layer.outputShape();
            return s.size() == 1 ? Dims.json(s.get(0)) : Dims.json(s);
        } catch (RuntimeException e) {
            return "multiple";
        }
    }

    private static void printLayer(Layer layer, int[] positions, Consumer<String> printFn) {
        List<String> fields = new ArrayList<>();
        fields.add(layer.name() + " (" + layer.getClassName() + ")");
        fields.add(inputShapes(layer));
        fields.add(outputShape(layer));
        fields.add(String.valueOf(layer.countParams()));
        printRow(fields, positions, printFn);
    }

    private static void printLayerWithConnections(Layer layer, int[] positions, List<Node> relevantNodes,
            Consumer<String> printFn) {
        String inputShape = inputShapes(layer);
        String outputShape = outputShape(layer);
        List<String> connections = new ArrayList<>();
        for (Node node : layer.inboundNodes) {
            if (relevantNodes != null && !relevantNodes.isEmpty() && !relevantNodes.contains(node)) {
                continue;
            }
            for (int i = 0; i < node.inboundLayers.size(); i++) {
                connections.add(node.inboundLayers.get(i).name() + "[" + node.nodeIndices.get(i) + "]["
                        + node.tensorIndices.get(i) + "]");
            }
        }
        List<String> fields = new ArrayList<>();
        fields.add(layer.name() + " (" + layer.getClassName() + ")");
        fields.add(inputShape);
        fields.add(outputShape);
        fields.add(String.valueOf(layer.countParams()));
        fields.add(connections.isEmpty() ? "" : connections.get(0));
        printRow(fields, positions, printFn);
        for (int i = 1; i < connections.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add("");
            row.add("");
            row.add("");
            row.add("");
            row.add(connections.get(i));
            printRow(row, positions, printFn);
        }
    }
}
