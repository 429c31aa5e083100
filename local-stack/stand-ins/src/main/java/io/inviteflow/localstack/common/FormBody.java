package io.inviteflow.localstack.common;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Form-encoded bodies (Stripe nests keys in brackets: {@code metadata[order_id]=…}). */
public final class FormBody {

    private FormBody() {
    }

    public static Map<String, String> parse(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(key, value);
        }
        return fields;
    }

    /** The entries under {@code prefix[…]}, e.g. every {@code metadata[key]}. */
    public static Map<String, String> nested(Map<String, String> fields, String prefix) {
        Map<String, String> nested = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith(prefix + "[") && k.endsWith("]")) {
                nested.put(k.substring(prefix.length() + 1, k.length() - 1), v);
            }
        });
        return nested;
    }
}
