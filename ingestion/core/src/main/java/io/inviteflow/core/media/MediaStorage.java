package io.inviteflow.core.media;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where media bytes live: local disk by default, any S3 API (AWS, MinIO, Ceph, S3Mock) when configured. Keys are
 * content hashes, so an object is written once and never changes.
 */
public interface MediaStorage {

    void put(String key, byte[] content, String contentType);

    /** The object's size, or empty when there is no such object. */
    Optional<Long> size(String key);

    /** Removes the object; nothing happens when there is none. */
    void delete(String key);

    /** {@code length} bytes from {@code offset}: what an HTTP range request asks for. */
    InputStream read(String key, long offset, long length);
}
