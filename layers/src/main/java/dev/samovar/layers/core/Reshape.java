package dev.samovar.layers.core;

import dev.samovar.core.Engine;
import dev.samovar.core.Tensor;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.Dims;
import dev.samovar.ops.Transform;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reshapes all but the batch axis to {@code targetShape} (TF.js's Reshape); one dimension may be
 * unknown (null or negative) and is inferred. On symbolic inputs with an unknown dimension (the
 * batch) the target shape is used as given, as in TF.js.
 */
public class Reshape extends Layer {
    private final int[] targetShape;

    public Reshape(Args args) {
        super(args);
        if (!args.has("targetShape")) {
            throw new IllegalArgumentException("Cannot read properties of undefined (reading 'length')");
        }
        this.targetShape = args.getShape("targetShape");
    }

    public int[] targetShape() {
        return targetShape.clone();
    }

    @Override
    public String getClassName() {
        return "Reshape";
    }

    private int[] fixUnknownDimension(int[] inputShape, int[] outputShape) {
        String errorMsg = "Total size of new array must be unchanged.";
        int[] finalShape = outputShape.clone();
        int known = 1;
        int unknown = -1;
        for (int i = 0; i < finalShape.length; i++) {
            if (Dims.isUnknown(finalShape[i])) {
                if (unknown == -1) {
                    unknown = i;
                } else {
                    throw new IllegalArgumentException("Can only specifiy one unknown dimension.");
                }
            } else {
                known *= finalShape[i];
            }
        }
        int originalSize = Dims.prod(inputShape);
        if (unknown != -1) {
            if (known == 0 || originalSize % known != 0) {
                throw new IllegalArgumentException(errorMsg);
            }
            finalShape[unknown] = originalSize / known;
        } else if (originalSize != known) {
            throw new IllegalArgumentException(errorMsg);
        }
        return finalShape;
    }

    @Override
    public List<int[]> computeOutputShape(List<int[]> inputShapes) {
        int[] inputShape = inputShapes.get(0);
        if (Dims.anyUnknown(inputShape)) {
            return one(Dims.prepend(inputShape[0], targetShape));
        }
        return one(Dims.prepend(inputShape[0],
                fixUnknownDimension(Arrays.copyOfRange(inputShape, 1, inputShape.length), targetShape)));
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, Map<String, Object> kwargs) {
        return Engine.get().tidy(() -> {
            Tensor input = oneTensor(inputs);
            int[] s = input.shapeRef();
            int[] out = Dims.prepend(s[0], fixUnknownDimension(Arrays.copyOfRange(s, 1, s.length), targetShape));
            return one(Transform.reshape(input, out));
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("targetShape", Dims.toList(targetShape));
        return merge(config, super.getConfig());
    }
}
