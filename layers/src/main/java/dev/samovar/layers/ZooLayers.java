package dev.samovar.layers;

import dev.samovar.layers.advanced.AdvancedActivations;
import dev.samovar.layers.convolutional.Conv2DTranspose;
import dev.samovar.layers.convolutional.Conv3DTranspose;
import dev.samovar.layers.convolutional.ConvLayer;
import dev.samovar.layers.convolutional.DepthwiseConv2D;
import dev.samovar.layers.convolutional.SeparableConv2D;
import dev.samovar.layers.core.MoreCore;
import dev.samovar.layers.engine.Layer;
import dev.samovar.layers.engine.LayerProvider;
import dev.samovar.layers.merge.Merge;
import dev.samovar.layers.noise.Noise;
import dev.samovar.layers.normalization.BatchNormalization;
import dev.samovar.layers.normalization.LayerNormalization;
import dev.samovar.layers.padding.Padding;
import dev.samovar.layers.pooling.Pooling;
import dev.samovar.layers.preprocessing.Preprocessing;
import dev.samovar.layers.pooling.Pooling3D;
import dev.samovar.layers.serialization.Args;
import dev.samovar.layers.serialization.ClassRegistry;

/**
 * The non-recurrent layer families by Keras class name (convolutional, pooling, normalization,
 * merge, padding, advanced activations, noise, Permute / RepeatVector / SpatialDropout1D); found
 * through ServiceLoader.
 */
public final class ZooLayers implements LayerProvider {
    @Override
    public void registerLayers(ClassRegistry<Layer> r) {
        r.register("Conv1D", (c, ctx) -> ConvLayer.conv1d(new Args(c)));
        r.register("Conv2D", (c, ctx) -> ConvLayer.conv2d(new Args(c)));
        r.register("Conv2DTranspose", (c, ctx) -> new Conv2DTranspose(new Args(c)));
        r.register("DepthwiseConv2D", (c, ctx) -> new DepthwiseConv2D(new Args(c)));
        r.register("SeparableConv2D", (c, ctx) -> new SeparableConv2D(new Args(c)));
        r.register("MaxPooling1D", (c, ctx) -> new Pooling.MaxPooling1D(new Args(c)));
        r.register("AveragePooling1D", (c, ctx) -> new Pooling.AveragePooling1D(new Args(c)));
        r.register("MaxPooling2D", (c, ctx) -> new Pooling.MaxPooling2D(new Args(c)));
        r.register("AveragePooling2D", (c, ctx) -> new Pooling.AveragePooling2D(new Args(c)));
        r.register("GlobalAveragePooling1D",
                (c, ctx) -> new Pooling.GlobalAveragePooling1D(new Args(c)));
        r.register("GlobalMaxPooling1D",
                (c, ctx) -> new Pooling.GlobalMaxPooling1D(new Args(c)));
        r.register("GlobalAveragePooling2D",
                (c, ctx) -> new Pooling.GlobalAveragePooling2D(new Args(c)));
        r.register("GlobalMaxPooling2D",
                (c, ctx) -> new Pooling.GlobalMaxPooling2D(new Args(c)));
        r.register("BatchNormalization", (c, ctx) -> new BatchNormalization(new Args(c)));
        r.register("LayerNormalization", (c, ctx) -> new LayerNormalization(new Args(c)));
        for (String n : new String[] {"Add", "Multiply", "Average", "Maximum", "Minimum"}) {
            r.register(n, (c, ctx) -> Merge.Elementwise.of(n, new Args(c)));
        }
        r.register("Concatenate", (c, ctx) -> new Merge.Concatenate(new Args(c)));
        r.register("Dot", (c, ctx) -> new Merge.Dot(new Args(c)));
        r.register("ZeroPadding2D", (c, ctx) -> new Padding.ZeroPadding2D(new Args(c)));
        r.register("Cropping2D", (c, ctx) -> new Padding.Cropping2D(new Args(c)));
        r.register("UpSampling2D", (c, ctx) -> new Padding.UpSampling2D(new Args(c)));
        r.register("ReLU", (c, ctx) -> new AdvancedActivations.ReLU(new Args(c)));
        r.register("LeakyReLU", (c, ctx) -> new AdvancedActivations.LeakyReLU(new Args(c)));
        r.register("PReLU", (c, ctx) -> new AdvancedActivations.PReLU(new Args(c)));
        r.register("ELU", (c, ctx) -> new AdvancedActivations.ELU(new Args(c)));
        r.register("ThresholdedReLU", (c, ctx) -> new AdvancedActivations.ThresholdedReLU(new Args(c)));
        r.register("Softmax", (c, ctx) -> new AdvancedActivations.Softmax(new Args(c)));
        r.register("GaussianNoise", (c, ctx) -> new Noise.GaussianNoise(new Args(c)));
        r.register("GaussianDropout", (c, ctx) -> new Noise.GaussianDropout(new Args(c)));
        r.register("AlphaDropout", (c, ctx) -> new Noise.AlphaDropout(new Args(c)));
        r.register("CategoryEncoding",
                (c, ctx) -> new dev.samovar.layers.preprocessing.CategoryEncoding(new Args(c)));
        r.register("Permute", (c, ctx) -> new MoreCore.Permute(new Args(c)));
        r.register("RepeatVector", (c, ctx) -> new MoreCore.RepeatVector(new Args(c)));
        r.register("SpatialDropout1D", (c, ctx) -> new MoreCore.SpatialDropout1D(new Args(c)));
        r.register("Rescaling", (c, ctx) -> new Preprocessing.Rescaling(new Args(c)));
        r.register("Resizing", (c, ctx) -> new Preprocessing.Resizing(new Args(c)));
        r.register("CenterCrop", (c, ctx) -> new Preprocessing.CenterCrop(new Args(c)));
        r.register("Conv3D", (c, ctx) -> ConvLayer.conv3d(new Args(c)));
        r.register("Conv3DTranspose", (c, ctx) -> new Conv3DTranspose(new Args(c)));
        r.register("MaxPooling3D", (c, ctx) -> new Pooling3D.MaxPooling3D(new Args(c)));
        r.register("AveragePooling3D", (c, ctx) -> new Pooling3D.AveragePooling3D(new Args(c)));
    }
}
