package dev.samovar.cpu;

import dev.samovar.core.Backend;
import dev.samovar.core.BackendProvider;
import dev.samovar.cpu.kernels.CpuKernels;

/** Registers the CPU backend (priority 1, as in TF.js) and its kernels. */
public final class CpuBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return CpuBackend.NAME;
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public void registerKernels() {
        CpuKernels.registerAll();
    }

    @Override
    public Backend create() {
        return new CpuBackend();
    }
}
