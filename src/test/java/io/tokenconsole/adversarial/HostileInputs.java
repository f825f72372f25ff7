package io.tokenconsole.adversarial;

import java.util.List;
import java.util.Random;

/**
 * Makes hostile text: fragments that sent the old scanners into backtracking or made readers hold
 * everything, repeated, mixed, cut and sprinkled with control characters. One seed, one sequence.
 */
final class HostileInputs {

    private static final List<String> FRAGMENTS = List.of(
            "eyJ", ".", "eyJhbGciOiJSUzI1NiJ9", "aaaaaaaaaaaa", "-", "_", "=", "!", " ", "\n", "\r\n", "\t",
            "\"", "'", "`", ",", ";", ":", "{", "}", "[", "]", "\\", "userToken", "userToken: '", "Bearer ",
            "Authorization: ", "authorization=", "Basic ", "-----BEGIN PUBLIC KEY-----", "-----END ", "-----BEGIN ",
            "{\"keys\": [", "{\"kty\": \"RSA\", \"n\": \"", "\u0000", "\u001b[2J", "\u009b", "\u202e", "\uFEFF", "é", "\uD83D\uDE00",
            "+999999999-12-31T23:59:59Z", "9223372036854775807", "-1", "1e309", "NaN", "null", "true", "\"user_token\": \"",
            "018051aa-f7a9-a0db-2f38-6cfa325e9d69", "=cmd|' /C calc'!A0", "@SUM(1)", "%00", "%s%n");

    private final Random random;

    HostileInputs(long seed) {
        random = new Random(seed);
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Up to {@code longest} characters of mixed fragments, with long runs of one of them now and then. */
    String text(int longest) {
        StringBuilder text = new StringBuilder();
        int target = 1 + random.nextInt(Math.max(1, longest));
        while (text.length() < target) {
            String fragment = pick(FRAGMENTS);
            if (random.nextInt(8) == 0) {
                int times = Math.max(1, (target - text.length()) / Math.max(1, fragment.length()));
                text.append(fragment.repeat(Math.min(times, 1 + random.nextInt(Math.max(1, times)))));
            } else {
                text.append(fragment);
            }
        }
        return text.length() > longest ? text.substring(0, longest) : text.toString();
    }

    /** Sometimes a small text, sometimes a huge one: most bugs need size. */
    String anySize(int longest) {
        return text(random.nextInt(4) == 0 ? longest : Math.min(longest, 2_000));
    }
}
