package dev.samovar.layers;

import dev.samovar.layers.core.ActivationLayer;
import dev.samovar.layers.core.Dense;
import dev.samovar.layers.core.Dropout;
import dev.samovar.layers.core.Flatten;
import dev.samovar.layers.core.Reshape;
import dev.samovar.layers.engine.InputLayer;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerRegistry;
import dev.samovar.layers.serialization.Args;

/**
 * The layer factories of TF.js's {@code tf.layers}, taking TF.js's argument objects as
 * {@link Args} (camelCase keys): {@code Layers.dense(Args.of("units", 3, "activation", "relu"))}.
 * {@link #create} makes any registered class by Keras class name.
 */
public final class Layers {
    private Layers() {
    }

    /** Any registered layer class by Keras class name ({@code "Dense"}), from TF.js-style arguments. */
    public static Layer create(String className, Args args) {
        return LayerRegistry.create(className, args);
    }

    public static Dense dense(Args args) {
        return new Dense(args);
    }

    public static ActivationLayer activation(Args args) {
        return new ActivationLayer(args);
    }

    public static Flatten flatten(Args args) {
        return new Flatten(args);
    }

    public static Reshape reshape(Args args) {
        return new Reshape(args);
    }

    public static Dropout dropout(Args args) {
        return new Dropout(args);
    }

    public static InputLayer inputLayer(Args args) {
        return new InputLayer(args);
    }
    /** {@code tf.layers.conv1d(args)}. */
    public static Layer conv1d(Args args) {
        return create("Conv1D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.conv2d(args)}. */
    public static Layer conv2d(Args args) {
        return create("Conv2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.conv2dTranspose(args)}. */
    public static Layer conv2dTranspose(Args args) {
        return create("Conv2DTranspose", args == null ? new Args() : args);
    }

    /** {@code tf.layers.conv3d(args)}. */
    public static Layer conv3d(Args args) {
        return create("Conv3D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.conv3dTranspose(args)}. */
    public static Layer conv3dTranspose(Args args) {
        return create("Conv3DTranspose", args == null ? new Args() : args);
    }

    /** {@code tf.layers.maxPooling3d(args)}. */
    public static Layer maxPooling3d(Args args) {
        return create("MaxPooling3D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.averagePooling3d(args)}. */
    public static Layer averagePooling3d(Args args) {
        return create("AveragePooling3D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.depthwiseConv2d(args)}. */
    public static Layer depthwiseConv2d(Args args) {
        return create("DepthwiseConv2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.separableConv2d(args)}. */
    public static Layer separableConv2d(Args args) {
        return create("SeparableConv2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.maxPooling1d(args)}. */
    public static Layer maxPooling1d(Args args) {
        return create("MaxPooling1D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.maxPooling2d(args)}. */
    public static Layer maxPooling2d(Args args) {
        return create("MaxPooling2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.averagePooling1d(args)}. */
    public static Layer averagePooling1d(Args args) {
        return create("AveragePooling1D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.averagePooling2d(args)}. */
    public static Layer averagePooling2d(Args args) {
        return create("AveragePooling2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.globalAveragePooling1d(args)}. */
    public static Layer globalAveragePooling1d(Args args) {
        return create("GlobalAveragePooling1D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.globalAveragePooling2d(args)}. */
    public static Layer globalAveragePooling2d(Args args) {
        return create("GlobalAveragePooling2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.globalMaxPooling1d(args)}. */
    public static Layer globalMaxPooling1d(Args args) {
        return create("GlobalMaxPooling1D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.globalMaxPooling2d(args)}. */
    public static Layer globalMaxPooling2d(Args args) {
        return create("GlobalMaxPooling2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.batchNormalization(args)}. */
    public static Layer batchNormalization(Args args) {
        return create("BatchNormalization", args == null ? new Args() : args);
    }

    /** {@code tf.layers.layerNormalization(args)}. */
    public static Layer layerNormalization(Args args) {
        return create("LayerNormalization", args == null ? new Args() : args);
    }

    /** {@code tf.layers.add(args)}. */
    public static Layer add(Args args) {
        return create("Add", args == null ? new Args() : args);
    }

    /** {@code tf.layers.multiply(args)}. */
    public static Layer multiply(Args args) {
        return create("Multiply", args == null ? new Args() : args);
    }

    /** {@code tf.layers.average(args)}. */
    public static Layer average(Args args) {
        return create("Average", args == null ? new Args() : args);
    }

    /** {@code tf.layers.maximum(args)}. */
    public static Layer maximum(Args args) {
        return create("Maximum", args == null ? new Args() : args);
    }

    /** {@code tf.layers.minimum(args)}. */
    public static Layer minimum(Args args) {
        return create("Minimum", args == null ? new Args() : args);
    }

    /** {@code tf.layers.concatenate(args)}. */
    public static Layer concatenate(Args args) {
        return create("Concatenate", args == null ? new Args() : args);
    }

    /** {@code tf.layers.dot(args)}. */
    public static Layer dot(Args args) {
        return create("Dot", args == null ? new Args() : args);
    }

    /** {@code tf.layers.zeroPadding2d(args)}. */
    public static Layer zeroPadding2d(Args args) {
        return create("ZeroPadding2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.cropping2D(args)}. */
    public static Layer cropping2D(Args args) {
        return create("Cropping2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.upSampling2d(args)}. */
    public static Layer upSampling2d(Args args) {
        return create("UpSampling2D", args == null ? new Args() : args);
    }

    /** {@code tf.layers.rescaling(args)}. */
    public static Layer rescaling(Args args) {
        return create("Rescaling", args == null ? new Args() : args);
    }

    /** {@code tf.layers.resizing(args)}. */
    public static Layer resizing(Args args) {
        return create("Resizing", args == null ? new Args() : args);
    }

    /** {@code tf.layers.centerCrop(args)}. */
    public static Layer centerCrop(Args args) {
        return create("CenterCrop", args == null ? new Args() : args);
    }

    /** {@code tf.layers.reLU(args)}. */
    public static Layer reLU(Args args) {
        return create("ReLU", args == null ? new Args() : args);
    }

    /** {@code tf.layers.leakyReLU(args)}. */
    public static Layer leakyReLU(Args args) {
        return create("LeakyReLU", args == null ? new Args() : args);
    }

    /** {@code tf.layers.prelu(args)}. */
    public static Layer prelu(Args args) {
        return create("PReLU", args == null ? new Args() : args);
    }

    /** {@code tf.layers.elu(args)}. */
    public static Layer elu(Args args) {
        return create("ELU", args == null ? new Args() : args);
    }

    /** {@code tf.layers.softmax(args)}. */
    public static Layer softmax(Args args) {
        return create("Softmax", args == null ? new Args() : args);
    }

    /** {@code tf.layers.thresholdedReLU(args)}. */
    public static Layer thresholdedReLU(Args args) {
        return create("ThresholdedReLU", args == null ? new Args() : args);
    }

    /** {@code tf.layers.gaussianNoise(args)}. */
    public static Layer gaussianNoise(Args args) {
        return create("GaussianNoise", args == null ? new Args() : args);
    }

    /** {@code tf.layers.gaussianDropout(args)}. */
    public static Layer gaussianDropout(Args args) {
        return create("GaussianDropout", args == null ? new Args() : args);
    }

    /** {@code tf.layers.permute(args)}. */
    public static Layer permute(Args args) {
        return create("Permute", args == null ? new Args() : args);
    }

    /** {@code tf.layers.repeatVector(args)}. */
    public static Layer repeatVector(Args args) {
        return create("RepeatVector", args == null ? new Args() : args);
    }

    /** {@code tf.layers.spatialDropout1d(args)}. */
    public static Layer spatialDropout1d(Args args) {
        return create("SpatialDropout1D", args == null ? new Args() : args);
    }
}
