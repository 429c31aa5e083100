package io.inviteflow.localstack.common;

import java.security.SecureRandom;

/** Object ids shaped like the providers': Stripe's (a prefix and 24 alphanumerics) and PayPal's (17 capitals and digits). */
public final class Ids {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** {@code pi_3MtwBwLkdIwHu7ix28a3tqPa} */
    public static String next(String prefix) {
        return prefix + "_" + random(ALPHABET, 24);
    }

    /** {@code 5O190127TN364715T} */
    public static String capitals(int length) {
        return random(ALPHABET.substring(0, 36), length);
    }

    private static String random(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
