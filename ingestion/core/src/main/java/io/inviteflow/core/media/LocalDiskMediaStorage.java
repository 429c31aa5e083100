package io.inviteflow.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Media in a folder: written to a temporary file and moved into place, so a reader never sees half a file. */
final class LocalDiskMediaStorage implements MediaStorage {

    private final Path root;

    LocalDiskMediaStorage(Path root) {
        this.root = root.toAbsolutePath();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folder " + this.root, e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = resolve(key);
        if (Files.exists(target)) {
            return; // same key, same bytes
        }
        try {
            Path temp = Files.createTempFile(root, ".upload-", ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + key, e);
        }
    }

    @Override
    public Optional<Long> size(String key) {
        Path file = resolve(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.size(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) {
        try {
            SeekableByteChannel channel = Files.newByteChannel(resolve(key));
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
    }

    /** Keys are hashes with an extension; anything else (a path, "..") is refused before it touches the disk. */
    private Path resolve(String key) {
        if (!MediaKeys.valid(key)) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return root.resolve(key);
    }
}
