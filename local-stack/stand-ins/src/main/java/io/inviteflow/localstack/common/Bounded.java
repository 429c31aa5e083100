package io.inviteflow.localstack.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stand-in's memory: the newest entries only, so a demo running for days keeps a steady heap. Stripe keeps
 * idempotency keys 24 hours and objects forever; here the oldest are forgotten first once {@code max} is reached.
 */
public final class Bounded {

    private Bounded() {
    }

    public static <K, V> Map<K, V> map(int max) {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        });
    }
}
