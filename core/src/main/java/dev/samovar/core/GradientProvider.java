package dev.samovar.core;

/**
 * Found through {@link java.util.ServiceLoader}: registers kernel gradients with
 * {@link GradientRegistry} ({@code META-INF/services/dev.samovar.core.GradientProvider}).
 */
public interface GradientProvider {
    void registerGradients();
}
