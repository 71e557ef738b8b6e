package dev.samovar.convert;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Runs a conversion into a temporary sibling of the output ({@code .NAME.samovar-tmp-N}) and moves
 * it into place only when it is complete; on failure the temporary output is removed, so nothing
 * half-written is left. An existing output is replaced only with --overwrite (and an existing folder
 * only when it holds nothing but a TF.js model's files, so a mistyped path cannot wipe a folder).
 */
public final class Output {
    private Output() {
    }

    public static Summary run(Formats.Conversion conversion, Request request, Path target, boolean folder,
            boolean overwrite) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new UsageException(target + ": cannot write to the file system root");
        }
        if (Files.exists(abs)) {
            boolean emptyFolder = folder && Files.isDirectory(abs) && isEmpty(abs);
            if (!emptyFolder) {
                if (!overwrite) {
                    throw new UsageException(target + " already exists; give --overwrite to replace it");
                }
                if (folder && !Files.isDirectory(abs)) {
                    throw new UsageException(target + " is a file; the output of " + conversion.output + " is a folder");
                }
                if (!folder && Files.isDirectory(abs)) {
                    throw new UsageException(target + " is a folder; the output of " + conversion.output + " is a file");
                }
                if (folder) {
                    String foreign = foreignFile(abs);
                    if (foreign != null) {
                        throw new UsageException(target + " holds " + foreign + ", which is not part of a TF.js model; "
                                + "--overwrite only replaces a folder of model.json and .bin files");
                    }
                }
            }
        }
        Path input = request.input.toAbsolutePath().normalize();
        if (folder && input.startsWith(abs)) {
            throw new UsageException(target + ": the output folder contains the input " + request.inputName);
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new ConversionException(target + ": cannot create its folder: " + e.getMessage(), e);
        }
        Path tmp = parent.resolve("." + abs.getFileName() + ".samovar-tmp-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        boolean ok = false;
        try {
            if (folder) {
                Files.createDirectory(tmp);
            }
            Summary s = conversion.converter.convert(request, tmp);
            if (Files.exists(abs)) {
                deleteTree(abs);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs);
            }
            ok = true;
            return s;
        } catch (IOException e) {
            throw new ConversionException(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (!ok) {
                try {
                    deleteTree(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary output is ours
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** A file in {@code dir} that a TF.js model folder would not hold, or null. */
    private static String foreignFile(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (Files.isDirectory(p) || !(n.endsWith(".json") || n.endsWith(".bin"))) {
                    return n;
                }
            }
        } catch (IOException e) {
            return "unreadable entries (" + e.getMessage() + ")";
        }
        return null;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
