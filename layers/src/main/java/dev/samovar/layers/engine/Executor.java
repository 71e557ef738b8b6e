package dev.samovar.layers.engine;

import dev.samovar.core.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates symbolic tensors from fed values (TF.js's engine/executor.js): sorts the needed
 * symbolic tensors topologically, applies each source layer to concrete values, and (unless
 * training) disposes an intermediate value as soon as its last consumer has run.
 */
public final class Executor {
    private Executor() {
    }

    /**
     * The values of {@code fetches}. {@code kwargs} (may be null) go to every layer's call;
     * {@code training: true} keeps intermediate values alive (for gradients).
     */
    public static List<Tensor> execute(List<SymbolicTensor> fetches, FeedDict feedDict, Map<String, Object> kwargs) {
        boolean training = kwargs != null && Boolean.TRUE.equals(kwargs.get("training"));
        List<String> outputNames = new ArrayList<>();
        for (SymbolicTensor t : fetches) {
            outputNames.add(t.name());
        }
        List<Tensor> finalOutputs = new ArrayList<>();
        List<String> feedNames = feedDict.names();
        for (String outputName : outputNames) {
            finalOutputs.add(feedNames.contains(outputName) ? feedDict.getValue(outputName) : null);
        }
        Sorted s = sort(fetches, feedDict);
        Map<String, Integer> recipientCounts = new HashMap<>();
        if (!training) {
            recipientCounts.putAll(s.recipientCounts);
        }
        FeedDict internal = new FeedDict(feedDict);
        Map<String, Object> kw = kwargs;
        for (SymbolicTensor symbolic : s.sorted) {
            Layer srcLayer = symbolic.sourceLayer();
            if (srcLayer instanceof InputLayer) {
                continue;
            }
            List<Tensor> inputValues = new ArrayList<>();
            List<Tensor> inputMasks = new ArrayList<>();
            List<Tensor> toDispose = new ArrayList<>();
            boolean maskExists = false;
            for (SymbolicTensor input : symbolic.inputs()) {
                Tensor value = internal.getValue(input);
                Tensor mask = internal.getMask(input);
                inputValues.add(value);
                inputMasks.add(mask);
                if (mask != null) {
                    maskExists = true;
                }
                if (!training) {
                    Integer c = recipientCounts.get(input.name());
                    int count = (c == null ? 0 : c) - 1;
                    recipientCounts.put(input.name(), count);
                    if (count == 0 && !feedDict.hasKey(input) && !outputNames.contains(input.name())
                            && !value.isDisposed() && !input.sourceLayer().stateful()) {
                        toDispose.add(value);
                    }
                }
            }
            if (maskExists) {
                if (kw == null) {
                    kw = new LinkedHashMap<>();
                }
                kw.put("mask", inputMasks.get(0));
            }
            List<Object> out = srcLayer.apply(inputValues, kw);
            List<Tensor> outputTensors = new ArrayList<>();
            for (Object o : out) {
                outputTensors.add((Tensor) o);
            }
            List<Tensor> outputMask = null;
            if (srcLayer.supportsMasking()) {
                outputMask = srcLayer.computeMask(inputValues, inputMasks);
            }
            List<SymbolicTensor> layerOutputs = nodeOutputs(symbolic);
            for (int i = 0; i < layerOutputs.size(); i++) {
                SymbolicTensor st = layerOutputs.get(i);
                if (!internal.hasKey(st)) {
                    internal.add(st, outputTensors.get(i),
                            outputMask == null || outputMask.isEmpty() ? null : outputMask.get(0));
                }
                int index = outputNames.indexOf(st.name());
                if (index != -1) {
                    finalOutputs.set(index, outputTensors.get(i));
                }
            }
            if (!training) {
                for (Tensor t : toDispose) {
                    t.dispose();
                }
            }
        }
        internal.disposeMasks();
        return finalOutputs;
    }

    /** The output tensors of the node that made {@code fetch}. */
    private static List<SymbolicTensor> nodeOutputs(SymbolicTensor fetch) {
        Layer layer = fetch.sourceLayer();
        if (layer.inboundNodes().size() == 1) {
            return layer.output();
        }
        Integer nodeIndex = null;
        for (int i = 0; i < layer.inboundNodes().size() && nodeIndex == null; i++) {
            for (SymbolicTensor t : layer.inboundNodes().get(i).outputTensors) {
                if (t.id() == fetch.id()) {
                    nodeIndex = i;
                    break;
                }
            }
        }
        return layer.getOutputAt(nodeIndex == null ? 0 : nodeIndex);
    }

    static final class Sorted {
        final List<SymbolicTensor> sorted;
        final Map<String, Integer> recipientCounts;

        Sorted(List<SymbolicTensor> sorted, Map<String, Integer> recipientCounts) {
            this.sorted = sorted;
            this.recipientCounts = recipientCounts;
        }
    }

    static Sorted sort(List<SymbolicTensor> fetches, FeedDict feedDict) {
        if (fetches == null || fetches.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one fetch, got none");
        }
        List<SymbolicTensor> finalSorted = new ArrayList<>();
        Map<String, Set<String>> finalRecipients = new LinkedHashMap<>();
        if (fetches.size() == 1) {
            sortOne(fetches.get(0), feedDict, finalSorted, finalRecipients);
        } else {
            Set<String> visited = new HashSet<>();
            for (SymbolicTensor fetch : fetches) {
                List<SymbolicTensor> sorted = new ArrayList<>();
                Map<String, Set<String>> recipients = new LinkedHashMap<>();
                sortOne(fetch, feedDict, sorted, recipients);
                for (SymbolicTensor t : sorted) {
                    if (visited.add(t.name())) {
                        finalSorted.add(t);
                    }
                }
                for (Map.Entry<String, Set<String>> e : recipients.entrySet()) {
                    finalRecipients.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).addAll(e.getValue());
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : finalRecipients.entrySet()) {
            counts.put(e.getKey(), e.getValue().size());
        }
        return new Sorted(finalSorted, counts);
    }

    /** Depth-first, iterative (TF.js's getTopologicalSortAndRecipientCountsForOneFetch). */
    private static void sortOne(SymbolicTensor fetch, FeedDict feedDict, List<SymbolicTensor> sorted,
            Map<String, Set<String>> recipientMap) {
        Set<String> visited = new HashSet<>(feedDict.names());
        List<SymbolicTensor> stack = new ArrayList<>();
        List<Integer> marks = new ArrayList<>();
        stack.add(fetch);
        while (!stack.isEmpty()) {
            SymbolicTensor top = stack.get(stack.size() - 1);
            if (visited.contains(top.name())) {
                stack.remove(stack.size() - 1);
                continue;
            }
            boolean topIsMarked = !marks.isEmpty() && marks.get(marks.size() - 1) == stack.size() - 1;
            if (top.inputs().isEmpty() || topIsMarked) {
                stack.remove(stack.size() - 1);
                sorted.add(top);
                visited.add(top.name());
                if (topIsMarked) {
                    marks.remove(marks.size() - 1);
                }
            } else {
                marks.add(stack.size() - 1);
                for (SymbolicTensor input : top.inputs()) {
                    recipientMap.computeIfAbsent(input.name(), k -> new LinkedHashSet<>()).add(top.name());
                    if (visited.contains(input.name())) {
                        continue;
                    }
                    stack.add(input);
                }
            }
        }
    }
}
